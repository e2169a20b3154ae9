/**
 * Starts the real server (production build, `server/main.ts`) on a fresh SQLite file for the whole
 * browser-test run, and stops it afterwards with SIGTERM, as an operator would.
 */
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { E2E_ADMIN_PASSWORD, E2E_PORT, E2E_STATE_FILE } from "./env";

export default async function globalSetup() {
  const port = E2E_PORT;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "contest-e2e-"));
  const databaseFile = path.join(dataDir, "contest.db");
  const server = spawn(process.execPath, ["--import", "tsx", "server/main.ts"], {
    env: {
      ...process.env,
      NODE_ENV: "production",
      PORT: String(port),
      HOST: "127.0.0.1",
      DATABASE_URL: databaseFile,
      DATA_DIR: dataDir,
      ADMIN_PASSWORD: E2E_ADMIN_PASSWORD,
      LOG_LEVEL: "warn",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  server.stdout.on("data", (chunk) => (output += chunk));
  server.stderr.on("data", (chunk) => (output += chunk));

  const deadline = Date.now() + 60_000;
  for (;;) {
    if (server.exitCode !== null) throw new Error(`The server exited during start:\n${output}`);
    try {
      const res = await fetch(`http://127.0.0.1:${port}/healthz`);
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`The server did not become ready in 60 s:\n${output}`);
    await new Promise((r) => setTimeout(r, 250));
  }
  fs.writeFileSync(E2E_STATE_FILE, JSON.stringify({ databaseFile, dataDir, port }));

  return async () => {
    server.kill("SIGTERM");
    await new Promise((resolve) => server.once("exit", resolve));
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
}
