/**
 * The settings a live final of the tests (and of the live benchmark) starts from: three questions drawn
 * from the whole bank, 20 seconds and 10 points each, no speed bonus, no prediction, everyone may play,
 * one prize for each place of the podium. A test names only what it changes.
 */
import type { LiveFinalSettings } from "~/rules/live/settings";

export function finalSettings(overrides: Partial<LiveFinalSettings> = {}): LiveFinalSettings {
  return {
    title: "Chung kết",
    secondsPerQuestion: 20,
    basePoints: 10,
    speedBonus: false,
    speedBonusPoints: 0,
    predictionEnabled: false,
    eligibility: { kind: "everyone" },
    questions: { kind: "drawn", count: 3, topicId: null },
    prizes: { first: 1, second: 1, third: 1, consolation: 0 },
    ...overrides,
  };
}
