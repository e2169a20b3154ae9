/**
 * `npm run simulate -- --contestants N [--url URL] [--round ID] [--close] [--json]`
 * Registers N contestants on a running server and has each take the round over HTTP and Socket.IO.
 * With --close the organizer (ADMIN_PASSWORD, or --admin-password) then closes and ranks the round.
 */
import { parseArgs } from "node:util";
import { simulate } from "./lib/simulation";

const HELP = `npm run simulate -- [options]
  Registers contestants on a running server and has each take a round over HTTP and Socket.IO.
  Đăng ký thí sinh ảo trên máy chủ đang chạy và cho họ thi một đợt.

  --contestants N       how many contestants (default 50)
  --url URL             the server (default http://127.0.0.1:$PORT)
  --round ID            the round to take (default: the round open now)
  --close               then close and rank the round as the organizer (needs ADMIN_PASSWORD or --admin-password)
  --concurrency N       contestants at once (default 40)
  --think-ms N          pause between answers in ms (default 150)
  --admin-login NAME    organizer login for --close (default admin)
  --admin-password PW   organizer password for --close
  --json                print the result as JSON
  --help                this help`;

const { values } = parseArgs({
  options: {
    help: { type: "boolean", default: false },
    contestants: { type: "string", default: "50" },
    url: { type: "string" },
    round: { type: "string" },
    close: { type: "boolean", default: false },
    json: { type: "boolean", default: false },
    concurrency: { type: "string", default: "40" },
    "think-ms": { type: "string", default: "150" },
    "admin-login": { type: "string", default: "admin" },
    "admin-password": { type: "string" },
  },
});

if (values.help) {
  console.log(HELP);
  process.exit(0);
}

function positiveInt(name: string, raw: string | undefined): number {
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0) {
    console.error(`--${name} must be a whole number (got "${raw}")`);
    process.exit(2);
  }
  return n;
}

const port = process.env.PORT ?? "3000";
const host = !process.env.HOST || process.env.HOST === "0.0.0.0" ? "127.0.0.1" : process.env.HOST;
const baseUrl = values.url ?? `http://${host}:${port}`;
const log = (line: string) => (values.json ? console.error(line) : console.log(line));

const result = await simulate({
  baseUrl,
  contestants: positiveInt("contestants", values.contestants),
  roundId: values.round === undefined ? null : positiveInt("round", values.round),
  close: values.close,
  concurrency: Math.max(1, positiveInt("concurrency", values.concurrency)),
  thinkMs: positiveInt("think-ms", values["think-ms"]),
  admin: {
    login: values["admin-login"],
    password: values["admin-password"] ?? process.env.ADMIN_PASSWORD ?? null,
  },
  log,
}).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});

if (values.json) {
  console.log(JSON.stringify(result));
} else {
  console.log(
    [
      `Round ${result.roundId}: ${result.registered} registered, ${result.submitted} submitted, ${result.failed} failed, in ${(result.durationMs / 1000).toFixed(1)} s`,
      result.closed ? `Closed and ranked: ${result.ranked} in the official ranking` : "Round left open",
      `Audience screen: ${result.screenUrl}`,
      `Leaderboard:     ${result.leaderboardUrl}`,
    ].join("\n"),
  );
}
process.exit(result.failed > 0 ? 1 : 0);
