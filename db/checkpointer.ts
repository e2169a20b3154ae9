/**
 * SQLite only: the write-ahead log is copied back into the database file (a checkpoint) by a worker
 * thread with its own connection, instead of by whichever answer happens to commit the 1,000th page
 * (SQLite's automatic checkpoint runs inside that commit, on the event loop: it writes every page
 * changed since the last one back to the file and syncs it, and every answer queued behind it waits).
 *
 * The worker runs a PASSIVE checkpoint every `intervalMs`: it never waits for, nor blocks, the
 * server's readers and writer. A log only starts again from its beginning when the writer finds it
 * copied entirely, which a steady stream of answers rarely allows (frames keep arriving while the
 * worker copies). So when the log passes `restartFrames`, the worker tells the connection, which copies
 * the few frames written since (a PASSIVE checkpoint of its own, between two statements, outside any
 * transaction): its next write then starts the log again. That small copy happens on the event loop
 * once every `restartFrames` pages instead of a full one every 1,000. The worker itself never restarts
 * the log (a RESTART from another connection would make a transaction of the server's that read
 * before it wrote fail with SQLITE_BUSY), and never waits on a lock: what it cannot do, it does on the
 * next beat.
 *
 * If the worker fails or stops, the connection goes back to SQLite's automatic checkpoints: the log
 * never grows without bound. Durability is unchanged (WAL with synchronous=NORMAL, as before).
 */
import { createRequire } from "node:module";
import { MessageChannel, Worker } from "node:worker_threads";
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
    if (passive && passive.busy === 0 && passive.log >= workerData.restartFrames)
      workerData.port.postMessage("restart");
  } catch {
    // SQLITE_BUSY and the like: the next beat tries again.
  }
};
const timer = setInterval(beat, workerData.intervalMs);
parentPort.on("message", (message) => {
  if (message !== "stop") return;
  clearInterval(timer);
  db.close();
  workerData.port.close();
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
  // Its own port, unreferenced, so that listening to it does not keep the process alive either.
  const { port1, port2 } = new MessageChannel();
  const worker = new Worker(WORKER_SOURCE, {
    eval: true,
    transferList: [port2],
    workerData: {
      port: port2,
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
  // The log is long and almost all copied: copy the rest here, so that the next write restarts it.
  port1.on("message", (message) => {
    if (message !== "restart" || stopped || !sqlite.open || sqlite.inTransaction) return;
    try {
      sqlite.pragma("wal_checkpoint(PASSIVE)");
    } catch {
      // Busy: the worker asks again after its next beat.
    }
  });
  port1.unref();
  worker.on("exit", () => {
    if (!stopped) fallBack();
  });
  return {
    stop() {
      if (stopped) return;
      stopped = true;
      port1.close();
      worker.postMessage("stop");
    },
  };
}
