/**
 * Creating and editing a question, with the contestant's phone view beside it. The same parsing
 * (`parseQuestionForm`) turns the submitted form into a draft on the server; the page shows the rules'
 * problems live, so an organizer sees what is missing before saving.
 */
import { useEffect, useRef, useState } from "react";
import { Form } from "@remix-run/react";
import { z } from "zod";
import { CsrfInput } from "~/components/csrf-input";
import { DateField, SelectField, TextField, TextareaField } from "~/components/forms/fields";
import { QuestionCard } from "~/components/question-card";
import { useT } from "~/i18n/use-t";
import type { Lang } from "~/i18n";
import { translate } from "~/i18n";
import {
  DIFFICULTIES,
  MAX_OPTIONS,
  OPTION_LETTERS,
  QUESTION_TYPES,
  TRUE_FALSE_OPTIONS,
  questionProblems,
  type Difficulty,
  type Problem,
  type QuestionDraft,
  type QuestionStatus,
  type QuestionType,
} from "~/rules/question";
import { describeProblem } from "~/i18n/problems";
import { questionWarnings } from "~/rules/item-writing";
import { tidy } from "~/rules/text";
import "./question-form.css";

export interface TopicOption {
  id: number;
  name: string;
}

/** The form's fields, as the browser sends them. Lengths follow `questionDraftSchema`. */
export const questionFormSchema = z.object({
  topicId: z.coerce.number().int().positive(),
  difficulty: z.enum(DIFFICULTIES),
  type: z.enum(QUESTION_TYPES),
  text: z.string().max(2000),
  options: z.array(z.string().max(500)).length(MAX_OPTIONS),
  correct: z.array(
    z.coerce
      .number()
      .int()
      .min(0)
      .max(MAX_OPTIONS - 1),
  ),
  explanation: z.string().max(3000),
  sourceDocument: z.string().max(300),
  sourceTitle: z.string().max(500),
  sourceArticle: z.string().max(200),
  tags: z.string().max(1300),
  // Validity and exclusion groups (issue 12). Older forms without them still parse.
  validFrom: z.string().max(10).default(""),
  validUntil: z.string().max(10).default(""),
  basis: z.string().max(1100).default(""),
  exclusionGroups: z.string().max(700).default(""),
});
export type QuestionFormValues = z.infer<typeof questionFormSchema>;

export type FormField =
  | "topicId"
  | "difficulty"
  | "type"
  | "text"
  | "options"
  | "correct"
  | "explanation"
  | "sourceDocument"
  | "sourceTitle"
  | "sourceArticle"
  | "tags"
  | "validFrom"
  | "validUntil"
  | "basis"
  | "exclusionGroups";

/** Which field a rule's problem belongs to, to mark it invalid. */
const FIELD_OF: Record<string, FormField> = {
  missingText: "text",
  tooFewOptions: "options",
  tooManyOptions: "options",
  emptyOption: "options",
  duplicateOption: "options",
  trueFalseOptions: "options",
  missingCorrect: "correct",
  correctOutOfRange: "correct",
  duplicateCorrect: "correct",
  singleHasSeveral: "correct",
  multipleHasOne: "correct",
  missingExplanation: "explanation",
  missingSource: "sourceDocument",
  badValidDate: "validFrom",
  validUntilNotAfterFrom: "validUntil",
  badExclusionGroup: "exclusionGroups",
};
export function fieldOfProblem(p: Problem): FormField | undefined {
  return FIELD_OF[p.code];
}

export function formValuesOf(form: FormData): unknown {
  const text = (name: string) => {
    const v = form.get(name);
    return typeof v === "string" ? v : "";
  };
  return {
    topicId: text("topicId"),
    difficulty: text("difficulty"),
    type: text("type"),
    text: text("text"),
    options: Array.from({ length: MAX_OPTIONS }, (_, i) => text(`option${i}`)),
    correct: form.getAll("correct").filter((v): v is string => typeof v === "string"),
    explanation: text("explanation"),
    sourceDocument: text("sourceDocument"),
    sourceTitle: text("sourceTitle"),
    sourceArticle: text("sourceArticle"),
    tags: text("tags"),
    validFrom: text("validFrom"),
    validUntil: text("validUntil"),
    basis: text("basis"),
    exclusionGroups: text("exclusionGroups"),
  };
}

/** "a, b, a" → ["a", "b"]: the comma lists of the form. */
function commaList(value: string): string[] {
  return [
    ...new Set(
      value
        .split(",")
        .map(tidy)
        .filter((t) => t !== ""),
    ),
  ];
}

/** The draft the form's values describe (the topic's name filled in by the caller). */
export function draftOfValues(values: QuestionFormValues, topic: string): QuestionDraft {
  const clean = (s: string) => s.normalize("NFC").replace(/\r\n?/g, "\n").trim();
  let options: string[];
  if (values.type === "true_false") options = [...TRUE_FALSE_OPTIONS];
  else {
    options = values.options.map(clean);
    while (options.length > 0 && options[options.length - 1] === "") options.pop();
  }
  const correct = [...new Set(values.correct)].sort((a, b) => a - b);
  const tags = [
    ...new Set(
      values.tags
        .split(",")
        .map(tidy)
        .filter((t) => t !== ""),
    ),
  ];
  const optional = (s: string) => (clean(s) === "" ? null : clean(s));
  const basis = commaList(values.basis);
  const exclusionGroups = commaList(values.exclusionGroups);
  return {
    topic,
    type: values.type,
    difficulty: values.difficulty,
    text: clean(values.text),
    options,
    correct,
    explanation: clean(values.explanation),
    source: {
      document: clean(values.sourceDocument),
      title: optional(values.sourceTitle),
      article: optional(values.sourceArticle),
    },
    tags,
    ...(clean(values.validFrom) !== "" ? { validFrom: clean(values.validFrom) } : {}),
    ...(clean(values.validUntil) !== "" ? { validUntil: clean(values.validUntil) } : {}),
    ...(basis.length > 0 ? { basis } : {}),
    ...(exclusionGroups.length > 0 ? { exclusionGroups } : {}),
  };
}

/**
 * The rules a saved question must meet. A draft may still lack its explanation and source (an Aiken
 * import has neither); approving asks for everything.
 */
export function saveProblems(draft: QuestionDraft, status: QuestionStatus): Problem[] {
  const problems = questionProblems(draft);
  if (draft.tags.length > 20) problems.push({ code: "tooManyTags", params: { max: 20 } });
  if (draft.tags.some((t) => t.length > 60)) problems.push({ code: "tagTooLong", params: { max: 60 } });
  return status === "draft"
    ? problems.filter((p) => p.code !== "missingExplanation" && p.code !== "missingSource")
    : problems;
}

export function describeAll(lang: Lang, problems: readonly Problem[]): string[] {
  return problems.map((p) => {
    const message = describeProblem(lang, { ...p, line: undefined });
    return message.charAt(0).toLocaleUpperCase("vi") + message.slice(1);
  });
}

export function emptyValues(topicId: number | undefined): QuestionFormValues {
  return {
    topicId: topicId ?? 0,
    difficulty: "easy",
    type: "single",
    text: "",
    options: ["", "", "", "", "", ""],
    correct: [],
    explanation: "",
    sourceDocument: "",
    sourceTitle: "",
    sourceArticle: "",
    tags: "",
    validFrom: "",
    validUntil: "",
    basis: "",
    exclusionGroups: "",
  };
}

export function valuesOfDraft(draft: QuestionDraft, topicId: number): QuestionFormValues {
  return {
    topicId,
    difficulty: draft.difficulty,
    type: draft.type,
    text: draft.text,
    options: Array.from({ length: MAX_OPTIONS }, (_, i) => draft.options[i] ?? ""),
    correct: [...draft.correct],
    explanation: draft.explanation,
    sourceDocument: draft.source.document,
    sourceTitle: draft.source.title ?? "",
    sourceArticle: draft.source.article ?? "",
    tags: draft.tags.join(", "),
    validFrom: draft.validFrom ?? "",
    validUntil: draft.validUntil ?? "",
    basis: (draft.basis ?? []).join(", "),
    exclusionGroups: (draft.exclusionGroups ?? []).join(", "),
  };
}

export interface QuestionFormProps {
  topics: readonly TopicOption[];
  initial: QuestionFormValues;
  /** Problems the server found on the last submission, and other field errors. */
  errors?: { messages: string[]; fields: FormField[] };
  readOnly: boolean;
  submitLabel: string;
  /** Hidden fields to send along (intent, the version the edit started from…). */
  hidden: Record<string, string>;
  status: QuestionStatus;
  /** Warnings that need the rest of the bank (a leak, a near-duplicate stem), described by the server. */
  bankCues?: readonly string[];
}

export function QuestionForm({
  topics,
  initial,
  errors,
  readOnly,
  submitLabel,
  hidden,
  status,
  bankCues = [],
}: QuestionFormProps) {
  const t = useT();
  const [values, setValues] = useState<QuestionFormValues>(initial);
  const [showAnswer, setShowAnswer] = useState(false);
  const [tried, setTried] = useState<number[]>([]);
  const formRef = useRef<HTMLFormElement>(null);
  // What was typed before the page's script loaded (a slow connection) is in the fields but not in the
  // state: take it over once, so the preview shows it and nothing typed is lost.
  useEffect(() => {
    if (!formRef.current) return;
    const typed = questionFormSchema.safeParse(formValuesOf(new FormData(formRef.current)));
    // A true/false question's fixed options are not form fields: keep the ones held for a change of type.
    if (typed.success)
      setValues((v) => ({
        ...typed.data,
        options: typed.data.type === "true_false" ? v.options : typed.data.options,
      }));
  }, []);
  const set = <K extends keyof QuestionFormValues>(key: K, value: QuestionFormValues[K]) =>
    setValues((v) => ({ ...v, [key]: value }));

  const draft = draftOfValues(values, topics.find((x) => x.id === values.topicId)?.name ?? "");
  const invalid = new Set(errors?.fields ?? []);
  const isTrueFalse = values.type === "true_false";
  const optionCount = isTrueFalse ? 2 : MAX_OPTIONS;

  const setType = (type: QuestionType) =>
    setValues((v) => ({
      ...v,
      type,
      // One answer (or true/false) keeps only the first ticked option.
      correct:
        type === "multiple" ? v.correct : v.correct.slice(0, 1).filter((i) => type !== "true_false" || i < 2),
    }));
  const toggleCorrect = (i: number) =>
    setValues((v) => ({
      ...v,
      correct:
        v.type === "multiple"
          ? v.correct.includes(i)
            ? v.correct.filter((x) => x !== i)
            : [...v.correct, i].sort((a, b) => a - b)
          : [i],
    }));
  const tryOption = (i: number) =>
    setTried((c) =>
      values.type === "multiple" ? (c.includes(i) ? c.filter((x) => x !== i) : [...c, i]) : [i],
    );

  const live = readOnly ? [] : describeAll(t.lang, saveProblems(draft, status));
  const cues = readOnly ? [] : [...describeAll(t.lang, questionWarnings(draft)), ...bankCues];
  // What is wrong is listed once above the form; each field it concerns is marked invalid.
  const field = (name: FormField, id: string) => ({
    id,
    name,
    invalid: invalid.has(name),
    messageRoom: false,
  });

  return (
    <div className="question-editor">
      <Form method="post" className="card question-form" noValidate ref={formRef}>
        <CsrfInput />
        {Object.entries(hidden).map(([name, value]) => (
          <input key={name} type="hidden" name={name} value={value} />
        ))}
        {errors && errors.messages.length > 0 ? (
          <div className="form-error" role="alert">
            <p>{t("questions.form.fixErrors")}</p>
            <ul>
              {errors.messages.map((m, i) => (
                <li key={i}>{m}</li>
              ))}
            </ul>
          </div>
        ) : null}
        <fieldset disabled={readOnly} className="question-form-fields">
          <div className="grid three">
            <SelectField
              {...field("topicId", "q-topic")}
              label={t("questions.form.topic")}
              value={values.topicId}
              onChange={(e) => set("topicId", Number(e.target.value))}
            >
              {topics.map((topic) => (
                <option key={topic.id} value={topic.id}>
                  {topic.name}
                </option>
              ))}
            </SelectField>
            <SelectField
              {...field("difficulty", "q-difficulty")}
              label={t("questions.form.difficulty")}
              value={values.difficulty}
              onChange={(e) => set("difficulty", e.target.value as Difficulty)}
            >
              {DIFFICULTIES.map((d) => (
                <option key={d} value={d}>
                  {t(`questions.difficulty.${d}`)}
                </option>
              ))}
            </SelectField>
            <SelectField
              {...field("type", "q-type")}
              label={t("questions.form.type")}
              value={values.type}
              onChange={(e) => setType(e.target.value as QuestionType)}
            >
              {QUESTION_TYPES.map((type) => (
                <option key={type} value={type}>
                  {t(`questions.type.${type}`)}
                </option>
              ))}
            </SelectField>
          </div>

          <TextareaField
            {...field("text", "q-text")}
            label={t("questions.form.text")}
            rows={3}
            maxLength={2000}
            value={values.text}
            onChange={(e) => set("text", e.target.value)}
          />

          <fieldset
            className={`field question-form-options${invalid.has("options") || invalid.has("correct") ? " invalid" : ""}`}
          >
            <legend>{t("questions.form.options")}</legend>
            <span className="hint">
              {isTrueFalse ? t("questions.form.trueFalseHint") : t("questions.form.optionsHint")}
            </span>
            {Array.from({ length: optionCount }, (_, i) => {
              const letter = OPTION_LETTERS[i]!;
              return (
                <div key={i} className="question-form-option">
                  <label className="question-form-correct">
                    <input
                      type={values.type === "multiple" ? "checkbox" : "radio"}
                      name="correct"
                      value={i}
                      checked={values.correct.includes(i)}
                      onChange={() => toggleCorrect(i)}
                    />
                    <span className="visually-hidden">{t("questions.form.isCorrect", { letter })}</span>
                  </label>
                  <label htmlFor={`q-option${i}`} className="question-form-letter">
                    <span aria-hidden="true">{letter}</span>
                    <span className="visually-hidden">{t("questions.form.option", { letter })}</span>
                  </label>
                  {isTrueFalse ? (
                    <input id={`q-option${i}`} readOnly value={TRUE_FALSE_OPTIONS[i]} />
                  ) : (
                    <input
                      id={`q-option${i}`}
                      name={`option${i}`}
                      maxLength={500}
                      value={values.options[i]}
                      onChange={(e) =>
                        set(
                          "options",
                          values.options.map((o, j) => (j === i ? e.target.value : o)),
                        )
                      }
                    />
                  )}
                </div>
              );
            })}
          </fieldset>

          <TextareaField
            {...field("explanation", "q-explanation")}
            label={t("questions.form.explanation")}
            rows={3}
            maxLength={3000}
            value={values.explanation}
            onChange={(e) => set("explanation", e.target.value)}
          />
          <TextField
            {...field("sourceDocument", "q-source-document")}
            label={t("questions.form.sourceDocument")}
            hint={t("questions.form.sourceDocumentHint")}
            maxLength={300}
            value={values.sourceDocument}
            onChange={(e) => set("sourceDocument", e.target.value)}
          />
          <div className="grid two">
            <TextField
              {...field("sourceTitle", "q-source-title")}
              label={t("questions.form.sourceTitle")}
              maxLength={500}
              value={values.sourceTitle}
              onChange={(e) => set("sourceTitle", e.target.value)}
            />
            <TextField
              {...field("sourceArticle", "q-source-article")}
              label={t("questions.form.sourceArticle")}
              maxLength={200}
              value={values.sourceArticle}
              onChange={(e) => set("sourceArticle", e.target.value)}
            />
          </div>
          <TextField
            {...field("tags", "q-tags")}
            label={t("questions.form.tags")}
            value={values.tags}
            onChange={(e) => set("tags", e.target.value)}
          />
          <div className="grid two">
            <DateField
              {...field("validFrom", "q-valid-from")}
              label={t("bankValidity.form.validFrom")}
              describedBy="q-validity-hint"
              value={values.validFrom}
              onChange={(e) => set("validFrom", e.target.value)}
            />
            <DateField
              {...field("validUntil", "q-valid-until")}
              label={t("bankValidity.form.validUntil")}
              describedBy="q-validity-hint"
              value={values.validUntil}
              onChange={(e) => set("validUntil", e.target.value)}
            />
          </div>
          <p id="q-validity-hint" className="muted small">
            {t("bankValidity.form.validityHint")}
          </p>
          <div className="grid two">
            <TextField
              {...field("basis", "q-basis")}
              label={t("bankValidity.form.basis")}
              value={values.basis}
              placeholder="59/2022/NĐ-CP, 749/QĐ-TTg"
              onChange={(e) => set("basis", e.target.value)}
            />
            <TextField
              {...field("exclusionGroups", "q-groups")}
              label={t("bankValidity.form.exclusionGroups")}
              value={values.exclusionGroups}
              placeholder="ctcds-muc-tieu"
              onChange={(e) => set("exclusionGroups", e.target.value)}
            />
          </div>
          {cues.length > 0 ? (
            <div className="question-form-cues" aria-live="polite">
              <p className="small">{t("bankValidity.form.cues")}</p>
              <ul className="small">
                {cues.map((m, i) => (
                  <li key={i}>{m}</li>
                ))}
              </ul>
            </div>
          ) : null}
          {live.length > 0 ? (
            <ul className="question-form-live" aria-live="polite">
              {live.map((m, i) => (
                <li key={i}>{m}</li>
              ))}
            </ul>
          ) : null}
        </fieldset>
        {readOnly ? null : (
          <button type="submit" className="primary">
            {submitLabel}
          </button>
        )}
      </Form>

      <aside className="question-preview" aria-label={t("questions.form.preview")}>
        <h2>{t("questions.form.preview")}</h2>
        <p className="muted small">{t("questions.form.previewHint")}</p>
        <div className="phone-frame">
          <QuestionCard
            text={draft.text}
            options={draft.options.length > 0 ? draft.options : ["", ""]}
            type={draft.type}
            chosen={tried}
            onChoose={tryOption}
            reveal={showAnswer ? { correct: draft.correct, explanation: draft.explanation } : undefined}
          />
        </div>
        <label className="question-preview-toggle">
          <input type="checkbox" checked={showAnswer} onChange={(e) => setShowAnswer(e.target.checked)} />
          {t("questions.form.showAnswer")}
        </label>
      </aside>
    </div>
  );
}

/** Parses a submitted question form: the draft and its topic, or the messages and fields to show. */
export function parseQuestionForm(
  form: FormData,
  topics: readonly TopicOption[],
  status: QuestionStatus,
  lang: Lang,
): { draft: QuestionDraft; topicId: number } | { errors: { messages: string[]; fields: FormField[] } } {
  const parsed = questionFormSchema.safeParse(formValuesOf(form));
  if (!parsed.success) {
    const fields = [...new Set(parsed.error.issues.map((i) => String(i.path[0]) as FormField))];
    const messages = parsed.error.issues.map((i) =>
      i.code === "too_big"
        ? translate(lang, "questions.form.tooLong")
        : translate(lang, "questions.form.required"),
    );
    return { errors: { messages: [...new Set(messages)], fields } };
  }
  const topic = topics.find((x) => x.id === parsed.data.topicId);
  if (!topic)
    return { errors: { messages: [translate(lang, "questions.form.topicUnknown")], fields: ["topicId"] } };
  const draft = draftOfValues(parsed.data, topic.name);
  const problems = saveProblems(draft, status);
  if (problems.length > 0)
    return {
      errors: {
        messages: describeAll(lang, problems),
        fields: problems.map(fieldOfProblem).filter((f): f is FormField => f !== undefined),
      },
    };
  return { draft, topicId: topic.id };
}
