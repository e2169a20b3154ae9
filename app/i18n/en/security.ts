import type { security as vi } from "../vi/security";

export const security: Record<keyof typeof vi, string> = {
  "security.bodyTooLarge.title": "What was sent is too large",
  "security.bodyTooLarge.message":
    "What was sent is too large (at most {limit}). Nothing was saved. Go back and try a smaller file.",
  "security.badRequest": "The request is not valid. Reload the page and try again.",
  "security.login.busy": "The system is busy checking logins. Please try again in a few seconds.",
  "security.register.throttled":
    "Too many registrations from the same network address. Please try again in {minutes} minutes.",
};
