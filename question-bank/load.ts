/**
 * Reads the bundled bank (one JSON file per topic in this folder) for seeding a new database.
 * `superseded.json` is the table of superseded documents, not a topic, and is skipped.
 * Only questions without problems are returned; `npm run questions:check` reports the rest.
 */
import fs from "node:fs/promises";
import path from "node:path";
import { parseBankJson } from "~/rules/question-formats/bank-json";
import { SUPERSEDED_FILE } from "~/rules/superseded";
import type { BankQuestion } from "#db/seed/seed";

export async function loadBundledBank(dir: string): Promise<BankQuestion[]> {
  const files = (await fs.readdir(dir)).filter((f) => f.endsWith(".json") && f !== SUPERSEDED_FILE).sort();
  const bank: BankQuestion[] = [];
  for (const file of files) {
    const parsed = await parseBankJson(await fs.readFile(path.join(dir, file)));
    for (const row of parsed.rows) {
      if (row.draft && row.key && row.problems.length === 0) bank.push({ key: row.key, draft: row.draft });
    }
  }
  return bank;
}
