import os from "node:os";
import path from "node:path";

export const E2E_ADMIN_PASSWORD = "quan-tri-e2e-2023";
export const E2E_PORT = Number(process.env.E2E_PORT ?? 3123);
/** Where global setup tells the tests which database file the server uses (one per port, so runs can overlap). */
export const E2E_STATE_FILE = path.join(os.tmpdir(), `contest-e2e-state-${E2E_PORT}.json`);
