import { defineConfig } from "vitest/config";
import tsconfigPaths from "vite-tsconfig-paths";

/**
 * Two projects: everything on SQLite (needs nothing installed), and the database, repository and
 * contest-flow tests again on the machine's PostgreSQL (TEST_DB_ENGINE=postgres, a fresh database per
 * test, dropped at the end). `npm test` checks first that PostgreSQL answers (scripts/test.sh).
 */
const onBothEngines = [
  "db/**/*.test.ts",
  "server/security/login.test.ts",
  "tests/integration/attempts.test.ts",
  "tests/integration/live-final.test.ts",
  "tests/integration/question-pictures.test.ts",
  "tests/integration/ranking.test.ts",
  "tests/integration/registration.test.ts",
  "tests/integration/results-export.test.ts",
];

/** Need PostgreSQL (and Redis) whatever the engine: they run in the postgres project only. */
const postgresOnly = [
  "server/cluster/cluster.test.ts",
  "server/live/owners.test.ts",
  "tests/integration/db-copy.test.ts",
  "tests/integration/cluster.test.ts",
  "tests/integration/live-cluster.test.ts",
];

export default defineConfig({
  plugins: [tsconfigPaths()],
  test: {
    environment: "node",
    testTimeout: 20_000,
    hookTimeout: 30_000,
    projects: [
      {
        extends: true,
        test: {
          name: "sqlite",
          include: [
            "app/**/*.test.ts",
            "db/**/*.test.ts",
            "server/**/*.test.ts",
            "scripts/**/*.test.ts",
            "tests/integration/**/*.test.ts",
            "tests/architecture/**/*.test.ts",
          ],
          exclude: postgresOnly,
        },
      },
      {
        extends: true,
        test: {
          name: "postgres",
          include: [...onBothEngines, ...postgresOnly],
          env: { TEST_DB_ENGINE: "postgres" },
          globalSetup: ["tests/postgres-setup.ts"],
        },
      },
    ],
  },
});
