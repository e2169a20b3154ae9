/**
 * The real server as a child process (production build, `server/main.ts`): global setup starts the one
 * the whole run shares; a story that must stop and start a server (the live final's restart) starts
 * its own with this, on its own port and data folder, and kills it as a crash would.
 */
import { spawn, type ChildProcessWithoutNullStreams } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";

export interface ServerProcess {
  port: number;
  baseURL: string;
  dataDir: string;
  databaseFile: string;
  /** Everything the current process printed, for the failure message. */
  output(): string;
  /** Kill -9: no shutdown hook runs, as when the machine loses power or the process crashes. */
  crash(): Promise<void>;
  /** Start again on the same port, database and data folder; resolves when /healthz answers. */
  restart(): Promise<void>;
  /** SIGTERM, as an operator stops it; `remove` also deletes the data folder. */
  stop(options?: { remove?: boolean }): Promise<void>;
}

/** A port nobody listens on right now. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

export async function startServer(input: {
  port: number;
  adminPassword: string;
  /** A fresh temporary folder when not given. */
  dataDir?: string;
}): Promise<ServerProcess> {
  const dataDir = input.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), "contest-e2e-"));
  const databaseFile = path.join(dataDir, "contest.db");
  const baseURL = `http://127.0.0.1:${input.port}`;
  let child: ChildProcessWithoutNullStreams | null = null;
  let output = "";

  const exited = (p: ChildProcessWithoutNullStreams) =>
    p.exitCode !== null || p.signalCode !== null
      ? Promise.resolve()
      : new Promise<void>((resolve) => p.once("exit", () => resolve()));

  const launch = async () => {
    output = "";
    const p = spawn(process.execPath, ["--import", "tsx", "server/main.ts"], {
      env: {
        ...process.env,
        NODE_ENV: "production",
        PORT: String(input.port),
        HOST: "127.0.0.1",
        DATABASE_URL: databaseFile,
        DATA_DIR: dataDir,
        ADMIN_PASSWORD: input.adminPassword,
        LOG_LEVEL: "warn",
      },
    });
    child = p;
    p.stdout.on("data", (chunk) => (output += chunk));
    p.stderr.on("data", (chunk) => (output += chunk));
    const deadline = Date.now() + 60_000;
    for (;;) {
      if (p.exitCode !== null) throw new Error(`The server exited during start:\n${output}`);
      try {
        const res = await fetch(`${baseURL}/healthz`);
        if (res.ok) return;
      } catch {
        // not listening yet
      }
      if (Date.now() > deadline) throw new Error(`The server did not become ready in 60 s:\n${output}`);
      await new Promise((r) => setTimeout(r, 250));
    }
  };

  const end = async (signal: NodeJS.Signals) => {
    const p = child;
    if (!p) return;
    child = null;
    p.kill(signal);
    await exited(p);
  };

  await launch();
  return {
    port: input.port,
    baseURL,
    dataDir,
    databaseFile,
    output: () => output,
    crash: () => end("SIGKILL"),
    restart: launch,
    stop: async (options) => {
      await end("SIGTERM");
      if (options?.remove) fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
