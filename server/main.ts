/**
 * Entry point of the one Node process: configuration → database (migrated, seeded when empty) →
 * Express + Remix + Socket.IO on one port → graceful shutdown on SIGTERM/SIGINT.
 */
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import type { ServerBuild } from "@remix-run/node";
import { migrateToLatest, openDatabase, whileAlone } from "#db/connection";
import { isEmpty, seedDemo } from "#db/seed/seed";
import { loadBundledBank } from "../question-bank/load";
import { ConfigError, loadConfig } from "./config";
import { createLogger } from "./logger";
import { createPlatform, type RemixBuildSource } from "./platform";
import { generatePassword, hashPassword } from "./security/password";
import { systemClock, type Services } from "./services";
import { ContestEvents } from "./contest/events";
import { connectCluster } from "./cluster/cluster";
import { lanAddresses } from "./network";
import { ensureSetupToken, setupPending } from "./setup-token";
import { hasDemoContest, isInstalled } from "#db/repos/contest-life";
import { baseAddress, startBanner } from "./start-banner";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

async function main(): Promise<void> {
  const startedAt = performance.now();
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(78); // EX_CONFIG
    }
    throw error;
  }
  const logger = createLogger(config.logLevel);
  const db = openDatabase(config.database, { backgroundCheckpoints: true });
  await migrateToLatest(db);

  // `npm run setup` (`--real`): a real installation, no demo people, rounds or units; the organizer makes
  // the contest on the first-run page (issue 11). A pending one is never turned into the demo by `npm start`.
  const real = process.argv.includes("--real") || setupPending(config.dataDir);
  let setupToken: string | null = null;
  // Several processes may start at once on one PostgreSQL database: one seeds it, the others wait.
  await whileAlone(db, async (db) => {
    if (real && (await isEmpty(db)) && !(await isInstalled(db))) {
      setupToken = ensureSetupToken(config.dataDir);
    } else if (process.argv.includes("--real") && (await hasDemoContest(db))) {
      console.error(
        "\n  Cơ sở dữ liệu này đang chứa hội thi demo. Hãy dùng một DATABASE_URL mới (hoặc xóa tệp dữ liệu demo) để cài hội thi thật.\n  This database holds the demo contest. Use a new DATABASE_URL (or remove the demo's data file) for a real installation.\n",
      );
      process.exit(78);
    } else if (await isEmpty(db)) {
      const generated = config.adminPassword ? null : generatePassword(14);
      const bank = await loadBundledBank(path.join(root, "question-bank"));
      const result = await seedDemo(db, {
        now: systemClock.now(),
        adminPasswordHash: await hashPassword(config.adminPassword ?? generated!),
        hashPassword,
        bank,
      });
      logger.info({ ...result }, "seeded the demo contest");
      if (generated) {
        // Printed once, on the console of whoever installed the platform; never logged to a file.
        console.log(
          `\n  Tài khoản quản trị / admin account: admin / ${generated}\n  (Hãy đổi mật khẩu sau khi đăng nhập.)\n`,
        );
      }
    }
  });

  const events = new ContestEvents();
  const cluster = config.redis ? await connectCluster(config.redis, events, logger) : undefined;
  if (cluster) logger.info({ process: cluster.id }, "joined the cluster through Redis");
  const services: Services = { db, config, logger, clock: systemClock, events, cluster };
  const dev = process.argv.includes("--dev");
  const buildDir = path.resolve(root, process.env.BUILD_DIR ?? "build");
  // --no-web: health, Socket.IO and the deadline sweeper only (tests, or a process that serves only sockets).
  const remix: RemixBuildSource = process.argv.includes("--no-web")
    ? { kind: "none" }
    : dev
      ? { kind: "vite-dev" }
      : {
          kind: "build",
          build: (await import(pathToFileURL(path.join(buildDir, "server/index.js")).href)) as ServerBuild,
          clientDir: path.join(buildDir, "client"),
        };
  const platform = await createPlatform(services, remix);
  const { port } = await platform.start();

  const seconds = ((performance.now() - startedAt) / 1000).toFixed(1);
  console.log(startBanner({ config, port, seconds, addresses: lanAddresses() }));
  if (setupToken) {
    const home = baseAddress(config, port, lanAddresses());
    console.log(
      `  Cài đặt hội thi thật / set up the real contest: ${home}/setup?code=${setupToken}\n  (Mã này chỉ dùng một lần / this code works once.)\n`,
    );
  }
  logger.info({ port, seconds: Number(seconds) }, "ready");

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, "shutting down");
    try {
      await platform.stop();
      process.exit(0);
    } catch (error) {
      logger.error({ err: error }, "shutdown failed");
      process.exit(1);
    }
  };
  process.on("SIGTERM", () => void stop("SIGTERM"));
  process.on("SIGINT", () => void stop("SIGINT"));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
