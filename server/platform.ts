/**
 * The one Node process: Express serves the Remix app and /healthz, Socket.IO shares the same port.
 * `createPlatform` wires the pieces; `start` and `stop` are the only things that touch the network.
 */
import http from "node:http";
import path from "node:path";
import crypto from "node:crypto";
import compression from "compression";
import helmet from "helmet";
import { parse as parseCookies, serialize as serializeCookie } from "cookie";
import express, { type Request, type Response } from "express";
import { createRequestHandler } from "@remix-run/express";
import type { ServerBuild } from "@remix-run/node";
import { Server as SocketServer } from "socket.io";
import type { RealtimeServer } from "~/realtime/contract";
import { pingDatabase } from "#db/connection";
import { CSRF_COOKIE, csrfTokenFor } from "./security/csrf";
import { randomToken } from "./security/password";
import type { RequestContext, Services } from "./services";
import { registerRealtime } from "./realtime/register";
import { sameOrigin } from "./realtime/auth";
import { startDeadlineSweeper } from "./contest/sweeper";
import { bodyLimit } from "./security/body-limit";
import { loginGate } from "./security/login-gate";

export type RemixBuildSource =
  | { kind: "none" }
  | { kind: "build"; build: ServerBuild | (() => Promise<ServerBuild>); clientDir: string }
  | { kind: "vite-dev" };

export interface Platform {
  app: express.Express;
  httpServer: http.Server;
  io: RealtimeServer;
  services: Services;
  start(): Promise<{ port: number; host: string }>;
  stop(): Promise<void>;
}

/** Socket payloads above this are refused before they are parsed (a hostile client cannot fill memory). */
export const SOCKET_MAX_BUFFER_BYTES = 16 * 1024;

export async function createPlatform(services: Services, remix: RemixBuildSource): Promise<Platform> {
  const { config, logger } = services;
  const app = express();
  app.disable("x-powered-by");
  // Only the proxies named by TRUST_PROXY (hops or addresses) are believed about the client's address.
  app.set("trust proxy", config.trustProxy);
  app.use(compression());

  // A fresh nonce per response: Remix's inline scripts carry it (entry.server.tsx), nothing else runs.
  app.use((_req, res, next) => {
    res.locals.cspNonce = crypto.randomBytes(16).toString("base64");
    next();
  });
  app.use(securityHeaders(remix.kind === "vite-dev"));
  // Bodies are bounded before anything reads them (413 with a Vietnamese message).
  app.use(bodyLimit());

  app.get("/healthz", async (_req, res) => {
    try {
      await pingDatabase(services.db);
      res.status(200).json({ status: "ok" });
    } catch (error) {
      logger.error({ err: error }, "health check: database unreachable");
      res.status(503).json({ status: "unavailable" });
    }
  });

  // A storm of logins is turned away at the door, before Express, Remix, the database or scrypt.
  const gate = loginGate();
  const httpServer = http.createServer((req, res) => {
    if (!gate(req, res)) app(req, res);
  });
  const io: RealtimeServer = new SocketServer(httpServer, {
    maxHttpBufferSize: SOCKET_MAX_BUFFER_BYTES,
    perMessageDeflate: false,
    httpCompression: false,
    cors: { origin: false },
    allowRequest: (request, callback) => callback(null, sameOrigin(request)),
  });
  // Several processes: broadcasts and fetchSockets travel through Redis to every process.
  if (services.cluster?.adapter) io.adapter(services.cluster.adapter);
  const stopRealtime = registerRealtime(io, services);
  let sweeper: { stop(): Promise<void> } | null = null;

  let viteDev: { close(): Promise<void> } | null = null;
  if (remix.kind !== "none") {
    let build: ServerBuild | (() => Promise<ServerBuild>);
    if (remix.kind === "vite-dev") {
      const vite = await import("vite");
      const devServer = await vite.createServer({
        server: { middlewareMode: true, hmr: { server: httpServer } },
      });
      viteDev = devServer;
      app.use(devServer.middlewares);
      build = () => devServer.ssrLoadModule("virtual:remix/server-build") as Promise<ServerBuild>;
    } else {
      app.use(
        "/assets",
        express.static(path.join(remix.clientDir, "assets"), { immutable: true, maxAge: "1y" }),
      );
      app.use(express.static(remix.clientDir, { maxAge: "1h" }));
      build = remix.build;
    }
    app.all(
      "*",
      createRequestHandler({
        build,
        mode: remix.kind === "vite-dev" ? "development" : "production",
        getLoadContext: (req, res) => requestContext(services, req, res),
      }),
    );
  }

  // Connections kept alive by browsers would hold `close` open; track them to end idle ones at stop.
  const connections = new Set<import("node:net").Socket>();
  httpServer.on("connection", (socket) => {
    connections.add(socket);
    socket.on("close", () => connections.delete(socket));
  });

  return {
    app,
    httpServer,
    io,
    services,
    start: () =>
      new Promise((resolve, reject) => {
        httpServer.once("error", reject);
        httpServer.listen(config.port, config.host, () => {
          sweeper = startDeadlineSweeper(services);
          const address = httpServer.address();
          const port = typeof address === "object" && address ? address.port : config.port;
          resolve({ port, host: config.host });
        });
      }),
    async stop() {
      // 1. stop accepting; requests in flight finish; 2. close sockets; 3. close the database.
      await sweeper?.stop();
      stopRealtime();
      const closed = new Promise<void>((resolve) => httpServer.close(() => resolve()));
      httpServer.closeIdleConnections();
      // Tell each client the server ended the connection on purpose (clients reconnect later).
      io.disconnectSockets(true);
      await new Promise<void>((resolve) => io.close(() => resolve()));
      const force = setTimeout(() => {
        for (const socket of connections) socket.destroy();
      }, 10_000);
      await closed.catch(() => undefined);
      clearTimeout(force);
      await viteDev?.close();
      await services.cluster?.close();
      await services.db.destroy();
    },
  };
}

/**
 * Helmet's headers with a Content-Security-Policy the app's own pages pass: scripts from this site or
 * carrying the response's nonce, no framing by other sites, no plugins. Styles allow inline `style`
 * attributes (React renders some); inline scripts need the nonce. In development Vite's client also
 * talks over a WebSocket and evaluates modules it serves itself.
 */
function securityHeaders(development: boolean) {
  return helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: [
          "'self'",
          (_req, res) => `'nonce-${(res as Response).locals.cspNonce as string}'`,
          ...(development ? ["'unsafe-eval'"] : []),
        ],
        scriptSrcAttr: ["'none'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", "data:", "blob:"],
        fontSrc: ["'self'", "data:"],
        connectSrc: ["'self'", ...(development ? ["ws:", "wss:"] : [])],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'self'"],
      },
    },
    // The audience screen and the phones load nothing from other sites; keep the defaults that do not break them.
    crossOriginEmbedderPolicy: false,
    referrerPolicy: { policy: "same-origin" },
    strictTransportSecurity: false,
    xFrameOptions: { action: "sameorigin" },
  });
}

const LANG_COOKIE = "lang";

function requestContext(services: Services, req: Request, res: Response): RequestContext {
  const cookies = parseCookies(req.headers.cookie ?? "");
  let csrfCookie = cookies[CSRF_COOKIE];
  if (!csrfCookie || csrfCookie.length < 20) {
    csrfCookie = randomToken(24);
    res.append(
      "Set-Cookie",
      serializeCookie(CSRF_COOKIE, csrfCookie, {
        httpOnly: true,
        sameSite: "lax",
        secure: services.config.secureCookies,
        path: "/",
      }),
    );
  }
  const requestId = (req.headers["x-request-id"] as string | undefined)?.slice(0, 64) || crypto.randomUUID();
  res.setHeader("X-Request-Id", requestId);
  return {
    services,
    requestId,
    ip: req.ip ?? null,
    lang: cookies[LANG_COOKIE] === "en" ? "en" : "vi",
    cspNonce: res.locals.cspNonce as string,
    csrf: { cookieValue: csrfCookie, token: csrfTokenFor(services.config.sessionSecret, csrfCookie) },
  };
}
