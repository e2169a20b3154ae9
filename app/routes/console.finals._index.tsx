/**
 * The live finals of the contest (issue 14): the list, and the form that creates one. The settings
 * are parsed by the same Zod schema the service uses (app/rules/live/settings.ts).
 */
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { CsrfInput } from "~/components/csrf-input";
import { CheckboxField, RadioGroupField, SelectField, TextField } from "~/components/forms/fields";
import { useT } from "~/i18n/use-t";
import { EDITOR_ROLES, requireEditor, requireStaff } from "~/lib/auth.server";
import { readProtectedForm } from "~/lib/csrf.server";
import type { LiveEligibility } from "~/rules/live/eligibility";
import { findCurrentContest, listUnits } from "#db/repos/contests";
import { listLiveFinals, listPlayableQuestions } from "#db/repos/live-finals";
import { listRounds } from "#db/repos/rounds";
import { listTopics } from "#db/repos/questions";
import { createLiveFinal } from "#server/live/finals";
import "~/components/live/live.css";

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireStaff(request, context);
  const { db } = context.services;
  const contest = await findCurrentContest(db);
  if (!contest) throw new Response("Not found", { status: 404 });
  const [finals, rounds, units, topics, playable] = await Promise.all([
    listLiveFinals(db, contest.id),
    listRounds(db, contest.id),
    listUnits(db, contest.id),
    listTopics(db),
    listPlayableQuestions(db),
  ]);
  return {
    canEdit: EDITOR_ROLES.includes(user.role),
    finals: finals.map((f) => ({ roundId: f.round_id, title: f.title, code: f.join_code, phase: f.phase })),
    rounds: rounds.filter((r) => r.kind !== "live").map((r) => ({ id: r.id, title: r.title })),
    units: units.filter((u) => u.parent_id === null).map((u) => ({ id: u.id, name: u.name })),
    topics: topics.map((t) => ({ id: t.id, name: t.name })),
    playable: playable.map((q) => ({
      id: q.id,
      key: q.key ?? `#${q.id}`,
      topicId: q.topicId,
      text: q.text.length > 160 ? `${q.text.slice(0, 157)}…` : q.text,
      picture: q.picture,
    })),
  };
}

/**
 * The ordered picker: the organizer writes 1, 2, 3… next to the questions to play; blank ones are left
 * out. Equal numbers keep the bank's order.
 */
function pickedInOrder(form: FormData): number[] {
  const picked: { id: number; order: number }[] = [];
  for (const [name, value] of form.entries()) {
    const match = /^order\.(\d+)$/.exec(name);
    const order = Number(value);
    if (match && String(value).trim() !== "" && Number.isInteger(order) && order > 0)
      picked.push({ id: Number(match[1]), order });
  }
  return picked.sort((a, b) => a.order - b.order || a.id - b.id).map((p) => p.id);
}

const ids = (form: FormData, name: string) =>
  form
    .getAll(name)
    .map((v) => Number(v))
    .filter((n) => Number.isInteger(n) && n > 0);

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireEditor(request, context);
  const form = await readProtectedForm(request, context);
  const contest = await findCurrentContest(context.services.db);
  if (!contest) throw new Response("Not found", { status: 404 });
  const who = String(form.get("who") ?? "everyone");
  const eligibility: LiveEligibility | null =
    who === "everyone"
      ? { kind: "everyone" }
      : who === "topOfRounds"
        ? { kind: "topOfRounds", roundIds: ids(form, "roundIds"), top: Number(form.get("top")) }
        : who === "units"
          ? { kind: "units", unitIds: ids(form, "unitIds") }
          : null;
  const topic = Number(form.get("topicId"));
  const count = (name: string) => Number(form.get(name) ?? 0);
  const created = await createLiveFinal(context.services, {
    contestId: contest.id,
    actorUserId: user.id,
    settings: {
      title: form.get("title"),
      secondsPerQuestion: form.get("secondsPerQuestion"),
      basePoints: form.get("basePoints"),
      speedBonus: form.get("speedBonus") === "1",
      speedBonusPoints: form.get("speedBonusPoints") ?? 0,
      predictionEnabled: form.get("predictionEnabled") === "1",
      eligibility,
      questions:
        form.get("questionsKind") === "picked"
          ? { kind: "picked", questionIds: pickedInOrder(form) }
          : { kind: "drawn", count: form.get("count"), topicId: topic > 0 ? topic : null },
      prizes: {
        first: count("first"),
        second: count("second"),
        third: count("third"),
        consolation: count("consolation"),
      },
    },
  });
  return created.ok
    ? { ok: true as const, code: created.joinCode }
    : { ok: false as const, error: created.code };
}

export default function LiveFinals() {
  const t = useT();
  const data = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <section className="stack">
      <h1>{t("live.finals.title")}</h1>
      <p>{t("live.finals.intro")}</p>
      {data.finals.length === 0 ? (
        <p>{t("live.finals.none")}</p>
      ) : (
        <table className="table">
          <thead>
            <tr>
              <th>{t("live.create.name")}</th>
              <th>{t("live.finals.code")}</th>
              <th>{t("live.finals.phase")}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {data.finals.map((f) => (
              <tr key={f.roundId}>
                <td>{f.title}</td>
                <td>
                  <code>{f.code}</code>
                </td>
                <td>{t.dynamic(`live.phase.${f.phase}`)}</td>
                <td>
                  <Link to={`/console/finals/${f.roundId}`}>{t("live.finals.open")}</Link> ·{" "}
                  <Link to={`/screen/live/${f.roundId}`}>{t("live.finals.screen")}</Link>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {data.canEdit ? (
        <Form method="post" className="stack" aria-labelledby="create-final">
          <h2 id="create-final">{t("live.create.title")}</h2>
          <CsrfInput />
          {result && !result.ok ? (
            <p role="alert" className="error">
              {t.dynamic(`live.error.${result.error}`)}
            </p>
          ) : null}
          {result && result.ok ? (
            <p role="status">{t("live.create.created", { code: result.code })}</p>
          ) : null}
          <TextField
            name="title"
            label={t("live.create.name")}
            required
            minLength={3}
            maxLength={200}
            defaultValue="Chung kết"
            messageRoom={false}
          />
          <RadioGroupField
            name="questionsKind"
            legend={t("live.create.questions")}
            defaultValue="drawn"
            options={[
              { value: "drawn", label: t("live.create.drawn") },
              { value: "picked", label: t("live.create.picked") },
            ]}
            messageRoom={false}
          />
          <div className="grid two">
            <TextField
              name="count"
              label={t("live.create.count")}
              type="number"
              min={1}
              max={100}
              defaultValue={10}
              required
              messageRoom={false}
            />
            <SelectField name="topicId" label={t("live.create.topic")} defaultValue="" messageRoom={false}>
              <option value="">{t("live.create.anyTopic")}</option>
              {data.topics.map((topic) => (
                <option key={topic.id} value={topic.id}>
                  {topic.name}
                </option>
              ))}
            </SelectField>
            <TextField
              name="secondsPerQuestion"
              label={t("live.create.seconds")}
              type="number"
              min={5}
              max={300}
              defaultValue={20}
              required
              messageRoom={false}
            />
            <TextField
              name="basePoints"
              label={t("live.create.basePoints")}
              type="number"
              min={1}
              max={1000}
              defaultValue={10}
              required
              messageRoom={false}
            />
          </div>
          <details className="live-picker">
            <summary>{t("live.create.picked")}</summary>
            <p>{t("live.create.pickedHint")}</p>
            <table className="table">
              <tbody>
                {data.playable.map((q) => (
                  <tr key={q.id}>
                    <td>
                      <input
                        name={`order.${q.id}`}
                        type="number"
                        min={1}
                        max={100}
                        inputMode="numeric"
                        className="live-picker-order"
                        aria-label={t("live.create.order", { key: q.key })}
                      />
                    </td>
                    <td>
                      <code>{q.key}</code>
                    </td>
                    <td>
                      {q.text}
                      {q.picture ? ` (${t("live.create.picture")})` : ""}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </details>
          <CheckboxField
            name="speedBonus"
            value="1"
            label={t("live.create.speedBonus")}
            messageRoom={false}
          />
          <TextField
            name="speedBonusPoints"
            label={t("live.create.speedBonusPoints")}
            type="number"
            min={0}
            max={1000}
            defaultValue={5}
            messageRoom={false}
          />
          <CheckboxField
            name="predictionEnabled"
            value="1"
            label={t("live.create.prediction")}
            messageRoom={false}
          />
          <fieldset>
            <legend>{t("live.create.who")}</legend>
            <label>
              <input type="radio" name="who" value="everyone" defaultChecked /> {t("live.create.everyone")}
            </label>
            <label>
              <input type="radio" name="who" value="topOfRounds" /> {t("live.create.top")}
            </label>
            <label>
              {t("live.create.topN")} <input name="top" type="number" min={1} max={10000} defaultValue={10} />
            </label>
            <select name="roundIds" multiple aria-label={t("live.create.top")}>
              {data.rounds.map((r) => (
                <option key={r.id} value={r.id}>
                  {r.title}
                </option>
              ))}
            </select>
            <label>
              <input type="radio" name="who" value="units" /> {t("live.create.units")}
            </label>
            <select name="unitIds" multiple aria-label={t("live.create.units")}>
              {data.units.map((u) => (
                <option key={u.id} value={u.id}>
                  {u.name}
                </option>
              ))}
            </select>
          </fieldset>
          <fieldset>
            <legend>{t("live.create.prizes")}</legend>
            {(["first", "second", "third", "consolation"] as const).map((k, i) => (
              <input
                key={k}
                name={k}
                type="number"
                min={0}
                max={100}
                defaultValue={[1, 2, 3, 5][i]}
                aria-label={k}
              />
            ))}
          </fieldset>
          <button type="submit">{t("live.create.submit")}</button>
        </Form>
      ) : null}
    </section>
  );
}
