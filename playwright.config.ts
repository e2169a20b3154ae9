import { defineConfig, devices } from "@playwright/test";

/**
 * Browser tests drive Debian's Chromium against the production build served by the real server,
 * on its own port and its own fresh database (see tests/e2e/global-setup.ts).
 */
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
import { E2E_PORT } from "./tests/e2e/env";

export default defineConfig({
  testDir: "tests/e2e",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [["list"]],
  // One folder per port: runs side by side must not clean up each other's artifacts.
  outputDir: `test-results/run-${E2E_PORT}`,
  globalSetup: "./tests/e2e/global-setup.ts",
  use: {
    baseURL: `http://127.0.0.1:${E2E_PORT}`,
    locale: "vi-VN",
    timezoneId: "Asia/Ho_Chi_Minh",
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: CHROMIUM,
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-quic",
        "--no-first-run",
      ],
    },
  },
  projects: [
    {
      name: "phone",
      use: { ...devices["Pixel 5"], viewport: { width: 360, height: 780 } },
      testMatch: /.*\.phone\.spec\.ts/,
    },
    { name: "desktop", use: { viewport: { width: 1366, height: 800 } }, testMatch: /.*\.desktop\.spec\.ts/ },
  ],
});
