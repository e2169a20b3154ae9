/**
 * The front door of logging in: at most LOGIN_IN_FLIGHT login submissions are handled at once in this
 * process; one more is answered 503 at once, before Remix, the database or scrypt see it. A storm of
 * logins then costs the pages and sockets of a running round almost nothing, and slows logins only:
 * the people behind it try again a few seconds later (the page says so). Behind the gate, each login
 * is still counted before its password is checked (login.ts) and waits in the bounded scrypt queue.
 */
import type { NextFunction, Request, Response } from "express";
import { parse as parseCookies } from "cookie";
import { translate, type Lang } from "~/i18n";

export const LOGIN_IN_FLIGHT = 6;
const LOGIN_PATHS = new Set(["/login", "/login.data"]);

export function loginGate() {
  let inFlight = 0;
  return (req: Request, res: Response, next: NextFunction): void => {
    if (req.method !== "POST" || !LOGIN_PATHS.has(req.path)) return next();
    if (inFlight >= LOGIN_IN_FLIGHT) {
      const lang: Lang = parseCookies(req.headers.cookie ?? "").lang === "en" ? "en" : "vi";
      const message = translate(lang, "security.login.busy");
      res.status(503).set({ "Retry-After": "5", Connection: "close" });
      if (req.accepts(["html", "json"]) === "json") res.json({ error: { code: "busy", message } });
      else
        res
          .type("html")
          .send(
            `<!doctype html><html lang="${lang}"><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">` +
              `<title>503</title><main style="font-family:sans-serif;max-width:40rem;margin:2rem auto;padding:0 1rem">` +
              `<p>${message}</p><p><a href="/login">${translate(lang, "nav.login")}</a></p></main></html>`,
          );
      return;
    }
    inFlight++;
    let released = false;
    const release = () => {
      if (released) return;
      released = true;
      inFlight--;
    };
    res.once("finish", release);
    res.once("close", release);
    next();
  };
}
