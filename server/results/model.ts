/**
 * What a results export says, worked out from the stored rows without any I/O: the ranking (the
 * stored official snapshot once the round is ranked, the live order before), every answer, the units
 * in the collective-prize order, the item analysis of the questions and the winners. The workbook,
 * the CSV, the printable and the public winners lists are all views of this one model, so they cannot
 * disagree with each other.
 */
import { bestEntries } from "#server/contest/ranking";
import type { AnswerDetail, AttemptDetail } from "#db/repos/results";
import type { RoundRanking, Unit } from "#db/schema";
import { analyseItems, type ItemFlag } from "~/rules/item-analysis";
import { overallRanking } from "~/rules/ranking";
import { PRIZE_KINDS, rankUnits, type PrizeKind } from "~/rules/prizes";
import type { SubmittedEntry } from "#db/repos/attempts";

export interface RoundInfo {
  id: number;
  title: string;
  opensAt: string;
  closesAt: string;
  rankedAt: string | null;
  publishedAt: string | null;
  perfectCount: number | null;
}

export interface ContestInfo {
  id: number;
  title: string;
  organizerName: string;
}

export interface RankedRow {
  rank: number;
  roundId: number;
  attemptId: number;
  contestantId: number;
  fullName: string;
  birthDate: string;
  gender: AttemptDetail["gender"];
  phone: string;
  unitName: string;
  topUnitId: number;
  topUnitName: string;
  categoryId: number;
  categoryName: string;
  score: number;
  correctCount: number | null;
  durationMs: number;
  prediction: number | null;
  /** Null before the round is ranked (the real count is not known yet) or without a prediction. */
  predictionDistance: number | null;
  submittedAt: string;
  prize: PrizeKind | null;
}

export interface AnswerRow {
  rank: number;
  roundId: number;
  attemptId: number;
  fullName: string;
  unitName: string;
  /** 1-based, as the contestant saw it. */
  questionNo: number;
  questionId: number;
  questionKey: string | null;
  text: string;
  /** "B. …" with the letters the contestant saw. */
  chosen: string;
  correct: string;
  result: "right" | "wrong" | "blank";
  answeredAt: string | null;
}

export interface UnitRow {
  collectiveRank: number;
  unitId: number;
  name: string;
  registered: number;
  participants: number;
  headcount: number | null;
  participationRate: number | null;
  averageScore: number | null;
  best: { fullName: string; score: number; rank: number } | null;
}

export interface QuestionRow {
  questionId: number;
  questionVersionId: number;
  version: number;
  questionKey: string | null;
  text: string;
  options: string[];
  correct: number[];
  /** The question's picture as "file.webp — description" (issue 15), or null; filled by the reader. */
  picture: string | null;
  drawn: number;
  correctShare: number | null;
  optionShares: number[];
  blankShare: number | null;
  discrimination: number | null;
  flags: ItemFlag[];
}

export interface RoundResults {
  contest: ContestInfo;
  round: RoundInfo;
  /** ISO instant the results were read at. */
  generatedAt: string;
  attemptCounts: { started: number; submitted: number };
  /** True once the official ranking is stored: the ranking is the snapshot, not the live order. */
  official: boolean;
  ranking: RankedRow[];
  answers: AnswerRow[];
  units: UnitRow[];
  questions: QuestionRow[];
  /** Winners in prize order (Nhất first), then rank. */
  winners: RankedRow[];
}

export interface RoundResultsInput {
  contest: ContestInfo;
  round: RoundInfo;
  now: Date;
  attempts: readonly AttemptDetail[];
  /** The stored snapshot when the round is ranked; null before. */
  stored: readonly RoundRanking[] | null;
  answers: readonly AnswerDetail[];
  units: readonly Unit[];
  registeredByUnit: ReadonlyMap<number, number>;
}

function rankedRow(d: AttemptDetail, rank: number): RankedRow {
  return {
    rank,
    roundId: d.roundId,
    attemptId: d.attemptId,
    contestantId: d.contestantId,
    fullName: d.fullName,
    birthDate: d.birthDate,
    gender: d.gender,
    phone: d.phone,
    unitName: d.unitId === d.topUnitId ? d.unitName : `${d.unitName}, ${d.topUnitName}`,
    topUnitId: d.topUnitId,
    topUnitName: d.topUnitName,
    categoryId: d.categoryId,
    categoryName: d.categoryName,
    score: d.score ?? 0,
    correctCount: d.correctCount,
    durationMs: d.durationMs ?? 0,
    prediction: d.prediction,
    predictionDistance: null,
    submittedAt: d.submittedAt ?? "",
    prize: null,
  };
}

/**
 * The ranking the export shows. Ranked round: the stored snapshot, row for row, in rank order. Before:
 * the live order (score, time, submission), one best attempt per active contestant — disqualified
 * contestants are left out as they will be from the official ranking.
 */
export function rankingRows(
  attempts: readonly AttemptDetail[],
  stored: readonly RoundRanking[] | null,
): RankedRow[] {
  const byAttempt = new Map(attempts.map((a) => [a.attemptId, a]));
  if (stored) {
    return stored.flatMap((s) => {
      const d = byAttempt.get(s.attempt_id);
      if (!d) return [];
      return [
        {
          ...rankedRow(d, s.rank),
          score: s.score,
          durationMs: s.duration_ms,
          submittedAt: s.submitted_at,
          predictionDistance: s.prediction_distance,
          prize: s.prize,
        },
      ];
    });
  }
  const entries: SubmittedEntry[] = attempts
    .filter((a) => a.status === "submitted" && a.contestantStatus === "active")
    .map((a) => ({
      attemptId: a.attemptId,
      contestantId: a.contestantId,
      score: a.score ?? 0,
      durationMs: a.durationMs ?? 0,
      submittedAt: a.submittedAt ?? "",
      prediction: a.prediction,
      allCorrect: a.allCorrect,
      contestantStatus: a.contestantStatus,
      fullName: a.fullName,
      unitId: a.unitId,
    }));
  return bestEntries(entries).map((e, index) => rankedRow(byAttempt.get(e.attemptId)!, index + 1));
}

const LETTERS = ["A", "B", "C", "D", "E", "F", "G", "H"];

/** Original option indexes as the contestant saw them: "B. text; D. text", in display order. */
export function shownOptions(
  indexes: readonly number[] | null,
  a: Pick<AnswerDetail, "options" | "optionOrder">,
) {
  if (!indexes || indexes.length === 0) return "";
  return indexes
    .map((original) => {
      const shown = a.optionOrder.indexOf(original);
      return { shown, text: `${LETTERS[shown] ?? "?"}. ${a.options[original] ?? ""}` };
    })
    .sort((x, y) => x.shown - y.shown)
    .map((x) => x.text)
    .join("; ");
}

export function answerRows(ranking: readonly RankedRow[], answers: readonly AnswerDetail[]): AnswerRow[] {
  const byAttempt = new Map<number, AnswerDetail[]>();
  for (const a of answers) {
    const list = byAttempt.get(a.attemptId);
    if (list) list.push(a);
    else byAttempt.set(a.attemptId, [a]);
  }
  return ranking.flatMap((r) =>
    (byAttempt.get(r.attemptId) ?? [])
      .sort((x, y) => x.position - y.position)
      .map((a) => ({
        rank: r.rank,
        roundId: r.roundId,
        attemptId: r.attemptId,
        fullName: r.fullName,
        unitName: r.unitName,
        questionNo: a.position + 1,
        questionId: a.questionId,
        questionKey: a.questionKey,
        text: a.text,
        chosen: shownOptions(a.chosen, a),
        correct: shownOptions(a.correct, a),
        result: !a.chosen || a.chosen.length === 0 ? "blank" : a.isCorrect ? "right" : "wrong",
        answeredAt: a.answeredAt,
      })),
  );
}

/**
 * Units at the top level (a thôn counts for its xã, as on the audience board), in the collective-prize
 * order of `rankUnits`. The headcount is the unit's own, or the sum of its sub-units' when it has none.
 */
export function unitRows(
  units: readonly Unit[],
  registeredByUnit: ReadonlyMap<number, number>,
  ranking: readonly RankedRow[],
): UnitRow[] {
  const tops = units.filter((u) => u.parent_id === null);
  const topOf = new Map(units.map((u) => [u.id, u.parent_id ?? u.id]));
  const acc = new Map(
    tops.map((u) => [
      u.id,
      {
        unitId: u.id,
        name: u.name,
        own: u.expected_headcount,
        childHeadcount: 0,
        registered: 0,
        participants: 0,
        scoreSum: 0,
        best: null as UnitRow["best"],
      },
    ]),
  );
  for (const u of units) {
    if (u.parent_id === null) continue;
    const top = acc.get(u.parent_id);
    if (top) top.childHeadcount += u.expected_headcount ?? 0;
  }
  for (const [unitId, n] of registeredByUnit) {
    const top = acc.get(topOf.get(unitId) ?? unitId);
    if (top) top.registered += n;
  }
  for (const r of ranking) {
    const top = acc.get(r.topUnitId);
    if (!top) continue;
    top.participants++;
    top.scoreSum += r.score;
    if (!top.best || r.rank < top.best.rank)
      top.best = { fullName: r.fullName, score: r.score, rank: r.rank };
  }
  return rankUnits(
    [...acc.values()].map((a) => ({
      ...a,
      headcount: a.own ?? (a.childHeadcount > 0 ? a.childHeadcount : null),
    })),
  ).map((u) => ({
    collectiveRank: u.rank,
    unitId: u.unitId,
    name: u.name,
    registered: u.registered,
    participants: u.participants,
    headcount: u.headcount,
    participationRate: u.participationRate,
    averageScore: u.participants === 0 ? null : u.scoreSum / u.participants,
    best: u.best,
  }));
}

/** Item analysis over the ranked attempts (one per contestant), one row per question version drawn. */
export function questionRows(ranking: readonly RankedRow[], answers: readonly AnswerDetail[]): QuestionRow[] {
  const ranked = new Set(ranking.map((r) => r.attemptId));
  const used = answers.filter((a) => ranked.has(a.attemptId));
  const versions = new Map<number, AnswerDetail>();
  for (const a of used) if (!versions.has(a.questionVersionId)) versions.set(a.questionVersionId, a);
  const stats = analyseItems(
    [...versions.values()].map((v) => ({
      itemId: v.questionVersionId,
      optionCount: v.options.length,
      correct: v.correct,
    })),
    ranking.map((r) => ({ examineeId: r.attemptId, score: r.score })),
    used.map((a) => ({
      examineeId: a.attemptId,
      itemId: a.questionVersionId,
      chosen: a.chosen,
      isCorrect: a.isCorrect === true,
    })),
  );
  return stats
    .map((s) => {
      const v = versions.get(s.itemId)!;
      return {
        questionId: v.questionId,
        questionVersionId: v.questionVersionId,
        version: v.version,
        questionKey: v.questionKey,
        text: v.text,
        options: v.options,
        correct: v.correct,
        picture: null,
        drawn: s.drawn,
        correctShare: s.correctShare,
        optionShares: s.optionShares,
        blankShare: s.blankShare,
        discrimination: s.discrimination,
        flags: s.flags,
      };
    })
    .sort((a, b) => a.questionId - b.questionId || a.version - b.version);
}

export function winnerRows(ranking: readonly RankedRow[]): RankedRow[] {
  return ranking
    .filter((r) => r.prize !== null)
    .sort((a, b) => PRIZE_KINDS.indexOf(a.prize!) - PRIZE_KINDS.indexOf(b.prize!) || a.rank - b.rank);
}

export function buildRoundResults(input: RoundResultsInput): RoundResults {
  const ranking = rankingRows(input.attempts, input.stored);
  return {
    contest: input.contest,
    round: input.round,
    generatedAt: input.now.toISOString(),
    attemptCounts: {
      started: input.attempts.length,
      submitted: input.attempts.filter((a) => a.status === "submitted").length,
    },
    official: input.stored !== null,
    ranking,
    answers: answerRows(ranking, input.answers),
    units: unitRows(input.units, input.registeredByUnit, ranking),
    questions: questionRows(ranking, input.answers),
    winners: winnerRows(ranking),
  };
}

// ---------------------------------------------------------------------------------------------------
// The contest: every round, plus the ranking over all rounds.

export interface OverallResultRow {
  rank: number;
  contestantId: number;
  fullName: string;
  birthDate: string;
  gender: AttemptDetail["gender"];
  phone: string;
  unitName: string;
  categoryName: string;
  rounds: number;
  totalScore: number;
  totalDurationMs: number;
  /** Score per round id, for the rounds the contestant took part in. */
  scores: Record<number, number>;
}

export interface ContestResults {
  contest: ContestInfo;
  generatedAt: string;
  rounds: RoundResults[];
  /** True when every round's ranking is official. */
  official: boolean;
  overall: OverallResultRow[];
  units: UnitRow[];
}

/**
 * The overall ranking: each contestant's ranked row in each round (one per round already), summed by
 * `overallRanking`. A round not yet ranked counts with its live order, and the sheet says so.
 */
export function overallRows(rounds: readonly RoundResults[]): OverallResultRow[] {
  const latest = new Map<number, RankedRow>();
  const scores = new Map<number, Record<number, number>>();
  const results = rounds.flatMap((round) =>
    round.ranking.map((r) => {
      latest.set(r.contestantId, r);
      const own = scores.get(r.contestantId) ?? {};
      own[round.round.id] = r.score;
      scores.set(r.contestantId, own);
      return { contestantId: r.contestantId, score: r.score, durationMs: r.durationMs };
    }),
  );
  return overallRanking(results).map((o) => {
    const r = latest.get(o.contestantId)!;
    return {
      rank: o.rank,
      contestantId: o.contestantId,
      fullName: r.fullName,
      birthDate: r.birthDate,
      gender: r.gender,
      phone: r.phone,
      unitName: r.unitName,
      categoryName: r.categoryName,
      rounds: o.rounds,
      totalScore: o.totalScore,
      totalDurationMs: o.totalDurationMs,
      scores: scores.get(o.contestantId) ?? {},
    };
  });
}

export function buildContestResults(
  contest: ContestInfo,
  rounds: RoundResults[],
  units: readonly Unit[],
  registeredByUnit: ReadonlyMap<number, number>,
  now: Date,
): ContestResults {
  const overall = overallRows(rounds);
  // Contest-wide participation: each contestant once, with the best rank they reached anywhere.
  const seen = new Map<number, RankedRow>();
  for (const round of rounds) {
    for (const r of round.ranking) {
      const before = seen.get(r.contestantId);
      if (!before || r.rank < before.rank) seen.set(r.contestantId, r);
    }
  }
  const overallRank = new Map(overall.map((o) => [o.contestantId, o]));
  const perContestant = [...seen.values()].map((r) => {
    const o = overallRank.get(r.contestantId)!;
    return { ...r, rank: o.rank, score: o.totalScore };
  });
  return {
    contest,
    generatedAt: now.toISOString(),
    rounds,
    official: rounds.every((r) => r.official),
    overall,
    units: unitRows(units, registeredByUnit, perContestant),
  };
}
