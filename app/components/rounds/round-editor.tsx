/**
 * The round form of /console/rounds/new and /console/rounds/:id. The rules are in
 * app/rules/round-settings.ts: the browser runs them as the organizer types, the route's action runs them
 * again on the server before writing.
 */
import { useEffect, useMemo, useRef, useState, type FormEvent } from "react";
import { Form, Link, useNavigation, useSearchParams } from "@remix-run/react";
import { CsrfInput } from "~/components/csrf-input";
import { TextField } from "~/components/forms/fields";
import { useLang, useT } from "~/i18n/use-t";
import { DIFFICULTIES } from "~/rules/question";
import { PRIZE_KINDS } from "~/rules/prizes";
import {
  ANY,
  POINTS_FIELD,
  PRIZE_FIELD,
  ROUND_LIMITS,
  checkRoundForm,
  readRoundForm,
  type RawDrawLine,
  type RoundField,
  type RoundFormValues,
  type RoundProblem,
  type RoundRulesContext,
} from "~/rules/round-settings";
import { formatDateTimeIn } from "~/i18n/dates";
import { parseVnDateTimeLocal } from "~/rules/vn-time";
import { DrawSection, liveDrawOf, readRoundFormDraw, withKeys, type DrawRow } from "./draw-section";
import { RoundActions, type RoundActionOutcome, type RoundSummary } from "./round-actions";
import { RoundCheckbox } from "./round-choice";
import { fieldOf, problemText } from "./round-problem-text";
import "./rounds.css";

/** What the route's loader gives the editor. */
export interface RoundEditorData {
  isNew: boolean;
  canEdit: boolean;
  topics: { id: number; name: string }[];
  categories: { id: number; name: string }[];
  values: RoundFormValues;
  /** The contest's reference date (ISO), on which a question must be valid to be drawn. */
  referenceDate: string;
  rules: RoundRulesContext & { published: boolean };
  round: (RoundSummary & { title: string; started: number; submitted: number }) | null;
}

/** The action's answer: the save refused with its problems, or a message. */
export type RoundEditorResult =
  | { intent: "save"; problems: RoundProblem[]; values: RoundFormValues }
  | { intent: "save"; ok: string }
  | RoundActionOutcome;

export function RoundEditor({
  data,
  result,
}: {
  data: RoundEditorData;
  result: RoundEditorResult | undefined;
}) {
  const t = useT();
  const lang = useLang();
  const navigation = useNavigation();
  const [searchParams] = useSearchParams();
  const { isNew, canEdit, topics, categories, round, rules } = data;

  const refused = result && "problems" in result ? result : null;
  const initial = refused?.values ?? data.values;
  const formRef = useRef<HTMLFormElement>(null);
  const [values, setValues] = useState<RoundFormValues>(initial);
  const [rows, setRows] = useState<DrawRow[]>(() => withKeys(initial.draw));
  const [touched, setTouched] = useState<ReadonlySet<string>>(new Set());
  const [showAll, setShowAll] = useState(false);
  // After a post the server's verdict stands until the organizer changes something.
  const [editedSinceServer, setEditedSinceServer] = useState(false);

  const topicNames = useMemo(() => new Map(topics.map((topic) => [topic.id, topic.name])), [topics]);
  const rulesContext: RoundRulesContext = rules;
  const check = useMemo(() => checkRoundForm(values, rulesContext), [values, rulesContext]);
  const clientProblems = check.ok ? [] : check.problems;
  const published = rules.published;
  const readOnly = !canEdit || published;
  const drawLocked = rules.hasAttempts;

  const visibleProblems: RoundProblem[] =
    refused && !editedSinceServer
      ? refused.problems
      : clientProblems.filter((p) => showAll || touched.has(p.field) || p.field === "form");
  const problemsOf = (field: RoundField) => visibleProblems.filter((p) => p.field === field);

  const liveDraw = useMemo(() => liveDrawOf(rows, rules.poolCounts), [rows, rules.poolCounts]);

  // What was typed before the page came alive (a slow connection) is in the inputs, not in the state.
  // (A read-only form is disabled, and FormData leaves disabled inputs out: nothing to read there.)
  useEffect(() => {
    if (!formRef.current || readOnly) return;
    const typed = readRoundForm(new FormData(formRef.current));
    setValues(typed);
    if (JSON.stringify(typed.draw) !== JSON.stringify(readRoundFormDraw(initial.draw)))
      setRows(withKeys(typed.draw));
    // Only once, when the page is hydrated.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  function refresh() {
    if (formRef.current && !readOnly) setValues(readRoundForm(new FormData(formRef.current)));
    setEditedSinceServer(true);
  }

  function touch(field: string) {
    setTouched((before) => (before.has(field) ? before : new Set(before).add(field)));
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    const current = readRoundForm(new FormData(event.currentTarget));
    const verdict = checkRoundForm(current, rulesContext);
    setValues(current);
    setShowAll(true);
    setEditedSinceServer(true);
    if (!verdict.ok) {
      event.preventDefault();
      // Bring the list of problems into view, as a screen reader announces it (role="alert").
      requestAnimationFrame(() => document.getElementById("round-problems")?.focus());
    } else {
      setEditedSinceServer(false);
    }
  }

  const updateRow = (key: number, change: Partial<RawDrawLine>) =>
    setRows((before) => before.map((row) => (row.key === key ? { ...row, ...change } : row)));
  const removeRow = (key: number) => {
    setRows((before) => before.filter((r) => r.key !== key));
    touch("draw");
    setEditedSinceServer(true);
    requestAnimationFrame(refresh);
  };
  const addRow = () => {
    setRows((before) => [...before, ...withKeys([{ topic: ANY, difficulty: ANY, count: "" }])]);
    setEditedSinceServer(true);
  };

  const saving = navigation.state === "submitting" && navigation.formData?.get("intent") === "save";
  const saved = result
    ? "ok" in result && result.intent === "save"
      ? result.ok
      : null
    : searchParams.has("created")
      ? t("round.form.created")
      : null;
  const roundAction = result && result.intent !== "save" ? result : null;

  const fieldError = (field: RoundField) => {
    const list = problemsOf(field);
    return list.length > 0 ? (
      <span className="field-error" id={`${field}-error`}>
        {list.map((p) => problemText(t, p, topicNames)).join(" ")}
      </span>
    ) : null;
  };
  const errorOf = (field: RoundField) => {
    const list = problemsOf(field);
    return list.length > 0 ? list.map((p) => problemText(t, p, topicNames)).join(" ") : undefined;
  };
  const timeReads = (value: string) => {
    const date = parseVnDateTimeLocal(value);
    return date
      ? t("round.form.timeReads", { time: formatDateTimeIn(lang, date) })
      : t("round.form.timeHint");
  };

  return (
    <>
      <p className="round-flush">
        <Link to="/console/rounds">{t("round.form.back")}</Link>
      </p>
      <div>
        <h1 className="round-title">{isNew ? t("round.form.newTitle") : round?.title}</h1>
        {round ? (
          <p className="round-status-line">
            <span className={`badge ${round.phase}`}>{t(`round.phase.${round.phase}`)}</span>
            <Link to={`/console/rounds/${round.id}/rehearsal`}>{t("organizer.rehearsal.link")}</Link>
            {round.publishedAt ? <span className="badge">{t("round.status.published")}</span> : null}
            {!round.publishedAt && round.rankedAt ? (
              <span className="badge">{t("round.status.ranked")}</span>
            ) : null}
            <span className="muted">
              {t("round.form.attempts", { started: round.started, submitted: round.submitted })}
            </span>
          </p>
        ) : null}
      </div>

      {saved ? (
        <p className="form-success" role="status">
          {saved}
        </p>
      ) : null}
      {published ? (
        <p className="badge warn" role="note">
          {t("round.form.publishedLock")}
        </p>
      ) : drawLocked && canEdit ? (
        <p className="badge warn" role="note">
          {t("round.form.lockedByAttempts")}
        </p>
      ) : null}

      {round ? <RoundActions round={round} canEdit={canEdit} result={roundAction} /> : null}

      {visibleProblems.length > 0 && (showAll || refused) ? (
        <div className="form-error round-problems" role="alert" id="round-problems" tabIndex={-1}>
          <p>{t("round.form.refused")}</p>
          <ul>
            {visibleProblems.map((p, i) => (
              <li key={i}>{problemText(t, p, topicNames)}</li>
            ))}
          </ul>
        </div>
      ) : null}

      <Form
        method="post"
        noValidate
        ref={formRef}
        onChange={refresh}
        onInput={refresh}
        onBlur={(event) => {
          const target = event.target as Element;
          const name = target.getAttribute("name");
          if (name) touch(fieldOf(name));
        }}
        onSubmit={onSubmit}
      >
        <CsrfInput />
        <fieldset disabled={readOnly} className="round-fieldset">
          <section className="card">
            <h2>{t("round.form.general")}</h2>
            <TextField
              name="title"
              label={t("round.form.title")}
              hint={t("round.form.titleHint")}
              error={errorOf("title")}
              defaultValue={initial.title}
              maxLength={ROUND_LIMITS.titleMax + 50}
              messageRoom={false}
            />
            <div className="grid two round-times">
              <TextField
                name="opensAt"
                type="datetime-local"
                label={t("round.form.opensAt")}
                hint={timeReads(values.opensAt)}
                error={errorOf("opensAt")}
                defaultValue={initial.opensAt}
                messageRoom={false}
              />
              <TextField
                name="closesAt"
                type="datetime-local"
                label={t("round.form.closesAt")}
                hint={timeReads(values.closesAt)}
                error={errorOf("closesAt")}
                defaultValue={initial.closesAt}
                messageRoom={false}
              />
            </div>

            <TextField
              name="durationMinutes"
              inputMode="numeric"
              label={t("round.form.durationMinutes")}
              hint={t("round.form.durationHint")}
              error={errorOf("durationMinutes")}
              defaultValue={initial.durationMinutes}
              fieldClassName="round-duration-field"
              messageRoom={false}
            />
          </section>

          <DrawSection
            rows={rows}
            liveDraw={liveDraw}
            problems={problemsOf("draw")}
            topics={topics}
            topicNames={topicNames}
            poolCounts={rules.poolCounts}
            referenceDate={data.referenceDate}
            readOnly={readOnly}
            drawLocked={drawLocked}
            onChangeRow={updateRow}
            onRemoveRow={removeRow}
            onAddRow={addRow}
          />

          <section className="card">
            <h2>{t("round.form.howToTake")}</h2>
            <RoundCheckbox
              name="shuffleQuestions"
              label={t("round.form.shuffleQuestions")}
              checked={initial.shuffleQuestions}
            />
            <RoundCheckbox
              name="shuffleOptions"
              label={t("round.form.shuffleOptions")}
              checked={initial.shuffleOptions}
            />
            <RoundCheckbox
              name="predictionEnabled"
              label={t("round.form.predictionEnabled")}
              checked={initial.predictionEnabled}
            />
            <RoundCheckbox
              name="showReviewAfterClose"
              label={t("round.form.showReviewAfterClose")}
              checked={initial.showReviewAfterClose}
            />
            <TextField
              name="maxAttempts"
              inputMode="numeric"
              label={t("round.form.maxAttempts")}
              hint={t("round.form.maxAttemptsHint")}
              error={errorOf("maxAttempts")}
              defaultValue={initial.maxAttempts}
              fieldClassName="round-short-field"
              messageRoom={false}
            />
            <fieldset className="field round-fieldset round-eligible" aria-describedby="eligible-hint">
              <legend>{t("round.form.eligible")}</legend>
              <span className="hint" id="eligible-hint">
                {t("round.form.eligibleHint")}
              </span>
              <div className="round-eligible-grid">
                {categories.map((category) => (
                  <RoundCheckbox
                    key={category.id}
                    name="eligibleCategories"
                    value={String(category.id)}
                    label={category.name}
                    checked={initial.eligibleCategories.includes(String(category.id))}
                  />
                ))}
              </div>
              {fieldError("eligibleCategories")}
            </fieldset>
          </section>

          <section className="card">
            <fieldset className="round-fieldset">
              <legend className="round-board-legend">{t("round.form.board")}</legend>
              {(["live", "hidden", "frozen"] as const).map((policy) => (
                <label key={policy} className="round-choice">
                  <input
                    type="radio"
                    name="boardPolicy"
                    value={policy}
                    defaultChecked={initial.boardPolicy === policy}
                  />
                  {t(
                    `round.form.board${policy === "live" ? "Live" : policy === "hidden" ? "Hidden" : "Frozen"}`,
                  )}
                </label>
              ))}
              {fieldError("boardPolicy")}
            </fieldset>
            {values.boardPolicy === "frozen" ? (
              <TextField
                name="freezeMinutes"
                inputMode="numeric"
                label={t("round.form.freezeMinutes")}
                hint={t("round.form.freezeHint")}
                error={errorOf("freezeMinutes")}
                defaultValue={initial.freezeMinutes}
                fieldClassName="round-short-field"
                messageRoom={false}
              />
            ) : (
              <input type="hidden" name="freezeMinutes" value={initial.freezeMinutes} />
            )}
          </section>

          <section className="card">
            <h2>{t("round.form.points")}</h2>
            <fieldset disabled={drawLocked} className="round-fieldset">
              <div className="grid round-auto-grid">
                {DIFFICULTIES.map((d) => (
                  <TextField
                    key={d}
                    name={POINTS_FIELD[d]}
                    inputMode="numeric"
                    label={t(`questions.difficulty.${d}`)}
                    defaultValue={initial.points[d]}
                    // The message is said once for all the points, below them.
                    invalid={problemsOf("points").some((p) => p.params?.kind === d)}
                    messageRoom={false}
                  />
                ))}
              </div>
            </fieldset>
            {drawLocked
              ? // A disabled input is not posted: keep the stored points in the form.
                DIFFICULTIES.map((d) => (
                  <input key={d} type="hidden" name={POINTS_FIELD[d]} value={initial.points[d]} />
                ))
              : null}
            {fieldError("points")}

            <h2 className="round-prizes-title">{t("round.form.prizes")}</h2>
            <div className="grid round-auto-grid">
              {PRIZE_KINDS.map((kind) => (
                <TextField
                  key={kind}
                  name={PRIZE_FIELD[kind]}
                  inputMode="numeric"
                  label={t(`round.prize.${kind}`)}
                  defaultValue={initial.prizes[kind]}
                  invalid={problemsOf("prizes").some((p) => p.params?.kind === kind)}
                  messageRoom={false}
                />
              ))}
            </div>
            {fieldError("prizes")}
          </section>
        </fieldset>

        {drawLocked
          ? // The locked draw is not posted by its disabled inputs: post the stored lines instead.
            rows.map((row) => (
              <span key={row.key}>
                <input type="hidden" name="drawTopic" value={row.topic} />
                <input type="hidden" name="drawDifficulty" value={row.difficulty} />
                <input type="hidden" name="drawCount" value={row.count} />
              </span>
            ))
          : null}

        {!readOnly ? (
          <p className="round-flush">
            <button type="submit" name="intent" value="save" className="primary" disabled={saving}>
              {isNew ? t("round.form.create") : t("round.form.save")}
            </button>
          </p>
        ) : null}
      </Form>
    </>
  );
}
