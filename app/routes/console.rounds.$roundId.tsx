/**
 * A round's settings: /console/rounds/new creates one, /console/rounds/:id shows and edits it, with the
 * organizer's actions "close and rank" and "publish". One route serves both, so that the form, its
 * checks and its messages exist once (the rules are in app/rules/round-settings.ts; the browser runs
 * them as the organizer types, the action runs them again on the server before writing). The page
 * itself is app/components/rounds/round-editor.tsx.
 */
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect, useActionData, useLoaderData } from "@remix-run/react";
import { RoundEditor, type RoundEditorResult } from "~/components/rounds/round-editor";
import { translate } from "~/i18n";
import { EDITOR_ROLES, requireEditor, requireStaff } from "~/lib/auth.server";
import { readProtectedForm } from "~/lib/csrf.server";
import { roundPhase } from "~/rules/deadline";
import {
  changedRoundFields,
  checkRoundForm,
  defaultRoundSettings,
  readRoundForm,
  roundFormValues,
  type RoundRulesContext,
} from "~/rules/round-settings";
import { formatDateTimeIn } from "~/i18n/dates";
import { parseVnDateTimeLocal, toVnDateTimeLocal } from "~/rules/vn-time";
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
          rankedAt: round.rankedAt ? formatDateTimeIn(context.lang, round.rankedAt) : null,
          publishedAt: round.publishedAt ? formatDateTimeIn(context.lang, round.publishedAt) : null,
          perfectCount: round.perfectCount,
          started: attempts?.started ?? 0,
          submitted: attempts?.submitted ?? 0,
        }
      : null,
  };
}

type ActionResult = RoundEditorResult;

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

export default function RoundPage() {
  const data = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  // A fresh form for each round (after creating one, the URL changes to the new round's).
  return <RoundEditor key={data.round?.id ?? NEW} data={data} result={result} />;
}
