/**
 * Cross-site request forgery protection: a signed double-submit token. The browser holds a random
 * value in an HTTP-only cookie; pages put HMAC(secret, value) in each form (and socket or fetch
 * calls send it in a header). A forged request from another site cannot read either.
 */
import crypto from "node:crypto";

export const CSRF_COOKIE = "csrf";
export const CSRF_FIELD = "csrf";
export const CSRF_HEADER = "x-csrf-token";

export function csrfTokenFor(secret: string, cookieValue: string): string {
  return crypto.createHmac("sha256", secret).update(`csrf:${cookieValue}`).digest("base64url");
}

export function isValidCsrf(secret: string, cookieValue: string | undefined, token: unknown): boolean {
  if (!cookieValue || typeof token !== "string" || token.length === 0) return false;
  const expected = Buffer.from(csrfTokenFor(secret, cookieValue));
  const given = Buffer.from(token);
  return expected.length === given.length && crypto.timingSafeEqual(expected, given);
}
