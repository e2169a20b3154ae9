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
  "organizer.setup.title": "Set up the real contest",
  "organizer.setup.intro":
    "This server has no contest yet and no demo data. Enter the contest and your own admin password. The bundled question bank is loaded for you; then import the unit list.",
  "organizer.setup.needCode":
    "Open the set-up address with the code printed on the server's console by npm run setup.",
  "organizer.setup.notPending":
    "This server is not waiting to be set up. Run npm run setup with a new database to set up a real contest.",
  "organizer.setup.contest": "Contest",
  "organizer.setup.admin": "Admin account",
  "organizer.setup.adminHint": "The username is admin. You choose the password; there is no default one.",
  "organizer.setup.adminName": "Administrator",
  "organizer.setup.password": "Admin password",
  "organizer.setup.passwordHint": "At least {min} characters.",
  "organizer.setup.confirm": "Repeat the password",
  "organizer.setup.next": "Next step: import the unit list (Excel or CSV) in the console.",
  "organizer.setup.submit": "Create the contest",
  "organizer.setup.welcome":
    "The contest is created. Next: import the unit list below, then write the rounds.",
  "organizer.field.bodies": "Organizing bodies",
  "organizer.field.bodiesHint": "The bodies, separated by commas.",
  "organizer.field.startsOn": "First day",
  "organizer.field.endsOn": "Last day",
  "organizer.error.date": "Not a valid date.",
  "organizer.field.referenceDate": "Reference date of the questions",
  "organizer.field.referenceDateHint":
    "Only questions still true on this date are drawn (laws change over time). Empty: the first round's opening day.",
  "organizer.error.dateOrder": "The last day must come after the first.",
  "organizer.error.passwordShort": "The password needs at least {min} characters.",
  "organizer.error.passwordMismatch": "The two passwords differ.",
  "organizer.nav.contests": "Contests",
  "organizer.contests.title": "Contests",
  "organizer.contests.intro":
    "The newest contest is the current one: the home page, registration and the console work on it. Earlier contests are closed and take no registrations, but their results, workbooks and winners pages stay readable.",
  "organizer.contests.current": "Current",
  "organizer.contests.closedAt": "Closed at {time}",
  "organizer.contests.demo": "Demo",
  "organizer.contests.workbook": "Download the contest's results (Excel)",
  "organizer.contests.results": "results",
  "organizer.contests.winners": "winners page",
  "organizer.contests.new": "New contest (next year)",
  "organizer.contests.newIntro":
    "The current contest will close: it stays readable but takes no registrations. Contestants are not carried over; they register again.",
  "organizer.contests.copyUnits": "Reuse the unit list (names and expected headcounts; no contestants)",
  "organizer.contests.confirm":
    "I understand: the current contest will close and take no more registrations.",
  "organizer.contests.confirmRequired": "Tick the confirmation box before creating the new contest.",
  "organizer.contests.create": "Create the new contest",
  "organizer.unitsRate": "{rate}% ({n}/{expected})",
  "organizer.distance": "prediction off by {n}",
  "organizer.screen.page": "page {page}/{pages}",
  "organizer.screen.join": "Scan the code to take part",
  "organizer.screen.joinBody":
    "Or open the address above in a phone's browser, register or log in, then choose the round.",
  "organizer.screen.notPublished": "The official results are not published yet.",
  "organizer.screens.title": "Control the audience screens",
  "organizer.screens.joinAddress": "Address contestants open (in the QR code):",
  "organizer.screens.localOnly":
    "The server has no local network address and PUBLIC_URL is unset: the QR code only opens on the server itself, phones in the hall cannot reach it. Connect the server to the hall's Wi-Fi or set PUBLIC_URL.",
  "organizer.screens.none": "No screen is connected. Open /screen on the projector.",
  "organizer.screens.name": "Screen {n}",
  "organizer.screens.round": "Round",
  "organizer.screens.view": "View",
  "organizer.screens.show": "Show",
  "organizer.screens.sent": "The screen now shows: {view}.",
  "organizer.screens.failed": "The screen could not be switched. Try again.",
  "organizer.view.auto": "automatic",
  "organizer.view.join": "Join slide (QR code)",
  "organizer.view.live": "Live board",
  "organizer.view.winners": "Winners",
  "organizer.view.units": "Participation by unit",
  "organizer.newRound.title": "Write a new round",
  "organizer.newRound.hint": "Times, paper and prizes are set on the next page.",
  "organizer.newRound.rehearsalHint":
    "A rehearsal runs like a real round but is not shown on the home page or the public leaderboards and is not counted in the contest's results or workbook; testers open it with the link the organizers give.",
  "organizer.newRound.defaultRefused":
    "The question bank does not hold enough questions for the default paper. Use the full new-round page to choose the paper.",
};
