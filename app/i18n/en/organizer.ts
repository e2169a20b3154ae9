import type { organizer as vi } from "../vi/organizer";

export const organizer: Record<keyof typeof vi, string> = {
  "organizer.rehearsal.badge": "Organizers' rehearsal",
  "organizer.rehearsal.link": "Rehearsal, wipe attempts, delete round",
  "organizer.rehearsal.title": "Rehearsal and removal: {round}",
  "organizer.rehearsal.intro":
    "An organizers' rehearsal runs exactly like a real round but is never counted in the overall ranking and never appears in the contest's results file.",
  "organizer.rehearsal.attempts": "Attempts started: {n}",
  "organizer.rehearsal.flag": "This round is an organizers' rehearsal (not counted in the contest's results)",
  "organizer.rehearsal.saveFlag": "Save",
  "organizer.rehearsal.flagOn": "Marked as an organizers' rehearsal.",
  "organizer.rehearsal.flagOff": "No longer a rehearsal: this round counts like a real one.",
  "organizer.rehearsal.wipeTitle": "Wipe the rehearsal's attempts",
  "organizer.rehearsal.wipeConfirm":
    "I understand: {n} attempts and this round's results will be deleted for good.",
  "organizer.rehearsal.wipe": "Wipe the attempts",
  "organizer.rehearsal.wiped": "Wiped {n} attempts of the rehearsal. The round is as if nobody had taken it.",
  "organizer.rehearsal.wipeOnlyRehearsal":
    "Only a rehearsal's attempts can be wiped. Mark this round as a rehearsal first.",
  "organizer.rehearsal.deleteTitle": "Delete the round",
  "organizer.rehearsal.deleteBlocked":
    "The round has attempts, so it cannot be deleted. For a rehearsal, wipe its attempts first.",
  "organizer.rehearsal.deleteConfirm": "I understand: the round “{round}” will be deleted for good.",
  "organizer.rehearsal.delete": "Delete the round",
  "organizer.rehearsal.confirmRequired": "Tick the confirmation box before deleting.",
  "organizer.rehearsal.back": "Back to the round",
  "organizer.readOnly": "This contest has ended: it can be read, not changed.",
  "organizer.demo.banner":
    "DEMO: sample data to try the platform, not a real contest. See the README to set up a real contest.",
};
