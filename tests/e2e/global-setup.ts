/**
 * Starts the real server (production build, `server/main.ts`) on a fresh SQLite file for the whole
 * browser-test run, and stops it afterwards with SIGTERM, as an operator would.
 */
import fs from "node:fs";
import { E2E_ADMIN_PASSWORD, E2E_PORT, E2E_STATE_FILE } from "./env";
import { startServer } from "./server-process";

export default async function globalSetup() {
  const server = await startServer({ port: E2E_PORT, adminPassword: E2E_ADMIN_PASSWORD });
  const { databaseFile, dataDir, port } = server;
  fs.writeFileSync(E2E_STATE_FILE, JSON.stringify({ databaseFile, dataDir, port }));

  return async () => {
    await server.stop({ remove: true });
  };
}
