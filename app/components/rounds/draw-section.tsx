/**
 * The draw of a round: one line per topic × difficulty × count, each with what the approved bank holds
 * for it, checked live as the organizer types, and the bank table below.
 */
import { SelectField, TextField } from "~/components/forms/fields";
import { useT } from "~/i18n/use-t";
import { drawShortfalls, type DrawSpecLine, type PoolCount } from "~/rules/draw";
import { DIFFICULTIES } from "~/rules/question";
import { ANY, drawSchema, poolFor, type RawDrawLine, type RoundProblem } from "~/rules/round-settings";
import { BankTable } from "./bank-table";
import { problemText } from "./round-problem-text";
import "./rounds.css";

export interface DrawRow extends RawDrawLine {
  key: number;
}

/** The draw as `readRoundForm` returns it: completely blank rows left out. */
export function readRoundFormDraw(lines: RawDrawLine[]): RawDrawLine[] {
  return lines.filter((line) => !(line.count.trim() === "" && line.topic === ANY && line.difficulty === ANY));
}

let rowKeys = 0;
export const withKeys = (lines: RawDrawLine[]): DrawRow[] =>
  lines.map((line) => ({ ...line, key: ++rowKeys }));

export interface LiveDraw {
  /** Each row as a draw line, or null while it does not parse. */
  lines: (DrawSpecLine | null)[];
  /** By line number (from 1): how many questions the bank lacks for it. */
  shortBy: Map<number, number>;
  total: number;
  /** All rows parse together. */
  complete: boolean;
}

/** The live counter: what the bank holds for each line, and whether the lines together can be filled. */
export function liveDrawOf(rows: readonly DrawRow[], poolCounts: readonly PoolCount[]): LiveDraw {
  const parsed = drawSchema.safeParse(
    rows.map(({ topic, difficulty, count }) => ({ topic, difficulty, count })),
  );
  const lines: (DrawSpecLine | null)[] = rows.map((row) => {
    const one = drawSchema.safeParse([row]);
    return one.success ? one.data[0] : null;
  });
  const shortBy = new Map<number, number>();
  if (parsed.success) {
    for (const p of drawShortfalls(poolCounts, parsed.data)) {
      if (p.code === "drawShortfall" && p.line) {
        shortBy.set(p.line, Number(p.params?.needed) - Number(p.params?.available));
      }
    }
  }
  const total = lines.reduce((sum, line) => sum + (line && line.count > 0 ? line.count : 0), 0);
  return { lines, shortBy, total, complete: parsed.success };
}

export function DrawSection({
  rows,
  liveDraw,
  problems,
  topics,
  topicNames,
  poolCounts,
  referenceDate,
  readOnly,
  drawLocked,
  onChangeRow,
  onRemoveRow,
  onAddRow,
}: {
  rows: readonly DrawRow[];
  liveDraw: LiveDraw;
  /** The problems of the "draw" field now shown. */
  problems: readonly RoundProblem[];
  topics: readonly { id: number; name: string }[];
  topicNames: ReadonlyMap<number, string>;
  poolCounts: readonly PoolCount[];
  referenceDate: string;
  readOnly: boolean;
  drawLocked: boolean;
  onChangeRow: (key: number, change: Partial<RawDrawLine>) => void;
  onRemoveRow: (key: number) => void;
  onAddRow: () => void;
}) {
  const t = useT();
  return (
    <section className="card" aria-labelledby="draw-title">
      <h2 id="draw-title">{t("round.form.draw")}</h2>
      <p className="muted round-flush-top">{t("round.form.drawIntro")}</p>
      <fieldset disabled={drawLocked} className="round-fieldset">
        {rows.map((row, index) => {
          const line = liveDraw.lines[index];
          const inPool = line ? poolFor(poolCounts, line) : null;
          const short = liveDraw.shortBy.get(index + 1);
          const lineProblems = problems.filter((p) => p.line === index + 1);
          return (
            <fieldset
              key={row.key}
              aria-describedby={`draw-${index}-status`}
              className={`round-draw-line${short || lineProblems.length ? " short" : ""}`}
            >
              <legend>
                {t("round.form.drawLine")} {index + 1}
              </legend>
              <div className="round-draw-fields">
                <SelectField
                  id={`drawTopic-${row.key}`}
                  name="drawTopic"
                  label={t("round.form.drawTopic")}
                  value={row.topic}
                  onChange={(e) => onChangeRow(row.key, { topic: e.currentTarget.value })}
                  fieldClassName="round-draw-topic"
                  messageRoom={false}
                >
                  <option value={ANY}>{t("round.form.drawAnyTopic")}</option>
                  {topics.map((topic) => (
                    <option key={topic.id} value={String(topic.id)}>
                      {topic.name}
                    </option>
                  ))}
                </SelectField>
                <SelectField
                  id={`drawDifficulty-${row.key}`}
                  name="drawDifficulty"
                  label={t("round.form.drawDifficulty")}
                  value={row.difficulty}
                  onChange={(e) => onChangeRow(row.key, { difficulty: e.currentTarget.value })}
                  fieldClassName="round-draw-difficulty"
                  messageRoom={false}
                >
                  <option value={ANY}>{t("round.form.drawAnyDifficulty")}</option>
                  {DIFFICULTIES.map((d) => (
                    <option key={d} value={d}>
                      {t(`questions.difficulty.${d}`)}
                    </option>
                  ))}
                </SelectField>
                <TextField
                  id={`drawCount-${row.key}`}
                  name="drawCount"
                  inputMode="numeric"
                  label={t("round.form.drawCount")}
                  value={row.count}
                  // The line's problems are said below the line.
                  invalid={lineProblems.length > 0}
                  onChange={(e) => onChangeRow(row.key, { count: e.currentTarget.value })}
                  fieldClassName="round-draw-count"
                  messageRoom={false}
                />
                <div className="round-draw-status" id={`draw-${index}-status`}>
                  <span className="small muted">
                    {t("round.form.drawAvailable")}: <strong>{inPool ?? "–"}</strong>
                  </span>
                  {line && line.count > 0 ? (
                    short ? (
                      <span className="field-error small">{t("round.form.drawMissing", { n: short })}</span>
                    ) : liveDraw.complete ? (
                      <span className="small round-draw-fits">{t("round.form.drawFits")}</span>
                    ) : null
                  ) : null}
                </div>
                {!readOnly && !drawLocked ? (
                  <button
                    type="button"
                    className="secondary round-draw-remove"
                    onClick={() => onRemoveRow(row.key)}
                    aria-label={t("round.form.drawRemove", { line: index + 1 })}
                  >
                    ✕
                  </button>
                ) : null}
              </div>
              {lineProblems.length > 0 ? (
                <p className="field-error round-draw-error">
                  {lineProblems.map((p) => problemText(t, p, topicNames)).join(" ")}
                </p>
              ) : null}
            </fieldset>
          );
        })}
      </fieldset>
      {problems
        .filter((p) => p.line === undefined)
        .map((p, i) => (
          <p key={i} className="field-error round-draw-error">
            {problemText(t, p, topicNames)}
          </p>
        ))}
      <div className="round-draw-total">
        <strong aria-live="polite">{t("round.form.drawTotal", { n: liveDraw.total })}</strong>
        {!readOnly && !drawLocked ? (
          <button type="button" className="secondary" onClick={onAddRow}>
            {t("round.form.drawAdd")}
          </button>
        ) : null}
      </div>
      <BankTable poolCounts={poolCounts} topics={topics} referenceDate={referenceDate} />
    </section>
  );
}
