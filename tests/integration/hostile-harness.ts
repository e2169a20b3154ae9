/**
 * A real server on port 0 running the Remix app from source (Vite in middleware mode) over the seeded
 * demo contest: what the hostile tests share. Helpers read a visitor's CSRF token, post forms, log in
 * and open sockets.
 */
import http from "node:http";
import { io as connect } from "socket.io-client";
import type { Config } from "#server/config";
import { createPlatform, type Platform } from "#server/platform";
import { hashPassword } from "#server/security/password";
import { contestFixture, type ContestFixture } from "./contest-fixture";
import type { Client } from "./board-harness";

export interface HostileServer extends ContestFixture {
  platform: Platform;
  url: string;
  port: number;
  close(): Promise<void>;
}

export async function hostileServer(
  options: { web?: boolean; config?: Partial<Config> } = {},
): Promise<HostileServer> {
  const f = await contestFixture(new Date());
  f.services.config = { ...f.services.config, ...options.config };
  const platform = await createPlatform(
    f.services,
    options.web === false ? { kind: "none" } : { kind: "vite-dev" },
  );
  const { port } = await platform.start();
  return { ...f, platform, port, url: `http://127.0.0.1:${port}`, close: () => platform.stop() };
}

export interface Visitor {
  cookie: string;
  token: string;
}

/** A fresh browser-like visitor: the CSRF cookie and token from a page with a form. */
export async function visitor(
  url: string,
  path = "/login",
  headers: Record<string, string> = {},
): Promise<Visitor> {
  const res = await fetch(url + path, { headers });
  const html = await res.text();
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
  const token =
    /name="csrf"[^>]*value="([^"]+)"/.exec(html)?.[1] ?? /value="([^"]+)"[^>]*name="csrf"/.exec(html)?.[1];
  if (!token) throw new Error(`no CSRF token on ${path} (${res.status})`);
  return { cookie, token };
}

/** Posts a form as the visitor would; redirects are not followed. */
export function postForm(
  url: string,
  path: string,
  who: Visitor,
  fields: Record<string, string>,
  headers: Record<string, string> = {},
): Promise<Response> {
  return fetch(url + path, {
    method: "POST",
    redirect: "manual",
    headers: { cookie: who.cookie, "content-type": "application/x-www-form-urlencoded", ...headers },
    body: new URLSearchParams({ csrf: who.token, ...fields }),
  });
}

export async function setPasswordOf(server: HostileServer, userId: number, password: string): Promise<void> {
  await server.services.db
    .updateTable("users")
    .set({ password_hash: await hashPassword(password) })
    .where("id", "=", userId)
    .execute();
}

/** The `sid=…` pair a successful login set, or null. */
export function sessionCookieOf(res: Response): string | null {
  const sid = res.headers.getSetCookie().find((c) => c.startsWith("sid=") && !c.startsWith("sid=;"));
  return sid ? sid.split(";")[0] : null;
}

export async function socketFor(url: string, cookie: string): Promise<Client> {
  const socket: Client = connect(url, {
    transports: ["websocket"],
    reconnection: false,
    forceNew: true,
    extraHeaders: { cookie },
  });
  await new Promise<void>((resolve, reject) => {
    socket.once("connect", () => resolve());
    socket.once("connect_error", reject);
  });
  return socket;
}

/**
 * Streams `totalBytes` to `path` in 256 KB chunks and stops as soon as the server answers. Returns the
 * status and how many bytes were written before the answer came.
 */
export function streamBody(
  port: number,
  path: string,
  totalBytes: number,
  headers: Record<string, string>,
  withLength = true,
): Promise<{ status: number | null; sentBytes: number; body: string }> {
  return new Promise((resolve) => {
    let sent = 0;
    let answered = false;
    const chunk = Buffer.alloc(256 * 1024, "a");
    const req = http.request({
      host: "127.0.0.1",
      port,
      path,
      method: "POST",
      headers: { ...headers, ...(withLength ? { "content-length": String(totalBytes) } : {}) },
    });
    const finish = (status: number | null, body: string) => {
      if (answered) return;
      answered = true;
      resolve({ status, sentBytes: sent, body });
      req.destroy();
    };
    req.on("response", (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (d: string) => (body += d));
      res.on("end", () => finish(res.statusCode ?? null, body));
      res.on("error", () => finish(res.statusCode ?? null, body));
    });
    req.on("error", () => finish(null, ""));
    const pump = () => {
      while (!answered && sent < totalBytes) {
        const piece = Math.min(chunk.length, totalBytes - sent);
        sent += piece;
        if (!req.write(piece === chunk.length ? chunk : chunk.subarray(0, piece))) {
          req.once("drain", pump);
          return;
        }
      }
      if (!answered && sent >= totalBytes) req.end();
    };
    pump();
  });
}

/** The p-th percentile (0–100) of the values. */
export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
}

type StormLogin = { visitor: Visitor; address: string; login: string; password: string };
type StormResult = { status: number; session: boolean }[];

/**
 * Fires the logins all at once from another process, as attackers would (not from the server's own
 * event loop, where the test's HTTP client would compete with the server it measures). Resolves with
 * the status and whether a session cookie came back, per login.
 */
export async function loginStormFromAnotherProcess(
  url: string,
  logins: StormLogin[],
  path = "/login.data",
): Promise<StormResult> {
  return (await preparedLoginStorm(url, logins, path)).fire();
}

/**
 * The same storm, its process started and ready before `fire`: starting a process blocks the caller's
 * event loop for a while, which a measurement of the server beside it must not count.
 */
export async function preparedLoginStorm(
  url: string,
  logins: StormLogin[],
  path = "/login.data",
): Promise<{ fire(): Promise<StormResult> }> {
  const { spawn } = await import("node:child_process");
  const script = `
    const lines = require("node:readline").createInterface({ input: process.stdin });
    let input = null;
    lines.on("line", (line) => {
      if (input === null) {
        input = JSON.parse(line);
        console.log("ready");
        return;
      }
      Promise.all(input.logins.map(async (l) => {
        const res = await fetch(input.url + input.path, {
          method: "POST",
          redirect: "manual",
          headers: { cookie: l.visitor.cookie, "content-type": "application/x-www-form-urlencoded", "x-forwarded-for": l.address },
          body: new URLSearchParams({ csrf: l.visitor.token, login: l.login, password: l.password }),
        });
        await res.arrayBuffer();
        return { status: res.status, session: res.headers.getSetCookie().some((c) => c.startsWith("sid=") && !c.startsWith("sid=;")) };
      })).then((r) => {
        console.log(JSON.stringify(r));
        lines.close();
      });
    });
  `;
  const child = spawn(process.execPath, ["-e", script], { stdio: ["pipe", "pipe", "inherit"] });
  let out = "";
  let ready: () => void = () => undefined;
  const isReady = new Promise<void>((resolve) => (ready = resolve));
  child.stdout.on("data", (d: Buffer) => {
    out += d.toString();
    if (out.startsWith("ready\n")) ready();
  });
  const closed = new Promise((resolve) => child.on("close", resolve));
  child.stdin.write(JSON.stringify({ url, path, logins }) + "\n");
  await Promise.race([isReady, closed]);
  return {
    async fire() {
      child.stdin.end("go\n");
      await closed;
      return JSON.parse(out.slice("ready\n".length)) as StormResult;
    },
  };
}
