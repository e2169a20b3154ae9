/**
 * The hostile figures of docs/security.md (issue 10), measured in one process that runs the real server
 * (the Remix app from source) and the attackers: peak memory growth while a zero-counted zip bomb is
 * parsed and while six 400 MB bodies arrive at once, and the p99 of a contestant's answer
 * acknowledgements while a hundred wrong logins arrive at once.
 *
 *   npm run bench:hostile            # all three
 *   npm run bench:hostile -- bomb    # one of: bomb, bodies, storm
 */
import { readFileSync } from "node:fs";
import { parseQuestionFile, xlsxTemplate } from "~/rules/question-formats";
import { workbookText } from "~/i18n/workbook";
import { startRoundAttempt } from "#server/contest/attempts";
import { createSession } from "#db/repos/sessions";
import { randomToken, sha256 } from "#server/security/password";
import { request } from "../tests/integration/board-harness";
import {
  hostileServer,
  loginStormFromAnotherProcess,
  percentile,
  preparedLoginStorm,
  socketFor,
  streamBody,
  visitor,
} from "../tests/integration/hostile-harness";
import { zeroedCountBomb } from "../tests/integration/hostile-zip";

const MB = 1024 * 1024;

/**
 * CPU time the main thread (the event loop, not the thread pool) has used, from Linux's per-thread
 * accounting (10 ms ticks): what the storm costs the event loop, whatever else the machine runs.
 */
function mainThreadCpuMs(): number {
  try {
    const stat = readFileSync(`/proc/self/task/${process.pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return (Number(fields[11]) + Number(fields[12])) * 10; // utime + stime, in ticks of 10 ms
  } catch {
    return Number.NaN;
  }
}

function memoryWatch() {
  const baseline = process.memoryUsage().rss;
  let peak = baseline;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 5);
  return {
    stop() {
      clearInterval(timer);
      return {
        baselineMb: Math.round(baseline / MB),
        peakMb: Math.round(peak / MB),
        growthMb: Math.round((peak - baseline) / MB),
      };
    },
  };
}

async function bomb() {
  const server = await hostileServer({ web: false });
  const file = await zeroedCountBomb(await xlsxTemplate(workbookText("vi")), 400);
  let slowest = 0;
  let running = true;
  const health = (async () => {
    while (running) {
      const t0 = performance.now();
      await fetch(`${server.url}/healthz`);
      slowest = Math.max(slowest, performance.now() - t0);
      await new Promise((r) => setTimeout(r, 50));
    }
  })();
  const watch = memoryWatch();
  const t0 = performance.now();
  const parsed = await parseQuestionFile("xlsx", file);
  const ms = Math.round(performance.now() - t0);
  const memory = watch.stop();
  running = false;
  await health;
  await server.close();
  return {
    scenario: "zip bomb (400 MB part, zeroed counts)",
    uploadKb: Math.round(file.length / 1024),
    refused: parsed.fileProblems.map((p) => p.code).join(",") || `parsed ${parsed.rows.length} rows`,
    ms,
    slowestHealthMs: Math.round(slowest),
    ...memory,
  };
}

async function bodies() {
  const server = await hostileServer();
  const visitors = await Promise.all(Array.from({ length: 6 }, () => visitor(server.url)));
  const watch = memoryWatch();
  const t0 = performance.now();
  const results = await Promise.all(
    visitors.map((who) =>
      streamBody(server.port, "/login", 400 * MB, {
        cookie: who.cookie,
        "content-type": "application/x-www-form-urlencoded",
      }),
    ),
  );
  const ms = Math.round(performance.now() - t0);
  const memory = watch.stop();
  await server.close();
  return {
    scenario: "six 400 MB bodies to POST /login at once",
    statuses: results.map((r) => r.status).join(","),
    sentMb: results.map((r) => Math.round(r.sentBytes / MB)).join(","),
    ms,
    ...memory,
  };
}

async function storm() {
  const server = await hostileServer({ config: { trustProxy: 1 } });
  const { userId } = await server.addContestant("Lê Văn Cường");
  const token = randomToken();
  const now = server.services.clock.now();
  await createSession(server.services.db, {
    id: sha256(token),
    userId,
    now,
    expiresAt: new Date(now.getTime() + 3_600_000),
    ip: null,
    userAgent: null,
  });
  const started = await startRoundAttempt(server.services, { userId, roundId: server.seed.openRoundId });
  if (!started.ok) throw new Error(started.code);
  const socket = await socketFor(server.url, `sid=${token}`);
  await request(socket, "attempt:watch", { attemptId: started.attemptId });
  const visitors = await Promise.all(
    Array.from({ length: 100 }, (_, i) =>
      visitor(server.url, "/login", { "x-forwarded-for": `10.7.${i}.1` }),
    ),
  );
  // One login first, so that what Vite compiles on first use (development only) is not measured.
  await loginStormFromAnotherProcess(server.url, [
    { visitor: visitors[0], address: "10.7.250.1", login: "khach", password: "sai" },
  ]);
  const quiet: number[] = [];
  for (let i = 0; i < 20; i++) {
    const t = performance.now();
    await request(socket, "attempt:answer", {
      attemptId: started.attemptId,
      position: i % 5,
      chosen: [i % 2],
    });
    quiet.push(performance.now() - t);
  }
  const prepared = await preparedLoginStorm(
    server.url,
    visitors.map((visitor, i) => ({ visitor, address: `10.7.${i}.1`, login: "admin", password: `sai-${i}` })),
  );
  const { monitorEventLoopDelay } = await import("node:perf_hooks");
  const loop = monitorEventLoopDelay({ resolution: 10 });
  loop.enable();
  const t0 = performance.now();
  const cpu0 = mainThreadCpuMs();
  let done = false;
  const logins = prepared.fire().then((r) => ((done = true), r));
  const latencies: number[] = [];
  while (!done) {
    const t = performance.now();
    await request(socket, "attempt:answer", {
      attemptId: started.attemptId,
      position: latencies.length % 5,
      chosen: [0],
    });
    latencies.push(performance.now() - t);
    await new Promise((r) => setTimeout(r, 20));
  }
  const responses = await logins;
  const stormMs = Math.round(performance.now() - t0);
  const stormCpuMs = mainThreadCpuMs() - cpu0;
  loop.disable();
  socket.disconnect();
  await server.close();
  const statuses = new Map<number, number>();
  for (const r of responses) statuses.set(r.status, (statuses.get(r.status) ?? 0) + 1);
  return {
    scenario: "100 wrong logins at once, one contestant answering",
    quietP99Ms: Math.round(percentile(quiet, 99)),
    acks: latencies.length,
    p50Ms: Math.round(percentile(latencies, 50)),
    p99Ms: Math.round(percentile(latencies, 99)),
    maxMs: Math.round(Math.max(...latencies)),
    stormMs,
    mainThreadCpuMs: stormCpuMs,
    eventLoopDelayMaxMs: Math.round(loop.max / 1e6),
    eventLoopDelayP99Ms: Math.round(loop.percentile(99) / 1e6),
    loginStatuses: [...statuses].map(([s, n]) => `${s}×${n}`).join(" "),
  };
}

const scenarios = { bomb, bodies, storm } as const;
const chosen = process.argv.slice(2).filter((a): a is keyof typeof scenarios => a in scenarios);
for (const name of chosen.length > 0 ? chosen : (Object.keys(scenarios) as (keyof typeof scenarios)[])) {
  console.log(JSON.stringify(await scenarios[name]()));
}
process.exit(0);
