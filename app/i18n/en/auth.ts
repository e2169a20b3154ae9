import type { auth as vi } from "../vi/auth";

export const auth: Record<keyof typeof vi, string> = {
  "auth.login.title": "Log in",
  "auth.login.intro":
    "Contestants log in with the phone number they registered. Organizers log in with the username they were given.",
  "auth.login.login": "Phone number or username",
  "auth.login.password": "Password",
  "auth.login.submit": "Log in",
  "auth.login.noAccount": "No account yet?",
  "auth.login.wrong": "The phone number (or username) or the password is wrong. Please check and try again.",
  "auth.login.missing": "Please enter your phone number (or username) and password.",
  "auth.login.throttled":
    "Too many failed attempts. Please try again after {time} (in about {minutes} minutes).",
  "auth.login.disabled": "This account is locked. Please contact the organizers.",
  "auth.account.title": "My account",
  "auth.account.changePassword": "Change password",
  "auth.account.mustChange":
    "You are using a temporary password from the organizers. Please set a new password to continue.",
  "auth.account.currentPassword": "Current password",
  "auth.account.newPassword": "New password",
  "auth.account.newPasswordHint": "At least 8 characters.",
  "auth.account.confirmPassword": "New password again",
  "auth.account.passwordTooShort": "The new password must have at least 8 characters.",
  "auth.account.passwordMismatch": "The two new passwords are not the same.",
  "auth.account.currentWrong": "The current password is wrong.",
  "auth.account.passwordChanged": "Password changed.",
  "auth.account.sessions": "Sessions",
  "auth.account.logoutEverywhere": "Log out on every device",
  "auth.account.logoutEverywhereHint":
    "Use this if you logged in on another computer or think your password leaked.",
  "auth.role.admin": "Administrator",
  "auth.role.organizer": "Organizer",
  "auth.role.judge": "Judge / secretary",
  "auth.role.contestant": "Contestant",
};
