/**
 * A round's settings: /console/rounds/new creates one, /console/rounds/:id shows and edits it, with the
 * organizer's actions "close and rank" and "publish". One route serves both, so that the form, its
 * checks and its messages exist once (the rules are in app/rules/round-settings.ts; the browser runs
 * them as the organizer types, the action runs them again on the server before writing).
 */
import { useEffect, useMemo, useRef, useState, type FormEvent } from "react";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import {
  Form,
  Link,
  redirect,
  useActionData,
  useLoaderData,
  useNavigation,
  useSearchParams,
} from "@remix-run/react";
import { CsrfInput } from "~/components/csrf-input";
import { useT } from "~/i18n/use-t";
import { translate } from "~/i18n";
import { EDITOR_ROLES, requireEditor, requireStaff } from "~/lib/auth.server";
import { readProtectedForm } from "~/lib/csrf.server";
import { roundPhase } from "~/rules/deadline";
import { drawShortfalls, type DrawSpecLine, type PoolCount } from "~/rules/draw";
import { DIFFICULTIES, type Difficulty } from "~/rules/question";
import { PRIZE_KINDS } from "~/rules/prizes";
import {
  ANY,
  POINTS_FIELD,
  PRIZE_FIELD,
  ROUND_LIMITS,
  changedRoundFields,
  checkRoundForm,
  defaultRoundSettings,
  drawSchema,
  poolFor,
  readRoundForm,
  roundFormValues,
  type RawDrawLine,
  type RoundField,
  type RoundFormValues,
  type RoundProblem,
  type RoundRulesContext,
} from "~/rules/round-settings";
import { formatVnDateTime, parseVnDateTimeLocal, toVnDateTimeLocal } from "~/rules/vn-time";
import { isoToVnDate } from "~/rules/validity";
import { contestReferenceDate, findCurrentContest, listCategories } from "#db/repos/contests";
import { listTopics } from "#db/repos/questions";
import { findRoundSettings, roundHasAttempts, type RoundSettings } from "#db/repos/rounds";
import {
  approvedPoolCounts,
  createRound,
  roundAttemptCounts,
  roundSettingsInput,
  updateRound,
} from "#db/repos/round-settings";
import { recordAudit } from "#db/repos/audit";
import type { Db } from "#db/connection";
import { closeRound, publishRound } from "#server/contest/ranking";

export const meta: MetaFunction = () => [{ title: "Đợt thi — Hội thi tìm hiểu về Chuyển đổi số" }];

const NEW = "new";
const DAY_MS = 24 * 60 * 60 * 1000;

/** The round this URL names, in the current contest; 404 otherwise. */
async function findRoundOr404(db: Db, roundId: string | undefined): Promise<RoundSettings> {
  const id = Number(roundId);
  const contest = await findCurrentContest(db);
  const round = Number.isSafeInteger(id) && id > 0 ? await findRoundSettings(db, id) : undefined;
  if (!round || !contest || round.contestId !== contest.id) throw new Response("Not found", { status: 404 });
  return round;
}

/** A new round opens tomorrow at 08:00 and closes a week later at 20:00, Vietnam time. */
function newRoundTimes(now: Date): { opensAt: Date; closesAt: Date } {
  const tomorrow = toVnDateTimeLocal(new Date(now.getTime() + DAY_MS)).slice(0, 10);
  const opensAt = parseVnDateTimeLocal(`${tomorrow}T08:00`)!;
  const closeDay = toVnDateTimeLocal(new Date(opensAt.getTime() + 6 * DAY_MS)).slice(0, 10);
  return { opensAt, closesAt: parseVnDateTimeLocal(`${closeDay}T20:00`)! };
}

/** What the rules need to know about the stored round (or its absence). */
async function rulesContext(
  db: Db,
  contestId: number,
  round: RoundSettings | null,
  referenceDate: string,
): Promise<RoundRulesContext & { categoryIds: number[] }> {
  const [poolCounts, categories, hasAttempts] = await Promise.all([
    // Only questions valid on the contest's reference date can be drawn, so only they count.
    approvedPoolCounts(db, referenceDate),
    listCategories(db, contestId),
    round ? roundHasAttempts(db, round.id) : Promise.resolve(false),
  ]);
  return {
    poolCounts,
    hasAttempts,
    previousDrawSpec: round ? round.drawSpec : null,
    previousPoints: round ? round.points : null,
    categoryIds: categories.map((c) => c.id),
    published: round ? round.publishedAt !== null : false,
  };
}

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const isNew = params.roundId === NEW;
  // Judges read every round; only organizers create one.
  const user = isNew ? await requireEditor(request, context) : await requireStaff(request, context);
  const { db, clock } = context.services;
  const now = clock.now();
  const contest = await findCurrentContest(db);
  if (!contest) throw new Response("Not found", { status: 404 });
  const round = isNew ? null : await findRoundOr404(db, params.roundId);
  const referenceDate = await contestReferenceDate(db, contest.id, now);
  const [rules, topics, categories] = await Promise.all([
    rulesContext(db, contest.id, round, referenceDate),
    listTopics(db),
    listCategories(db, contest.id),
  ]);
  const times = newRoundTimes(now);
  const attempts = round ? (await roundAttemptCounts(db, contest.id)).get(round.id) : undefined;
  return {
    isNew,
    canEdit: EDITOR_ROLES.includes(user.role),
    topics: topics.map((t) => ({ id: t.id, name: t.name })),
    categories: categories.map((c) => ({ id: c.id, name: c.name })),
    values: roundFormValues(
      round ? roundSettingsInput(round) : defaultRoundSettings(times.opensAt, times.closesAt),
    ),
    referenceDate,
    rules: {
      poolCounts: rules.poolCounts,
      hasAttempts: rules.hasAttempts,
      previousDrawSpec: rules.previousDrawSpec,
      previousPoints: rules.previousPoints ?? null,
      categoryIds: rules.categoryIds,
      published: rules.published ?? false,
    },
    round: round
      ? {
          id: round.id,
          title: round.title,
          phase: roundPhase(now, round.opensAt, round.closesAt),
          rankedAt: round.rankedAt ? formatVnDateTime(round.rankedAt) : null,
          publishedAt: round.publishedAt ? formatVnDateTime(round.publishedAt) : null,
          perfectCount: round.perfectCount,
          started: attempts?.started ?? 0,
          submitted: attempts?.submitted ?? 0,
        }
      : null,
  };
}

type SaveRefused = { intent: "save"; problems: RoundProblem[]; values: RoundFormValues };
type ActionResult =
  | SaveRefused
  | { intent: "save"; ok: string }
  | { intent: "close" | "publish"; ok: string }
  | { intent: "close" | "publish"; error: string };

export async function action({
  request,
  context,
  params,
}: ActionFunctionArgs): Promise<ActionResult | Response> {
  const user = await requireEditor(request, context);
  const form = await readProtectedForm(request, context);
  const { db, clock } = context.services;
  const lang = context.lang;
  const intent = form.get("intent");
  const isNew = params.roundId === NEW;

  if (intent === "close" || intent === "publish") {
    if (isNew) throw new Response("Not found", { status: 404 });
    const round = await findRoundOr404(db, params.roundId);
    if (intent === "close") {
      const stillOpen = roundPhase(clock.now(), round.opensAt, round.closesAt) === "open";
      if (stillOpen && form.get("confirm") !== "on") {
        return { intent, error: translate(lang, "round.actions.confirmRequired") };
      }
      const result = await closeRound(context.services, { roundId: round.id, actorUserId: user.id });
      if (!result.ok) {
        const key = result.code === "notOpenYet" ? "round.actions.notOpenYet" : "round.actions.notFound";
        return { intent, error: translate(lang, key) };
      }
      return {
        intent,
        ok: translate(lang, "round.actions.ranked", { ranked: result.ranked, perfect: result.perfectCount }),
      };
    }
    const result = await publishRound(context.services, { roundId: round.id, actorUserId: user.id });
    if (!result.ok) {
      const key = result.code === "notRanked" ? "round.actions.notRanked" : "round.actions.notFound";
      return { intent, error: translate(lang, key) };
    }
    return { intent, ok: translate(lang, "round.actions.publishDone") };
  }

  if (intent !== "save") throw new Response("Bad request", { status: 400 });
  const contest = await findCurrentContest(db);
  if (!contest) throw new Response("Not found", { status: 404 });
  const existing = isNew ? null : await findRoundOr404(db, params.roundId);
  const values = readRoundForm(form);
  const now = clock.now();

  // Checked and written in one transaction, so an attempt that starts in between cannot slip past
  // the "no draw change once attempts exist" rule.
  const outcome = await db.transaction().execute(async (trx) => {
    const current = existing ? ((await findRoundSettings(trx, existing.id)) ?? null) : null;
    if (existing && !current) throw new Response("Not found", { status: 404 });
    const referenceDate = await contestReferenceDate(trx, contest.id, now);
    const check = checkRoundForm(values, await rulesContext(trx, contest.id, current, referenceDate));
    if (!check.ok) return { kind: "refused" as const, problems: check.problems };
    if (!current) {
      const created = await createRound(trx, { contestId: contest.id, settings: check.value, now });
      await recordAudit(trx, {
        actorUserId: user.id,
        action: "round.create",
        entity: "round",
        entityId: created.id,
        details: { title: created.title, opensAt: created.opens_at, closesAt: created.closes_at },
        now,
      });
      return { kind: "created" as const, id: created.id };
    }
    const changed = changedRoundFields(roundSettingsInput(current), check.value);
    await updateRound(trx, current.id, check.value);
    await recordAudit(trx, {
      actorUserId: user.id,
      action: "round.update",
      entity: "round",
      entityId: current.id,
      details: { changed },
      now,
    });
    return { kind: "updated" as const, wasRanked: current.rankedAt !== null && changed.length > 0 };
  });

  if (outcome.kind === "refused") return { intent: "save", problems: outcome.problems, values };
  if (outcome.kind === "created") return redirect(`/console/rounds/${outcome.id}?created=1`);
  return {
    intent: "save",
    ok: translate(lang, outcome.wasRanked ? "round.form.savedAfterRanking" : "round.form.saved"),
  };
}

// ---------------------------------------------------------------------------------------------------
// The page

type T = ReturnType<typeof useT>;

/** A problem as the organizer reads it, with topic and difficulty names in place of ids. */
function problemText(t: T, problem: RoundProblem, topicNames: ReadonlyMap<number, string>): string {
  const params: Record<string, string | number> = { ...problem.params };
  if (problem.line !== undefined) params.line = problem.line;
  const kind = problem.params?.kind;
  if (typeof kind === "string" && (DIFFICULTIES as readonly string[]).includes(kind)) {
    params.difficulty = t(`questions.difficulty.${kind as Difficulty}`);
  }
  if (typeof kind === "string" && (PRIZE_KINDS as readonly string[]).includes(kind)) {
    params.prize = t(`round.prize.${kind as (typeof PRIZE_KINDS)[number]}`);
  }
  if (problem.code === "drawShortfall") {
    const difficulty = problem.params?.difficulty as Difficulty | undefined;
    const topicId = problem.params?.topicId as number | undefined;
    const names = {
      count: Number(problem.params?.needed ?? problem.params?.count ?? 0),
      difficulty: difficulty ? t(`questions.difficulty.${difficulty}`) : "",
      topic: topicId !== undefined ? (topicNames.get(topicId) ?? t("round.draw.unknownTopic")) : "",
    };
    const what =
      difficulty && topicId !== undefined
        ? t("round.draw.what.both", names)
        : difficulty
          ? t("round.draw.what.difficulty", names)
          : topicId !== undefined
            ? t("round.draw.what.topic", names)
            : t("round.draw.what.any", names);
    const shared = Number(problem.params?.inPool) > Number(problem.params?.available);
    return t(shared ? "round.problem.drawShortfallShared" : "round.problem.drawShortfall", {
      ...params,
      what,
    });
  }
  return t.dynamic(`round.problem.${problem.code}`, params);
}

interface DrawRow extends RawDrawLine {
  key: number;
}

/** The draw as `readRoundForm` returns it: completely blank rows left out. */
function readRoundFormDraw(lines: RawDrawLine[]): RawDrawLine[] {
  return lines.filter((line) => !(line.count.trim() === "" && line.topic === ANY && line.difficulty === ANY));
}

let rowKeys = 0;
const withKeys = (lines: RawDrawLine[]): DrawRow[] => lines.map((line) => ({ ...line, key: ++rowKeys }));

const CHOICE: React.CSSProperties = {
  display: "flex",
  alignItems: "center",
  gap: 10,
  minHeight: 44,
  padding: "8px 0",
  fontWeight: 400,
};
const BOX: React.CSSProperties = { width: 22, height: 22, margin: 0, flex: "none" };
const AUTO_GRID: React.CSSProperties = {
  gridTemplateColumns: "repeat(auto-fit, minmax(120px, 1fr))",
  gap: "0 16px",
};

export default function RoundPage() {
  const data = useLoaderData<typeof loader>();
  // A fresh form for each round (after creating one, the URL changes to the new round's).
  return <RoundEditor key={data.round?.id ?? NEW} />;
}

function RoundEditor() {
  const t = useT();
  const data = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
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

  // The live counter: what the bank holds for each line, and whether the lines together can be filled.
  const liveDraw = useMemo(() => {
    const parsed = drawSchema.safeParse(
      rows.map(({ topic, difficulty, count }) => ({ topic, difficulty, count })),
    );
    const lines: (DrawSpecLine | null)[] = rows.map((row) => {
      const one = drawSchema.safeParse([row]);
      return one.success ? one.data[0] : null;
    });
    const shortBy = new Map<number, number>();
    if (parsed.success) {
      for (const p of drawShortfalls(rules.poolCounts, parsed.data)) {
        if (p.code === "drawShortfall" && p.line) {
          shortBy.set(p.line, Number(p.params?.needed) - Number(p.params?.available));
        }
      }
    }
    const total = lines.reduce((sum, line) => sum + (line && line.count > 0 ? line.count : 0), 0);
    return { lines, shortBy, total, complete: parsed.success };
  }, [rows, rules.poolCounts]);

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
  const invalid = (field: RoundField) => (problemsOf(field).length > 0 ? true : undefined);
  const timeReads = (value: string) => {
    const date = parseVnDateTimeLocal(value);
    return date ? t("round.form.timeReads", { time: formatVnDateTime(date) }) : t("round.form.timeHint");
  };

  return (
    <>
      <p style={{ margin: 0 }}>
        <Link to="/console/rounds">{t("round.form.back")}</Link>
      </p>
      <div>
        <h1 style={{ marginBottom: 4 }}>{isNew ? t("round.form.newTitle") : round?.title}</h1>
        {round ? (
          <p style={{ margin: 0, display: "flex", flexWrap: "wrap", gap: 8, alignItems: "center" }}>
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
        <div className="form-error" role="alert" id="round-problems" tabIndex={-1}>
          <p style={{ margin: "0 0 6px" }}>{t("round.form.refused")}</p>
          <ul style={{ margin: 0, paddingLeft: 20 }}>
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
        <fieldset disabled={readOnly} style={{ border: 0, padding: 0, margin: 0, minWidth: 0 }}>
          <section className="card">
            <h2>{t("round.form.general")}</h2>
            <div className="field">
              <label htmlFor="title">{t("round.form.title")}</label>
              <input
                id="title"
                name="title"
                defaultValue={initial.title}
                maxLength={ROUND_LIMITS.titleMax + 50}
                aria-invalid={invalid("title")}
                aria-describedby="title-hint title-error"
              />
              <span className="hint" id="title-hint">
                {t("round.form.titleHint")}
              </span>
              {fieldError("title")}
            </div>
            <div className="grid two" style={{ gap: "0 16px" }}>
              <div className="field">
                <label htmlFor="opensAt">{t("round.form.opensAt")}</label>
                <input
                  id="opensAt"
                  name="opensAt"
                  type="datetime-local"
                  defaultValue={initial.opensAt}
                  aria-invalid={invalid("opensAt")}
                  aria-describedby="opensAt-hint opensAt-error"
                />
                <span className="hint" id="opensAt-hint">
                  {timeReads(values.opensAt)}
                </span>
                {fieldError("opensAt")}
              </div>
              <div className="field">
                <label htmlFor="closesAt">{t("round.form.closesAt")}</label>
                <input
                  id="closesAt"
                  name="closesAt"
                  type="datetime-local"
                  defaultValue={initial.closesAt}
                  aria-invalid={invalid("closesAt")}
                  aria-describedby="closesAt-hint closesAt-error"
                />
                <span className="hint" id="closesAt-hint">
                  {timeReads(values.closesAt)}
                </span>
                {fieldError("closesAt")}
              </div>
            </div>

            <div className="field" style={{ maxWidth: 320 }}>
              <label htmlFor="durationMinutes">{t("round.form.durationMinutes")}</label>
              <input
                id="durationMinutes"
                name="durationMinutes"
                inputMode="numeric"
                defaultValue={initial.durationMinutes}
                aria-invalid={invalid("durationMinutes")}
                aria-describedby="durationMinutes-hint durationMinutes-error"
              />
              <span className="hint" id="durationMinutes-hint">
                {t("round.form.durationHint")}
              </span>
              {fieldError("durationMinutes")}
            </div>
          </section>

          <section className="card" aria-labelledby="draw-title">
            <h2 id="draw-title">{t("round.form.draw")}</h2>
            <p className="muted" style={{ marginTop: 0 }}>
              {t("round.form.drawIntro")}
            </p>
            <fieldset disabled={drawLocked} style={{ border: 0, padding: 0, margin: 0, minWidth: 0 }}>
              {rows.map((row, index) => {
                const line = liveDraw.lines[index];
                const inPool = line ? poolFor(rules.poolCounts, line) : null;
                const short = liveDraw.shortBy.get(index + 1);
                const lineProblems = problemsOf("draw").filter((p) => p.line === index + 1);
                return (
                  <fieldset
                    key={row.key}
                    aria-describedby={`draw-${index}-status`}
                    style={{
                      border: `1px solid ${short || lineProblems.length ? "var(--red)" : "var(--line)"}`,
                      borderRadius: 8,
                      padding: "8px 12px 0",
                      margin: "0 0 10px",
                      minWidth: 0,
                    }}
                  >
                    <legend style={{ fontWeight: 600, padding: "0 4px" }}>
                      {t("round.form.drawLine")} {index + 1}
                    </legend>
                    <div style={{ display: "flex", flexWrap: "wrap", gap: "0 12px", alignItems: "flex-end" }}>
                      <div className="field" style={{ flex: "2 1 220px" }}>
                        <label htmlFor={`drawTopic-${row.key}`}>{t("round.form.drawTopic")}</label>
                        <select
                          id={`drawTopic-${row.key}`}
                          name="drawTopic"
                          value={row.topic}
                          onChange={(e) => updateRow(row.key, { topic: e.currentTarget.value })}
                        >
                          <option value={ANY}>{t("round.form.drawAnyTopic")}</option>
                          {topics.map((topic) => (
                            <option key={topic.id} value={String(topic.id)}>
                              {topic.name}
                            </option>
                          ))}
                        </select>
                      </div>
                      <div className="field" style={{ flex: "1 1 130px" }}>
                        <label htmlFor={`drawDifficulty-${row.key}`}>{t("round.form.drawDifficulty")}</label>
                        <select
                          id={`drawDifficulty-${row.key}`}
                          name="drawDifficulty"
                          value={row.difficulty}
                          onChange={(e) => updateRow(row.key, { difficulty: e.currentTarget.value })}
                        >
                          <option value={ANY}>{t("round.form.drawAnyDifficulty")}</option>
                          {DIFFICULTIES.map((d) => (
                            <option key={d} value={d}>
                              {t(`questions.difficulty.${d}`)}
                            </option>
                          ))}
                        </select>
                      </div>
                      <div className="field" style={{ flex: "0 1 96px" }}>
                        <label htmlFor={`drawCount-${row.key}`}>{t("round.form.drawCount")}</label>
                        <input
                          id={`drawCount-${row.key}`}
                          name="drawCount"
                          inputMode="numeric"
                          value={row.count}
                          aria-invalid={lineProblems.length > 0 ? true : undefined}
                          onChange={(e) => updateRow(row.key, { count: e.currentTarget.value })}
                        />
                      </div>
                      <div
                        style={{
                          flex: "1 1 150px",
                          marginBottom: 14,
                          minHeight: 44,
                          display: "flex",
                          flexDirection: "column",
                          justifyContent: "center",
                        }}
                        id={`draw-${index}-status`}
                      >
                        <span className="small muted">
                          {t("round.form.drawAvailable")}: <strong>{inPool ?? "–"}</strong>
                        </span>
                        {line && line.count > 0 ? (
                          short ? (
                            <span className="field-error small">
                              {t("round.form.drawMissing", { n: short })}
                            </span>
                          ) : liveDraw.complete ? (
                            <span className="small" style={{ color: "var(--green)", fontWeight: 600 }}>
                              {t("round.form.drawFits")}
                            </span>
                          ) : null
                        ) : null}
                      </div>
                      {!readOnly && !drawLocked ? (
                        <button
                          type="button"
                          className="secondary"
                          style={{ marginBottom: 14 }}
                          onClick={() => {
                            setRows((before) => before.filter((r) => r.key !== row.key));
                            touch("draw");
                            setEditedSinceServer(true);
                            requestAnimationFrame(refresh);
                          }}
                          aria-label={t("round.form.drawRemove", { line: index + 1 })}
                        >
                          ✕
                        </button>
                      ) : null}
                    </div>
                    {lineProblems.length > 0 ? (
                      <p className="field-error" style={{ margin: "0 0 10px" }}>
                        {lineProblems.map((p) => problemText(t, p, topicNames)).join(" ")}
                      </p>
                    ) : null}
                  </fieldset>
                );
              })}
            </fieldset>
            {problemsOf("draw")
              .filter((p) => p.line === undefined)
              .map((p, i) => (
                <p key={i} className="field-error" style={{ margin: "0 0 10px" }}>
                  {problemText(t, p, topicNames)}
                </p>
              ))}
            <div
              style={{
                display: "flex",
                flexWrap: "wrap",
                gap: 12,
                alignItems: "center",
                justifyContent: "space-between",
              }}
            >
              <strong aria-live="polite">{t("round.form.drawTotal", { n: liveDraw.total })}</strong>
              {!readOnly && !drawLocked ? (
                <button
                  type="button"
                  className="secondary"
                  onClick={() => {
                    setRows((before) => [
                      ...before,
                      ...withKeys([{ topic: ANY, difficulty: ANY, count: "" }]),
                    ]);
                    setEditedSinceServer(true);
                  }}
                >
                  {t("round.form.drawAdd")}
                </button>
              ) : null}
            </div>
            <BankTable poolCounts={rules.poolCounts} topics={topics} referenceDate={data.referenceDate} />
          </section>

          <section className="card">
            <h2>{t("round.form.howToTake")}</h2>
            <Checkbox
              name="shuffleQuestions"
              label={t("round.form.shuffleQuestions")}
              checked={initial.shuffleQuestions}
            />
            <Checkbox
              name="shuffleOptions"
              label={t("round.form.shuffleOptions")}
              checked={initial.shuffleOptions}
            />
            <Checkbox
              name="predictionEnabled"
              label={t("round.form.predictionEnabled")}
              checked={initial.predictionEnabled}
            />
            <Checkbox
              name="showReviewAfterClose"
              label={t("round.form.showReviewAfterClose")}
              checked={initial.showReviewAfterClose}
            />
            <div className="field" style={{ maxWidth: 360, marginTop: 8 }}>
              <label htmlFor="maxAttempts">{t("round.form.maxAttempts")}</label>
              <input
                id="maxAttempts"
                name="maxAttempts"
                inputMode="numeric"
                defaultValue={initial.maxAttempts}
                aria-invalid={invalid("maxAttempts")}
                aria-describedby="maxAttempts-hint maxAttempts-error"
              />
              <span className="hint" id="maxAttempts-hint">
                {t("round.form.maxAttemptsHint")}
              </span>
              {fieldError("maxAttempts")}
            </div>
            <fieldset
              className="field"
              style={{ border: 0, padding: 0, margin: "0 0 14px", minWidth: 0 }}
              aria-describedby="eligible-hint"
            >
              <legend>{t("round.form.eligible")}</legend>
              <span className="hint" id="eligible-hint">
                {t("round.form.eligibleHint")}
              </span>
              <div
                style={{
                  display: "grid",
                  gridTemplateColumns: "repeat(auto-fill, minmax(200px, 1fr))",
                  gap: "0 16px",
                }}
              >
                {categories.map((category) => (
                  <Checkbox
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
            <fieldset style={{ border: 0, padding: 0, margin: 0, minWidth: 0 }}>
              <legend style={{ fontSize: "1.2rem", fontWeight: 700, marginBottom: 8 }}>
                {t("round.form.board")}
              </legend>
              {(["live", "hidden", "frozen"] as const).map((policy) => (
                <label key={policy} style={CHOICE}>
                  <input
                    type="radio"
                    name="boardPolicy"
                    value={policy}
                    defaultChecked={initial.boardPolicy === policy}
                    style={BOX}
                  />
                  {t(
                    `round.form.board${policy === "live" ? "Live" : policy === "hidden" ? "Hidden" : "Frozen"}`,
                  )}
                </label>
              ))}
              {fieldError("boardPolicy")}
            </fieldset>
            {values.boardPolicy === "frozen" ? (
              <div className="field" style={{ maxWidth: 360, marginTop: 8 }}>
                <label htmlFor="freezeMinutes">{t("round.form.freezeMinutes")}</label>
                <input
                  id="freezeMinutes"
                  name="freezeMinutes"
                  inputMode="numeric"
                  defaultValue={initial.freezeMinutes}
                  aria-invalid={invalid("freezeMinutes")}
                  aria-describedby="freezeMinutes-hint freezeMinutes-error"
                />
                <span className="hint" id="freezeMinutes-hint">
                  {t("round.form.freezeHint")}
                </span>
                {fieldError("freezeMinutes")}
              </div>
            ) : (
              <input type="hidden" name="freezeMinutes" value={initial.freezeMinutes} />
            )}
          </section>

          <section className="card">
            <h2>{t("round.form.points")}</h2>
            <fieldset disabled={drawLocked} style={{ border: 0, padding: 0, margin: 0, minWidth: 0 }}>
              <div className="grid" style={AUTO_GRID}>
                {DIFFICULTIES.map((d) => (
                  <div className="field" key={d}>
                    <label htmlFor={POINTS_FIELD[d]}>{t(`questions.difficulty.${d}`)}</label>
                    <input
                      id={POINTS_FIELD[d]}
                      name={POINTS_FIELD[d]}
                      inputMode="numeric"
                      defaultValue={initial.points[d]}
                      aria-invalid={problemsOf("points").some((p) => p.params?.kind === d) ? true : undefined}
                    />
                  </div>
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

            <h2 style={{ marginTop: 8 }}>{t("round.form.prizes")}</h2>
            <div className="grid" style={AUTO_GRID}>
              {PRIZE_KINDS.map((kind) => (
                <div className="field" key={kind}>
                  <label htmlFor={PRIZE_FIELD[kind]}>{t(`round.prize.${kind}`)}</label>
                  <input
                    id={PRIZE_FIELD[kind]}
                    name={PRIZE_FIELD[kind]}
                    inputMode="numeric"
                    defaultValue={initial.prizes[kind]}
                    aria-invalid={
                      problemsOf("prizes").some((p) => p.params?.kind === kind) ? true : undefined
                    }
                  />
                </div>
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
          <p style={{ margin: 0 }}>
            <button type="submit" name="intent" value="save" className="primary" disabled={saving}>
              {isNew ? t("round.form.create") : t("round.form.save")}
            </button>
          </p>
        ) : null}
      </Form>
    </>
  );
}

/** Which field of the rules a form input belongs to (for "touched"). */
function fieldOf(name: string): string {
  if (name.startsWith("draw")) return "draw";
  if (name.startsWith("points")) return "points";
  if (name.startsWith("prize")) return "prizes";
  return name;
}

function Checkbox(props: { name: string; label: string; checked: boolean; value?: string }) {
  return (
    <label style={CHOICE}>
      <input
        type="checkbox"
        name={props.name}
        value={props.value ?? "on"}
        defaultChecked={props.checked}
        style={BOX}
      />
      <span>{props.label}</span>
    </label>
  );
}

/** The approved bank per topic × difficulty, so the organizer sees what a draw can ask for. */
function BankTable({
  poolCounts,
  topics,
  referenceDate,
}: {
  poolCounts: readonly PoolCount[];
  topics: readonly { id: number; name: string }[];
  referenceDate: string;
}) {
  const t = useT();
  const count = (topicId: number, d: Difficulty) =>
    poolCounts.find((c) => c.topicId === topicId && c.difficulty === d)?.count ?? 0;
  const rows = topics
    .map((topic) => ({ ...topic, counts: DIFFICULTIES.map((d) => count(topic.id, d)) }))
    .filter((row) => row.counts.some((n) => n > 0));
  const totals = DIFFICULTIES.map((d) =>
    poolCounts.filter((c) => c.difficulty === d).reduce((s, c) => s + c.count, 0),
  );
  return (
    <details style={{ marginTop: 14 }} open>
      <summary style={{ fontWeight: 600, cursor: "pointer", minHeight: 32 }}>{t("round.form.bank")}</summary>
      <p className="muted small" data-testid="bank-reference-date">
        {t("bankValidity.round.validOn", { date: isoToVnDate(referenceDate) })}
      </p>
      {rows.length === 0 ? (
        <p className="muted">{t("round.form.bankEmpty")}</p>
      ) : (
        <div className="table-wrap" style={{ marginTop: 8 }}>
          <table className="small">
            <thead>
              <tr>
                <th>{t("round.form.drawTopic")}</th>
                {DIFFICULTIES.map((d) => (
                  <th key={d} className="num">
                    {t(`questions.difficulty.${d}`)}
                  </th>
                ))}
                <th className="num">{t("round.form.bankTotal")}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.id}>
                  <td>{row.name}</td>
                  {row.counts.map((n, i) => (
                    <td key={i} className="num">
                      {n}
                    </td>
                  ))}
                  <td className="num">{row.counts.reduce((a, b) => a + b, 0)}</td>
                </tr>
              ))}
              <tr>
                <th>{t("round.form.bankTotal")}</th>
                {totals.map((n, i) => (
                  <th key={i} className="num">
                    {n}
                  </th>
                ))}
                <th className="num">{totals.reduce((a, b) => a + b, 0)}</th>
              </tr>
            </tbody>
          </table>
        </div>
      )}
    </details>
  );
}

interface RoundSummary {
  id: number;
  phase: "upcoming" | "open" | "closed";
  rankedAt: string | null;
  publishedAt: string | null;
  perfectCount: number | null;
}

function RoundActions({
  round,
  canEdit,
  result,
}: {
  round: RoundSummary;
  canEdit: boolean;
  result: { intent: "close" | "publish"; ok: string } | { intent: "close" | "publish"; error: string } | null;
}) {
  const t = useT();
  const navigation = useNavigation();
  const busy = navigation.state === "submitting" && navigation.formData?.get("intent") !== "save";
  const rankLabel =
    round.phase === "open"
      ? t("round.actions.close")
      : round.rankedAt
        ? t("round.actions.rerank")
        : t("round.actions.rank");
  return (
    <section className="card" aria-labelledby="round-actions-title">
      <h2 id="round-actions-title">{t("round.actions.title")}</h2>
      {result && "ok" in result ? (
        <p className="form-success" role="status">
          {result.ok}
        </p>
      ) : null}
      {result && "error" in result ? (
        <p className="form-error" role="alert">
          {result.error}
        </p>
      ) : null}
      <p>
        {round.rankedAt
          ? t("round.actions.rankedAt", { time: round.rankedAt, perfect: round.perfectCount ?? 0 })
          : t("round.actions.notRankedYet")}
        {round.publishedAt ? (
          <>
            <br />
            {t("round.actions.publishedAt", { time: round.publishedAt })}
          </>
        ) : null}
      </p>
      {canEdit ? (
        <>
          <Form method="post">
            <CsrfInput />
            {round.phase === "upcoming" ? <p className="muted">{t("round.actions.notOpenYet")}</p> : null}
            {round.phase === "open" ? (
              <>
                <p className="badge warn" style={{ display: "block", borderRadius: 8, padding: "8px 12px" }}>
                  {t("round.actions.closeWarning")}
                </p>
                <label style={CHOICE}>
                  <input type="checkbox" name="confirm" style={BOX} required />
                  <span>{t("round.actions.confirmClose")}</span>
                </label>
              </>
            ) : null}
            <button
              type="submit"
              name="intent"
              value="close"
              className={round.phase === "open" ? "danger" : "secondary"}
              disabled={busy || round.phase === "upcoming" || round.publishedAt !== null}
            >
              {rankLabel}
            </button>
          </Form>
          <hr style={{ border: 0, borderTop: "1px solid var(--line)", margin: "16px 0" }} />
          <Form method="post">
            <CsrfInput />
            <p className="muted" style={{ marginTop: 0 }}>
              {round.publishedAt
                ? null
                : round.rankedAt
                  ? t("round.actions.publishHint")
                  : t("round.actions.notRanked")}
            </p>
            <button
              type="submit"
              name="intent"
              value="publish"
              className="primary"
              disabled={busy || !round.rankedAt || round.publishedAt !== null}
            >
              {t("round.actions.publish")}
            </button>
          </Form>
        </>
      ) : null}
    </section>
  );
}
