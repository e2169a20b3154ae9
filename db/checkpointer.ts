/**
 * SQLite only: the write-ahead log is copied back into the database file (a checkpoint) by a worker
 * thread with its own connection, instead of by whichever answer happens to commit the 1,000th page
 * (SQLite's automatic checkpoint runs inside that commit, on the event loop: it writes every page
 * changed since the last one back to the file and syncs it, and every answer queued behind it waits).
 *
 * The worker runs a PASSIVE checkpoint every `intervalMs`: it never waits for, nor blocks, the
 * server's readers and writer. A log only starts again from its beginning once it has been copied
 * entirely while no transaction used it, which a steady stream of answers rarely allows; so when the
 * log passes `restartFrames` the worker asks for a RESTART, which holds the writer back only while it
 * copies the last few frames (the server's writer waits on its busy timeout, a few ms, every
 * `restartFrames` pages rather than on every automatic checkpoint). The worker never waits on a lock
 * itself (busy timeout 0): what it cannot do now, it does on the next beat.
 *
 * If the worker fails or stops, the connection goes back to SQLite's automatic checkpoints: the log
 * never grows without bound. Durability is unchanged (WAL with synchronous=NORMAL, as before).
 */
import { createRequire } from "node:module";
import { Worker } from "node:worker_threads";
import type SQLite from "better-sqlite3";

export const CHECKPOINT_INTERVAL_MS = 250;
/** 4,000 pages of 4 KiB: the log stays under about 16 MB. */
export const CHECKPOINT_RESTART_FRAMES = 4_000;
/** SQLite's own default, restored when the worker is gone. */
const AUTOCHECKPOINT_PAGES = 1_000;

// Plain CommonJS, evaluated as the worker's code: nothing to compile or resolve at run time.
const WORKER_SOURCE = `
const { parentPort, workerData } = require("node:worker_threads");
const SQLite = require(workerData.driver);
const db = new SQLite(workerData.file, { timeout: 0 });
db.pragma("synchronous = NORMAL");
const beat = () => {
  try {
    const [passive] = db.pragma("wal_checkpoint(PASSIVE)");
    if (passive && passive.log >= workerData.restartFrames) db.pragma("wal_checkpoint(RESTART)");
  } catch {
    // SQLITE_BUSY and the like: the next beat tries again.
  }
};
const timer = setInterval(beat, workerData.intervalMs);
parentPort.on("message", (message) => {
  if (message !== "stop") return;
  clearInterval(timer);
  db.close();
  parentPort.close();
});
`;

export interface Checkpointer {
  /** Stops the worker (it closes its connection); the connection's automatic checkpoints return. */
  stop(): void;
}

export function startBackgroundCheckpoints(
  sqlite: SQLite.Database,
  file: string,
  options: { intervalMs?: number; restartFrames?: number } = {},
): Checkpointer {
  sqlite.pragma("wal_autocheckpoint = 0");
  let stopped = false;
  const fallBack = () => {
    if (sqlite.open) sqlite.pragma(`wal_autocheckpoint = ${AUTOCHECKPOINT_PAGES}`);
  };
  const worker = new Worker(WORKER_SOURCE, {
    eval: true,
    workerData: {
      driver: createRequire(import.meta.url).resolve("better-sqlite3"),
      file,
      intervalMs: options.intervalMs ?? CHECKPOINT_INTERVAL_MS,
      restartFrames: options.restartFrames ?? CHECKPOINT_RESTART_FRAMES,
    },
    // The worker's own heap is small; keep it so.
    resourceLimits: { maxOldGenerationSizeMb: 16, maxYoungGenerationSizeMb: 4 },
  });
  // A worker never keeps the process alive.
  worker.unref();
  worker.on("error", () => undefined);
  worker.on("exit", () => {
    if (!stopped) fallBack();
  });
  return {
    stop() {
      if (stopped) return;
      stopped = true;
      worker.postMessage("stop");
    },
  };
}
