/** How the round editor words a problem of the round rules, and which rule field an input belongs to. */
import type { useT } from "~/i18n/use-t";
import { DIFFICULTIES, type Difficulty } from "~/rules/question";
import { PRIZE_KINDS } from "~/rules/prizes";
import type { RoundProblem } from "~/rules/round-settings";

type T = ReturnType<typeof useT>;

/** A problem as the organizer reads it, with topic and difficulty names in place of ids. */
export function problemText(t: T, problem: RoundProblem, topicNames: ReadonlyMap<number, string>): string {
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

/** Which field of the rules a form input belongs to (for "touched"). */
export function fieldOf(name: string): string {
  if (name.startsWith("draw")) return "draw";
  if (name.startsWith("points")) return "points";
  if (name.startsWith("prize")) return "prizes";
  return name;
}
