// `npm run start:cluster` (WORKERS=N, default the number of cores): N server processes on one machine,
// each on its own port from PORT upwards (PORT, PORT+1, …), behind a reverse proxy (deploy/nginx.conf).
// They share one PostgreSQL database (DATABASE_URL=postgres://…) and one Redis (REDIS_URL). The web app
// is built, and the database migrated, once before the workers start; a worker that dies is restarted.
import { spawn, spawnSync } from "node:child_process";
import os from "node:os";
import { clearInterval, setInterval, setTimeout } from "node:timers";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const workers = Number(process.env.WORKERS ?? os.availableParallelism());
const basePort = Number(process.env.PORT ?? 3000);

function refuse(message) {
  console.error(message);
  process.exit(78);
}
if (!Number.isInteger(workers) || workers < 1 || workers > 64)
  refuse("WORKERS: must be a whole number from 1 to 64");
if (workers > 1 && !/^postgres(ql)?:\/\//.test(process.env.DATABASE_URL ?? ""))
  refuse(
    "DATABASE_URL: several processes need PostgreSQL (postgres://…); SQLite serves one process. Use WORKERS=1 or npm start.",
  );
if (workers > 1 && !process.env.REDIS_URL)
  refuse(
    "REDIS_URL: several processes need Redis to share broadcasts, contest events and leases (redis://…).",
  );

const run = (args) => spawnSync("npx", args, { cwd: root, stdio: "inherit" });
if (run(["remix", "vite:build"]).status !== 0) process.exit(1);
if (run(["tsx", "scripts/migrate.ts", "--create"]).status !== 0) process.exit(1);

let stopping = false;
const children = new Map();
function startWorker(index) {
  const port = basePort + index;
  const child = spawn(process.execPath, ["--import", "tsx", "server/main.ts"], {
    cwd: root,
    env: { ...process.env, NODE_ENV: "production", PORT: String(port) },
    stdio: "inherit",
  });
  children.set(index, child);
  child.on("exit", (code, signal) => {
    children.delete(index);
    if (stopping) return;
    console.error(`worker ${index} (port ${port}) ended (${signal ?? code}); starting it again in 1 s`);
    setTimeout(() => startWorker(index), 1000);
  });
}
for (let i = 0; i < workers; i++) startWorker(i);
console.log(`${workers} processes on ports ${basePort}–${basePort + workers - 1}`);

for (const signal of ["SIGTERM", "SIGINT"]) {
  process.on(signal, () => {
    stopping = true;
    for (const child of children.values()) child.kill("SIGTERM");
    const check = setInterval(() => {
      if (children.size === 0) {
        clearInterval(check);
        process.exit(0);
      }
    }, 100);
  });
}
