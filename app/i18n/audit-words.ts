/**
 * The audit log in words (issue 11): each action code has a label in the page's language, and the
 * details stored as JSON read as a short phrase ("tên: Đợt 1; 14 dòng; kết quả chính thức") instead of
 * the JSON itself. Codes the catalogue does not know yet show as themselves, so nothing is ever hidden.
 */
import { translate, translateDynamic, type Lang } from "./index";
import { formatDateTimeIn } from "./dates";

export interface AuditEntryWords {
  action: string;
  entity: string;
  summary: string;
}

type Details = Record<string, unknown>;

/** Keys that only a machine needs (hashes, ids of screens and questions, empty filters). */
const SILENT = new Set([
  "sha256",
  "screen",
  "questionIds",
  "filter",
  "before",
  "after",
  "speedBonus",
  "phase",
]);
/** Keys whose value is a count, written "{n} …". */
const COUNTS = new Set([
  "rows",
  "count",
  "questions",
  "attempts",
  "ranked",
  "perfectCount",
  "added",
  "updated",
  "unchanged",
  "imported",
  "skipped",
  "withPictures",
]);
const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

export function auditActionLabel(lang: Lang, action: string): string {
  const key = `organizer.audit.action.${action}`;
  const label = translateDynamic(lang, key);
  return label === key ? action : label;
}

export function auditEntityLabel(lang: Lang, entity: string): string {
  const key = `organizer.audit.entity.${entity}`;
  const label = translateDynamic(lang, key);
  return label === key ? entity : label;
}

function label(lang: Lang, key: string): string {
  const full = `organizer.audit.detail.${key}`;
  const text = translateDynamic(lang, full);
  return text === full ? key : text;
}

function valueText(lang: Lang, value: unknown): string | null {
  if (value === null || value === undefined || value === "") return null;
  if (typeof value === "string")
    return ISO_TIME.test(value) ? formatDateTimeIn(lang, new Date(value)) : value;
  if (typeof value === "number") return value.toLocaleString(lang === "en" ? "en-GB" : "vi-VN");
  if (Array.isArray(value))
    return value.length === 0 ? null : value.map((v) => valueText(lang, v)).join(", ");
  return null;
}

/** The round settings' field names, as the round form labels them. */
function fieldLabel(lang: Lang, field: string): string {
  const key = `round.form.${field}`;
  const text = translateDynamic(lang, key);
  return text === key ? field : text.replace(/\s*\(.*\)$/, "");
}

function part(lang: Lang, key: string, value: unknown): string | null {
  if (SILENT.has(key)) return null;
  switch (key) {
    case "rehearsal":
      return label(lang, value === true ? "rehearsal" : "notRehearsal");
    case "official":
      return label(lang, value === true ? "official" : "provisional");
    case "live":
      return value === true ? label(lang, "live") : null;
    case "via":
      return value === "cli" ? label(lang, "cli") : null;
    case "role":
    case "difficulty":
    case "type": {
      if (typeof value !== "string") return null;
      const prefix =
        key === "role" ? "auth.role" : key === "difficulty" ? "questions.difficulty" : "questions.type";
      const word = translateDynamic(lang, `${prefix}.${value}`);
      return key === "role" ? `${label(lang, key)}: ${word}` : word;
    }
    case "format":
      return typeof value === "string" ? value.toUpperCase() : null;
    case "view":
      return typeof value === "string"
        ? `${label(lang, "view")}: ${translateDynamic(lang, `organizer.view.${value}`)}`
        : null;
    case "changed":
      return Array.isArray(value) && value.length > 0
        ? translate(lang, "organizer.audit.detail.changed", {
            fields: value.map((f) => fieldLabel(lang, String(f))).join(", "),
          })
        : null;
    case "version":
    case "newVersion":
    case "position":
      return typeof value === "number" && (key !== "newVersion" || value > 0)
        ? translateDynamic(lang, `organizer.audit.detail.${key}`, {
            n: key === "position" ? value + 1 : value,
          })
        : null;
    case "changes": {
      if (typeof value !== "object" || value === null) return null;
      return Object.entries(value as Record<string, unknown>)
        .map(([field, pair]) => {
          const [from, to] = Array.isArray(pair) ? pair : [undefined, pair];
          return `${label(lang, field)}: ${translate(lang, "organizer.audit.detail.fromTo", {
            from: valueText(lang, from) ?? "—",
            to: valueText(lang, to) ?? "—",
          })}`;
        })
        .join(", ");
    }
  }
  if (COUNTS.has(key) && typeof value === "number") {
    return translateDynamic(lang, `organizer.audit.detail.${key}`, { n: valueText(lang, value) ?? "0" });
  }
  if (typeof value === "boolean") return value ? label(lang, key) : null;
  const text = valueText(lang, value);
  return text === null ? null : `${label(lang, key)}: ${text}`;
}

/** The short readable summary of an entry's details (the stored JSON), in the page's language. */
export function auditSummary(lang: Lang, detailsJson: string): string {
  let details: unknown;
  try {
    details = JSON.parse(detailsJson);
  } catch {
    return detailsJson;
  }
  if (typeof details !== "object" || details === null || Array.isArray(details)) return "";
  const fromTo =
    typeof (details as Details).from === "string" && typeof (details as Details).to === "string"
      ? translate(lang, "organizer.audit.detail.fromTo", {
          from: String((details as Details).from),
          to: String((details as Details).to),
        })
      : null;
  const parts = Object.entries(details as Details)
    .filter(([key]) => fromTo === null || (key !== "from" && key !== "to"))
    .map(([key, value]) => part(lang, key, value))
    .filter((p): p is string => p !== null && p !== "");
  return [...(fromTo ? [fromTo] : []), ...parts].join("; ");
}

export function auditEntryWords(
  lang: Lang,
  entry: { action: string; entity: string; details: string },
): AuditEntryWords {
  return {
    action: auditActionLabel(lang, entry.action),
    entity: auditEntityLabel(lang, entry.entity),
    summary: auditSummary(lang, entry.details),
  };
}
