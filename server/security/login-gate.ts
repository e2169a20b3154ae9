/**
 * The front door of logging in: at most LOGIN_IN_FLIGHT login submissions are handled at once in this
 * process; one more is answered 503 at once, before Express, Remix, the database or scrypt see it. A
 * storm of logins then costs the pages and sockets of a running round almost nothing, and slows logins
 * only: the people behind it try again a few seconds later (the page says so). Behind the gate, each
 * login is still counted before its password is checked (login.ts) and waits in the bounded scrypt
 * queue.
 *
 * The gate sits in front of the Express app (platform.ts), not inside it: a hundred logins arriving
 * together are parsed in one turn of the event loop, and a running round's answers wait for all of
 * them. Each refusal is therefore a prepared answer written straight to the socket — no middleware,
 * no content negotiation, no compression, no ETag (issue 10, docs/benchmarks.md#hostile-traffic).
 */
import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from "node:http";
import { translate, type Lang } from "~/i18n";

export const LOGIN_IN_FLIGHT = 6;
const LOGIN_PATHS = new Set(["/login", "/login.data"]);

/** The path as the router matches it: decoded, any case, repeated or trailing slashes ignored. */
function routePath(url: string): string {
  const query = url.indexOf("?");
  let path = query < 0 ? url : url.slice(0, query);
  try {
    path = decodeURIComponent(path);
  } catch {
    // left as sent: the router will not match it either
  }
  return path
    .toLowerCase()
    .replace(/\/{2,}/g, "/")
    .replace(/(.)\/$/, "$1");
}

interface Refusal {
  headers: OutgoingHttpHeaders;
  body: Buffer;
}

/** The refusal pages, made once: a static page that needs nothing from this site. */
function refusals(): Record<Lang, { html: Refusal; json: Refusal }> {
  const common = {
    "Retry-After": "5",
    Connection: "close",
    "Cache-Control": "no-store",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
    "X-Frame-Options": "SAMEORIGIN",
    "Content-Security-Policy": "default-src 'none'; frame-ancestors 'self'; form-action 'self'",
  };
  const make = (lang: Lang) => {
    const message = translate(lang, "security.login.busy");
    const html = Buffer.from(
      `<!doctype html><html lang="${lang}"><meta charset="utf-8">` +
        `<meta name="viewport" content="width=device-width, initial-scale=1"><title>503</title>` +
        `<main><p>${message}</p><p><a href="/login">${translate(lang, "nav.login")}</a></p></main></html>`,
    );
    const json = Buffer.from(JSON.stringify({ error: { code: "busy", message } }));
    return {
      html: {
        headers: { ...common, "Content-Type": "text/html; charset=utf-8", "Content-Length": html.length },
        body: html,
      },
      json: {
        headers: {
          ...common,
          "Content-Type": "application/json; charset=utf-8",
          "Content-Length": json.length,
        },
        body: json,
      },
    };
  };
  return { vi: make("vi"), en: make("en") };
}

/**
 * Returns the gate: call it first for every request; it returns true when it has answered the request
 * itself (the caller then does nothing more with it).
 */
export function loginGate() {
  const prepared = refusals();
  let inFlight = 0;
  return (req: IncomingMessage, res: ServerResponse): boolean => {
    if (req.method !== "POST" || !LOGIN_PATHS.has(routePath(req.url ?? ""))) return false;
    if (inFlight >= LOGIN_IN_FLIGHT) {
      const lang: Lang = /(?:^|;\s*)lang=en(?:;|$)/.test(req.headers.cookie ?? "") ? "en" : "vi";
      const accept = req.headers.accept ?? "";
      const json = accept.includes("application/json") && !accept.includes("text/html");
      const refusal = prepared[lang][json ? "json" : "html"];
      res.writeHead(503, refusal.headers).end(refusal.body);
      return true;
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
    return false;
  };
}
