/**
 * Every request body is bounded before it is read (issue 10): the declared Content-Length is checked
 * at once, and the bytes that actually arrive are counted as the HTTP parser hands them over (a chunked
 * body has no length to check). Over the limit the request is answered 413 with a Vietnamese message
 * and its connection closed; nothing reaches a loader or action.
 *
 * Limits depend on who may send what: anonymous visitors only small forms (login, registration);
 * signed-in users larger forms; uploads their own limit, on their own paths only.
 */
import type { NextFunction, Request, Response } from "express";
import { parse as parseCookies } from "cookie";
import { translate, type Lang } from "~/i18n";
import { UPLOAD_LIMITS } from "./uploads";
import { SESSION_COOKIE } from "./session-cookie";

const KB = 1024;

export const BODY_LIMITS = {
  /** Login, registration, the language switch: a few fields. */
  anonymous: 32 * KB,
  /** Forms of signed-in users: a question with its explanation, a round's settings. */
  signedIn: 256 * KB,
} as const;

/** What a multipart envelope adds around a file (boundaries, field headers, the other fields). */
const ENVELOPE_BYTES = 64 * KB;

/**
 * Paths that take a file, with the limit of what they take. A branch that adds an upload adds its path
 * here and its limits to UPLOAD_LIMITS; the action still puts the bytes through `guardUpload`.
 */
export const UPLOAD_PATHS: ReadonlyMap<string, number> = new Map([
  ["/console/questions/import", UPLOAD_LIMITS.questionPackage.maxBytes],
  ["/console/units", UPLOAD_LIMITS.unitList.maxBytes],
]);

/** A question's picture: `/console/questions/<id>/picture`. */
const PICTURE_PATH = /^\/console\/questions\/\d+\/picture$/;

const WITHOUT_BODY = new Set(["GET", "HEAD", "OPTIONS"]);

export function bodyLimitFor(req: Request): number {
  const signedIn = Boolean(parseCookies(req.headers.cookie ?? "")[SESSION_COOKIE]);
  if (!signedIn) return BODY_LIMITS.anonymous;
  // Single fetch posts to "<path>.data".
  const path = req.path.replace(/\.data$/, "").replace(/\/$/, "");
  const upload =
    UPLOAD_PATHS.get(path) ?? (PICTURE_PATH.test(path) ? UPLOAD_LIMITS.picture.maxBytes : undefined);
  return upload !== undefined ? upload + ENVELOPE_BYTES : BODY_LIMITS.signedIn;
}

function describe(bytes: number): string {
  return bytes >= 1024 * KB ? `${Math.round(bytes / 1024 / KB)} MB` : `${Math.round(bytes / KB)} KB`;
}

function refuse(req: Request, res: Response, limit: number, lang: Lang): void {
  if (res.headersSent) {
    req.destroy();
    return;
  }
  const message = translate(lang, "security.bodyTooLarge.message", { limit: describe(limit) });
  res.status(413).set("Connection", "close");
  if (req.accepts(["html", "json"]) === "json") res.json({ error: { code: "tooLarge", message } });
  else
    res
      .type("html")
      .send(
        `<!doctype html><html lang="${lang}"><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">` +
          `<title>413</title><main style="font-family:sans-serif;max-width:40rem;margin:2rem auto;padding:0 1rem">` +
          `<h1>${translate(lang, "security.bodyTooLarge.title")}</h1><p>${message}</p><p><a href="/">←</a></p></main></html>`,
      );
  // Stop reading the rest: once the answer is out, the connection goes.
  res.once("finish", () => setImmediate(() => req.destroy()));
}

export function bodyLimit(limitFor: (req: Request) => number = bodyLimitFor) {
  return (req: Request, res: Response, next: NextFunction): void => {
    if (WITHOUT_BODY.has(req.method)) return next();
    const limit = limitFor(req);
    const lang: Lang = parseCookies(req.headers.cookie ?? "").lang === "en" ? "en" : "vi";
    const declared = req.headers["content-length"];
    if (declared !== undefined && !(Number(declared) <= limit)) return refuse(req, res, limit, lang);
    // The parser pushes each piece of the body into the request stream: count them as they come.
    let seen = 0;
    const push = req.push.bind(req);
    req.push = (chunk: unknown, encoding?: BufferEncoding) => {
      if (chunk !== null && chunk !== undefined) {
        seen += (chunk as { length: number }).length;
        if (seen > limit) {
          req.push = push;
          refuse(req, res, limit, lang);
          return false;
        }
      }
      return push(chunk, encoding);
    };
    next();
  };
}
