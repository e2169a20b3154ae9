/**
 * The message catalogue: Vietnamese first, English as the switch.
 * Each area keeps its texts in its own module under `vi/` and `en/`; this file joins them.
 */
import { common as viCommon } from "./vi/common";
import { bank as viBank } from "./vi/bank";
import { auth as viAuth } from "./vi/auth";
import { registration as viRegistration } from "./vi/registration";
import { round as viRound } from "./vi/round";
import { board as viBoard } from "./vi/board";
import { results as viResults } from "./vi/results";
import { console as viConsole } from "./vi/console";
import { questions as viQuestions } from "./vi/questions";
import { attempt as viAttempt } from "./vi/attempt";
import { security as viSecurity } from "./vi/security";
import { bankValidity as viBankValidity } from "./vi/bank-validity";
import { media as viMedia } from "./vi/media";
import { organizer as viOrganizer } from "./vi/organizer";
import { live as viLive } from "./vi/live";
import { common as enCommon } from "./en/common";
import { bank as enBank } from "./en/bank";
import { auth as enAuth } from "./en/auth";
import { registration as enRegistration } from "./en/registration";
import { round as enRound } from "./en/round";
import { board as enBoard } from "./en/board";
import { results as enResults } from "./en/results";
import { console as enConsole } from "./en/console";
import { questions as enQuestions } from "./en/questions";
import { attempt as enAttempt } from "./en/attempt";
import { security as enSecurity } from "./en/security";
import { bankValidity as enBankValidity } from "./en/bank-validity";
import { media as enMedia } from "./en/media";
import { organizer as enOrganizer } from "./en/organizer";
import { live as enLive } from "./en/live";

export const LANGS = ["vi", "en"] as const;
export type Lang = (typeof LANGS)[number];

const vi = {
  ...viCommon,
  ...viBank,
  ...viAuth,
  ...viRegistration,
  ...viRound,
  ...viBoard,
  ...viResults,
  ...viConsole,
  ...viQuestions,
  ...viAttempt,
  ...viSecurity,
  ...viBankValidity,
  ...viMedia,
  ...viOrganizer,
  ...viLive,
};
export type MessageKey = keyof typeof vi;

const en: Record<MessageKey, string> = {
  ...enCommon,
  ...enBank,
  ...enAuth,
  ...enRegistration,
  ...enRound,
  ...enBoard,
  ...enResults,
  ...enConsole,
  ...enQuestions,
  ...enAttempt,
  ...enSecurity,
  ...enBankValidity,
  ...enMedia,
  ...enOrganizer,
  ...enLive,
};

const catalogues: Record<Lang, Record<MessageKey, string>> = { vi, en };

export type Params = Record<string, string | number>;

export function translate(lang: Lang, key: MessageKey, params?: Params): string {
  const template = catalogues[lang][key] ?? vi[key] ?? key;
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}

/** For codes computed at run time (problem codes and the like): falls back to the code itself. */
export function translateDynamic(lang: Lang, key: string, params?: Params): string {
  if (key in vi) return translate(lang, key as MessageKey, params);
  return key;
}

export function isLang(value: unknown): value is Lang {
  return typeof value === "string" && (LANGS as readonly string[]).includes(value);
}
