import type { DrawSpecLine } from "./draw";

/** Practice (thi thử): a short mixed set from the whole approved bank, never ranked. */
export const PRACTICE = {
  drawSpec: [{ topicId: null, difficulty: null, count: 10 }] satisfies DrawSpecLine[],
  durationSeconds: 10 * 60,
};

export const PRACTICE_QUESTION_COUNT = PRACTICE.drawSpec.reduce((sum, line) => sum + line.count, 0);
