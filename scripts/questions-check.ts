/**
 * npm run questions:check -- PATH... [--topic TOPIC] [--difficulty easy|medium|hard] [--strict]
 * Checks question files (.xlsx, .csv, .gift, .aiken, the bank's .json) or folders of them. Prints every
 * problem as `FILE:ROW: message` and every warning as `FILE:ROW: warning: message`, then the bank's
 * item-writing figures (and suggested exclusion groups), and ends with `N questions, T topics, K errors`;
 * exits 1 when K > 0. `superseded.json` is read as the table of superseded documents, not as a topic.
 * --topic / --difficulty fill what plain Aiken and Moodle GIFT files cannot say; --strict asks them for
 * an explanation and a source too (otherwise a missing one is a warning: the question imports as a draft).
 */
import { parseArgs } from "node:util";
import { checkQuestionFiles, type CheckFile } from "../app/rules/question-formats/check";
import { describeCheckReport } from "../app/i18n/problems";
import { collectQuestionFiles } from "./lib/question-files";
import { DIFFICULTIES, type Difficulty } from "../app/rules/question";

const USAGE = "npm run questions:check -- PATH... [--topic TOPIC] [--difficulty easy|medium|hard] [--strict]";
const isDifficulty = (v: string): v is Difficulty => (DIFFICULTIES as readonly string[]).includes(v);

async function main(): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      allowPositionals: true,
      options: {
        topic: { type: "string" },
        difficulty: { type: "string" },
        strict: { type: "boolean" },
      },
    });
  } catch (error) {
    console.error(`${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
    return 2;
  }
  const { values, positionals: targets } = parsed;
  if (values.difficulty !== undefined && !isDifficulty(values.difficulty)) {
    console.error(`--difficulty: ${DIFFICULTIES.join(" | ")}`);
    return 2;
  }
  if (targets.length === 0) {
    console.error(USAGE);
    return 2;
  }
  const files: CheckFile[] = [];
  for (const target of targets) {
    try {
      files.push(...(await collectQuestionFiles(target)));
    } catch (error) {
      console.error(`${target}: ${error instanceof Error ? error.message : String(error)}`);
      return 2;
    }
  }
  const difficulty = values.difficulty as Difficulty | undefined;
  const report = await checkQuestionFiles(files, {
    defaults: { ...(values.topic ? { topic: values.topic } : {}), ...(difficulty ? { difficulty } : {}) },
    ...(values.strict ? { strict: true } : {}),
  });
  const { lines, figureLines } = describeCheckReport("vi", report);
  for (const line of lines) console.log(line);
  for (const line of figureLines) console.log(line);
  console.log(report.summary);
  return report.errors > 0 ? 1 : 0;
}

process.exitCode = await main();
