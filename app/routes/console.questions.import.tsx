/**
 * Importing a question file: upload → preview of every row's problems (nothing written) → confirm.
 * The preview keeps the valid rows server-side under a random token (docs/decisions/0001-import-preview.md),
 * so the confirm step writes exactly what the organizer saw, without trusting anything the browser sends back.
 */
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, redirect, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { z } from "zod";
import { CsrfInput } from "~/components/csrf-input";
import { FileField, SelectField } from "~/components/forms/fields";
import { useT } from "~/i18n/use-t";
import { translate } from "~/i18n";
import { describeProblem } from "~/i18n/problems";
import { requireEditor } from "~/lib/auth.server";
import { readProtectedForm } from "~/lib/csrf.server";
import { DIFFICULTIES } from "~/rules/question";
import { MAX_FILE_BYTES, MAX_PACKAGE_BYTES, detectFormat, maxUploadBytes } from "~/rules/question-formats";
import { formatDateTimeIn } from "~/i18n/dates";
import { listTopics } from "#db/repos/questions";
import { confirmImport, previewImport } from "#db/repos/question-imports";
import { encodePicture } from "#server/media/pictures";
import "~/components/question-form.css";

/** Room for the multipart envelope and the other fields around the file. */
const ENVELOPE_BYTES = 64 * 1024;
// The formats module reads zips with node:zlib: its values are used in the loader and action only
// (Remix drops those from the browser bundle), never at the top of this module.
const maxMb = () => MAX_FILE_BYTES / 1024 / 1024;
/** Valid rows listed in the preview; the rest are counted. */
const VALID_SHOWN = 200;

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireEditor(request, context);
  const topics = await listTopics(context.services.db);
  return { topics: topics.map((t) => ({ id: t.id, name: t.name })), maxMb: maxMb() };
}

const previewFieldsSchema = z.object({
  defaultTopic: z.string().max(200).catch(""),
  defaultDifficulty: z.enum(DIFFICULTIES).optional().catch(undefined),
});
const confirmSchema = z.object({
  intent: z.literal("confirm"),
  token: z.string().min(20).max(100),
  approve: z.literal("on").optional(),
});

interface PreviewData {
  fileName: string;
  token: string | null;
  expiresAt: string | null;
  fileProblems: string[];
  rowCount: number;
  validCount: number;
  problemRows: { line: number; text: string; messages: string[] }[];
  /** Rows that import but carry warnings (issue 12). */
  warningRows: { line: number; text: string; messages: string[] }[];
  validRows: {
    line: number;
    text: string;
    topic: string;
    difficulty: string;
    type: string;
    pictures: number;
  }[];
  newTopics: string[];
}

type ActionResult = { preview: PreviewData } | { error: string };

function isFile(value: FormDataEntryValue | null): value is File {
  return typeof value === "object" && value !== null && "arrayBuffer" in value;
}

export async function action({ request, context }: ActionFunctionArgs): Promise<ActionResult> {
  const user = await requireEditor(request, context);
  const lang = context.lang;
  // Refuse an oversized upload before reading it; browsers always send the length of a form they post.
  const length = Number(request.headers.get("Content-Length") ?? Number.NaN);
  // Word files and bank zips carry pictures: the request may be as large as the larger limit; each
  // file is then held to its own format's limit below.
  if (!Number.isFinite(length) || length > MAX_PACKAGE_BYTES + ENVELOPE_BYTES)
    return {
      error: translate(lang, "questions.import.tooLarge", { maxMb: MAX_PACKAGE_BYTES / 1024 / 1024 }),
    };
  const form = await readProtectedForm(request, context);
  const { db, clock } = context.services;
  const now = clock.now();

  if (form.get("intent") === "confirm") {
    const parsed = confirmSchema.safeParse(Object.fromEntries(form));
    if (!parsed.success) throw new Response("Bad request", { status: 400 });
    const result = await confirmImport(db, {
      token: parsed.data.token,
      userId: user.id,
      approve: parsed.data.approve === "on",
      now,
    });
    if (result.ok)
      throw redirect(`/console/questions?imported=${result.questionIds.length}&approved=${result.approved}`);
    return {
      error: translate(lang, `questions.import.${result.reason}`, { lines: (result.lines ?? []).join(", ") }),
    };
  }

  const file = form.get("file");
  if (!isFile(file) || file.name === "") return { error: translate(lang, "questions.import.noFile") };
  const limit = maxUploadBytes(detectFormat(file.name));
  if (file.size > limit)
    return { error: translate(lang, "questions.import.tooLarge", { maxMb: limit / 1024 / 1024 }) };
  const fields = previewFieldsSchema.parse(Object.fromEntries(form));
  const preview = await previewImport(db, {
    userId: user.id,
    fileName: file.name,
    bytes: new Uint8Array(await file.arrayBuffer()),
    defaults: {
      ...(fields.defaultTopic !== "" ? { topic: fields.defaultTopic } : {}),
      ...(fields.defaultDifficulty ? { difficulty: fields.defaultDifficulty } : {}),
    },
    now,
    encodePicture,
  });
  const valid = preview.rows.filter((r) => r.draft !== null && r.problems.length === 0);
  return {
    preview: {
      fileName: preview.fileName,
      token: preview.token,
      expiresAt: preview.expiresAt ? formatDateTimeIn(context.lang, new Date(preview.expiresAt)) : null,
      fileProblems: preview.fileProblems.map((p) => describeProblem(lang, p)),
      rowCount: preview.rows.length,
      validCount: preview.validCount,
      problemRows: preview.rows
        .filter((r) => r.problems.length > 0)
        .map((r) => ({
          line: r.line,
          text: r.draft?.text ?? "",
          messages: r.problems.map((p) => describeProblem(lang, { ...p, line: p.line ?? r.line })),
        })),
      warningRows: preview.rows
        .filter((r) => (r.warnings ?? []).length > 0)
        .map((r) => ({
          line: r.line,
          text: r.draft?.text ?? "",
          messages: (r.warnings ?? []).map((p) => describeProblem(lang, { ...p, line: p.line ?? r.line })),
        })),
      validRows: valid.slice(0, VALID_SHOWN).map((r) => ({
        line: r.line,
        text: r.draft?.text ?? "",
        topic: r.draft?.topic ?? "",
        difficulty: r.draft?.difficulty ?? "",
        type: r.draft?.type ?? "",
        pictures: r.pictures.length,
      })),
      newTopics: preview.newTopics,
    },
  };
}

export default function ImportQuestionsPage() {
  const t = useT();
  const { topics, maxMb } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const busy = navigation.state === "submitting";
  const preview = result && "preview" in result ? result.preview : null;
  return (
    <div className="bank-page">
      <p>
        <Link to="/console/questions">{t("questions.form.back")}</Link>
      </p>
      <h1>{t("questions.import.title")}</h1>
      <p className="muted">{t("questions.import.intro")}</p>
      {result && "error" in result ? (
        <p className="form-error" role="alert">
          {result.error}
        </p>
      ) : null}

      <section className="card">
        <p>
          <a href="/console/questions/template" className="button secondary" download>
            {t("questions.import.templateLink")}
          </a>{" "}
          <a href="/mau-cau-hoi-word.docx" className="button secondary" download>
            {t("media.sampleDocxLink")}
          </a>
        </p>
        <Form method="post" encType="multipart/form-data" key={preview?.fileName ?? "upload"}>
          <CsrfInput />
          <input type="hidden" name="intent" value="preview" />
          <FileField
            id="import-file"
            name="file"
            label={t("questions.import.file")}
            hint={`${t("questions.import.fileHint", { maxMb })} ${t("media.importHint")}`}
            required
            accept=".xlsx,.csv,.gift,.aiken,.txt,.json,.docx,.zip"
            messageRoom={false}
          />
          <details>
            <summary className="small">
              {t("questions.import.defaultTopic")} / {t("questions.import.defaultDifficulty")}
            </summary>
            <div className="grid two" style={{ marginTop: 8 }}>
              <SelectField
                id="import-topic"
                name="defaultTopic"
                label={t("questions.import.defaultTopic")}
                defaultValue=""
                messageRoom={false}
              >
                <option value="">{t("questions.import.none")}</option>
                {topics.map((topic) => (
                  <option key={topic.id} value={topic.name}>
                    {topic.name}
                  </option>
                ))}
              </SelectField>
              <SelectField
                id="import-difficulty"
                name="defaultDifficulty"
                label={t("questions.import.defaultDifficulty")}
                defaultValue=""
                messageRoom={false}
              >
                <option value="">{t("questions.import.none")}</option>
                {DIFFICULTIES.map((d) => (
                  <option key={d} value={d}>
                    {t(`questions.difficulty.${d}`)}
                  </option>
                ))}
              </SelectField>
            </div>
          </details>
          <button type="submit" className="primary" disabled={busy}>
            {t("questions.import.check")}
          </button>
        </Form>
      </section>

      {preview ? (
        <section className="card" aria-labelledby="preview-title">
          <h2 id="preview-title">{t("questions.import.previewTitle", { file: preview.fileName })}</h2>
          {preview.fileProblems.length > 0 ? (
            <div className="form-error" role="alert">
              <p>{t("questions.import.fileProblems")}</p>
              <ul>
                {preview.fileProblems.map((m, i) => (
                  <li key={i}>{m}</li>
                ))}
              </ul>
            </div>
          ) : null}
          {preview.rowCount > 0 ? (
            <p role="status">
              <strong>
                {t("questions.import.summary", {
                  rows: preview.rowCount,
                  valid: preview.validCount,
                  problems: preview.problemRows.length,
                })}
              </strong>
            </p>
          ) : null}

          {preview.problemRows.length > 0 ? (
            <>
              <h3>{t("questions.import.problemsTitle")}</h3>
              <p className="muted small">{t("questions.import.problemsHint")}</p>
              <ul className="import-problems" aria-label={t("questions.import.problemsTitle")}>
                {preview.problemRows.map((row) =>
                  row.messages.map((m, i) => (
                    <li key={`${row.line}-${i}`}>
                      <span className="field-error">{m}</span>
                      {i === 0 && row.text ? <span className="row-text">{row.text}</span> : null}
                    </li>
                  )),
                )}
              </ul>
            </>
          ) : null}

          {preview.warningRows.length > 0 ? (
            <details style={{ marginTop: 12 }} data-testid="import-warnings">
              <summary style={{ fontWeight: 600, cursor: "pointer", minHeight: 32 }}>
                {t("bankValidity.import.warningsTitle", {
                  n: preview.warningRows.reduce((n, r) => n + r.messages.length, 0),
                })}
              </summary>
              <p className="muted small">{t("bankValidity.import.warningsHint")}</p>
              <ul className="import-problems">
                {preview.warningRows.map((row) =>
                  row.messages.map((m, i) => (
                    <li key={`${row.line}-${i}`}>
                      <span>{m}</span>
                      {i === 0 && row.text ? <span className="row-text">{row.text}</span> : null}
                    </li>
                  )),
                )}
              </ul>
            </details>
          ) : null}

          {preview.token ? (
            <>
              <h3 style={{ marginTop: 16 }}>{t("questions.import.validTitle")}</h3>
              <div className="table-wrap">
                <table>
                  <thead>
                    <tr>
                      <th className="num">{t("questions.import.line")}</th>
                      <th>{t("questions.list.text")}</th>
                      <th>{t("questions.list.topic")}</th>
                      <th>{t("questions.list.difficulty")}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {preview.validRows.map((row) => (
                      <tr key={row.line}>
                        <td className="num">{row.line}</td>
                        <td className="bank-text">
                          {row.text}
                          {row.pictures > 0 ? <span className="badge">{t("media.withPicture")}</span> : null}
                        </td>
                        <td>{row.topic}</td>
                        <td>{t.dynamic(`questions.difficulty.${row.difficulty}`)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
              {preview.validCount > preview.validRows.length ? (
                <p className="muted">
                  {t("questions.import.more", { n: preview.validCount - preview.validRows.length })}
                </p>
              ) : null}
              {preview.newTopics.length > 0 ? (
                <p className="badge warn" role="note">
                  {t("questions.import.newTopics", { topics: preview.newTopics.join(", ") })}
                </p>
              ) : null}
              <Form method="post" style={{ marginTop: 12 }}>
                <CsrfInput />
                <input type="hidden" name="intent" value="confirm" />
                <input type="hidden" name="token" value={preview.token} />
                <label className="question-preview-toggle" style={{ justifyContent: "flex-start" }}>
                  <input type="checkbox" name="approve" />
                  {t("questions.import.approve")}
                </label>
                {preview.problemRows.length > 0 ? (
                  <p className="muted">{t("questions.import.skipNote", { n: preview.problemRows.length })}</p>
                ) : null}
                <button type="submit" className="primary" disabled={busy}>
                  {t("questions.import.confirm", { n: preview.validCount })}
                </button>
                {preview.expiresAt ? (
                  <p className="muted small">
                    {t("questions.import.expiresNote", { time: preview.expiresAt })}
                  </p>
                ) : null}
              </Form>
            </>
          ) : preview.rowCount > 0 || preview.fileProblems.length > 0 ? (
            <p className="form-error">{t("questions.import.nothing")}</p>
          ) : null}
        </section>
      ) : null}
    </div>
  );
}
