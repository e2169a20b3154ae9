/**
 * Sessions and roles for loaders and actions. The cookie holds a random token; the database holds
 * its SHA-256, so sessions can be listed and revoked (log out everywhere) and a leaked database
 * does not hand them out.
 */
import { redirect, type AppLoadContext } from "@remix-run/node";
import { parse as parseCookies, serialize as serializeCookie } from "cookie";
import type { Role } from "#db/schema";
import { createSession, findLiveSession, touchSession, type SessionWithUser } from "#db/repos/sessions";
import { randomToken, sha256 } from "#server/security/password";
import { SESSION_COOKIE } from "#server/security/session-cookie";
import { revokeSessions } from "#server/security/sessions";

const SESSION_DAYS = 14;
const DAY_MS = 24 * 60 * 60 * 1000;

export const STAFF_ROLES: readonly Role[] = ["admin", "organizer", "judge"];
/** Roles that may change the contest; judges read only. */
export const EDITOR_ROLES: readonly Role[] = ["admin", "organizer"];

export type CurrentUser = SessionWithUser["user"] & { sessionId: string };

export async function getCurrentUser(request: Request, context: AppLoadContext): Promise<CurrentUser | null> {
  const token = parseCookies(request.headers.get("Cookie") ?? "")[SESSION_COOKIE];
  if (!token) return null;
  const { db, clock } = context.services;
  const now = clock.now();
  const found = await findLiveSession(db, sha256(token), now);
  if (!found) return null;
  // Slide the expiry at most once an hour, not on every request.
  if (now.getTime() - new Date(found.session.last_seen_at).getTime() > 60 * 60 * 1000) {
    await touchSession(db, found.session.id, now, new Date(now.getTime() + SESSION_DAYS * DAY_MS));
  }
  return { ...found.user, sessionId: found.session.id };
}

/** The signed-in user with one of `roles`; otherwise a redirect to log in, or 403 for the wrong role. */
export async function requireRole(
  request: Request,
  context: AppLoadContext,
  roles: readonly Role[],
): Promise<CurrentUser> {
  const user = await getCurrentUser(request, context);
  if (!user) {
    const url = new URL(request.url);
    throw redirect(`/login?next=${encodeURIComponent(url.pathname + url.search)}`);
  }
  if (!roles.includes(user.role)) throw new Response("Forbidden", { status: 403 });
  // A temporary password handed out by an organizer must be replaced before anything else.
  if (user.mustChangePassword && new URL(request.url).pathname !== "/account") {
    throw redirect("/account?must-change=1");
  }
  return user;
}

export function requireStaff(request: Request, context: AppLoadContext): Promise<CurrentUser> {
  return requireRole(request, context, STAFF_ROLES);
}

export function requireEditor(request: Request, context: AppLoadContext): Promise<CurrentUser> {
  return requireRole(request, context, EDITOR_ROLES);
}

function sessionCookie(context: AppLoadContext, token: string, maxAgeSeconds: number): string {
  return serializeCookie(SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: "lax",
    secure: context.services.config.secureCookies,
    path: "/",
    maxAge: maxAgeSeconds,
  });
}

/** Starts a session for the user and returns the Set-Cookie header value. */
export async function startSession(
  request: Request,
  context: AppLoadContext,
  userId: number,
): Promise<string> {
  const { db, clock } = context.services;
  const now = clock.now();
  const token = randomToken();
  await createSession(db, {
    id: sha256(token),
    userId,
    now,
    expiresAt: new Date(now.getTime() + SESSION_DAYS * DAY_MS),
    ip: context.ip,
    userAgent: request.headers.get("User-Agent"),
  });
  return sessionCookie(context, token, SESSION_DAYS * 24 * 60 * 60);
}

export async function endSession(
  context: AppLoadContext,
  user: CurrentUser,
  everywhere: boolean,
): Promise<string> {
  // The sessions go and their open sockets are disconnected at once (server/security/sessions.ts).
  await revokeSessions(context.services, everywhere ? { userId: user.id } : { sessionId: user.sessionId });
  return sessionCookie(context, "", 0);
}

const SAME_SITE_BASE = "http://same-site.invalid";

/**
 * Where to go after logging in: the one check of every `next`. Only a path on this site, and only in a
 * form no browser reads differently: no control characters (browsers drop tabs and newlines from URLs,
 * so "/\t/evil.example" becomes "//evil.example"), no backslash (read as "/"), not "//" (another host).
 * What passes is re-serialised from the parsed URL.
 */
export function safeNext(value: FormDataEntryValue | string | null, fallback: string): string {
  if (typeof value !== "string" || value.length === 0 || value.length > 2000) return fallback;
  if (!value.startsWith("/") || value.startsWith("//")) return fallback;
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is refused
  if (/[\u0000-\u0020\u007f\\]/.test(value)) return fallback;
  try {
    const url = new URL(value, SAME_SITE_BASE);
    if (url.origin !== SAME_SITE_BASE) return fallback;
    return url.pathname + url.search + url.hash;
  } catch {
    return fallback;
  }
}

export function homeFor(role: Role): string {
  return role === "contestant" ? "/" : "/console";
}
