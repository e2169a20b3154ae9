/**
 * The first-run page of a real installation (issue 11) is opened with a one-time code printed on the
 * server's console, so a phone on the hall's network cannot claim the installation first. The code lives
 * in a file under DATA_DIR while the installation waits for its contest, and is removed when it is made.
 */
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";

const FILE = "setup-token";

export function setupTokenFile(dataDir: string): string {
  return path.join(dataDir, FILE);
}

/** Is a real installation waiting for its first contest? Then `npm start` does not seed the demo. */
export function setupPending(dataDir: string): boolean {
  return fs.existsSync(setupTokenFile(dataDir));
}

/** The existing code, or a new one. */
export function ensureSetupToken(dataDir: string): string {
  const file = setupTokenFile(dataDir);
  if (fs.existsSync(file)) return fs.readFileSync(file, "utf8").trim();
  fs.mkdirSync(dataDir, { recursive: true });
  const token = crypto.randomBytes(18).toString("base64url");
  fs.writeFileSync(file, token + "\n", { mode: 0o600 });
  return token;
}

export function checkSetupToken(dataDir: string, given: string | null): boolean {
  const file = setupTokenFile(dataDir);
  if (!given || !fs.existsSync(file)) return false;
  const expected = Buffer.from(fs.readFileSync(file, "utf8").trim());
  const actual = Buffer.from(given);
  return expected.length === actual.length && crypto.timingSafeEqual(expected, actual);
}

export function clearSetupToken(dataDir: string): void {
  fs.rmSync(setupTokenFile(dataDir), { force: true });
}
