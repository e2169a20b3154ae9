import type { round as vi } from "../vi/round";

export const round: Record<keyof typeof vi, string> = {
  "round.phase.upcoming": "Upcoming",
  "round.phase.open": "Open",
  "round.phase.closed": "Closed",
  "round.opens": "Opens at {time}",
  "round.closes": "Closes at {time}",
  "round.duration": "Time allowed: {minutes} minutes",
  "round.questionCount": "{n} questions",
};
