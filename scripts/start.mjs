// `npm start`: build the web app when the sources are newer than the build, then run the server
// in this same process (so SIGTERM and SIGINT reach it directly).
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const built = path.join(root, "build/server/index.js");

function newest(entry) {
  const stat = fs.statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return fs
    .readdirSync(entry)
    .reduce((max, name) => Math.max(max, newest(path.join(entry, name))), stat.mtimeMs);
}

const sources = ["app", "db", "server", "public", "vite.config.ts", "tsconfig.json", "package-lock.json"].map(
  (p) => path.join(root, p),
);
const stale =
  !fs.existsSync(built) ||
  Math.max(...sources.filter((p) => fs.existsSync(p)).map(newest)) > fs.statSync(built).mtimeMs;

if (stale) {
  console.log("Đang dựng giao diện / building the web app…");
  const result = spawnSync("npx", ["remix", "vite:build"], { cwd: root, stdio: "inherit" });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

process.env.NODE_ENV ??= "production";
const { register } = await import("tsx/esm/api");
register();
await import(path.join(root, "server/main.ts"));
