import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { CsrfInput } from "~/components/csrf-input";
import { SelectField, TextField } from "~/components/forms/fields";
import { useT } from "~/i18n/use-t";
import { translate, type MessageKey } from "~/i18n";
import { formatDateIn } from "~/i18n/dates";
import { requireRole } from "~/lib/auth.server";
import { readProtectedForm } from "~/lib/csrf.server";
import { createUser, findUserById, listStaff, setDisabled, setPassword } from "#db/repos/users";
import { deleteUserSessions } from "#db/repos/sessions";
import { revokeSessions } from "#server/security/sessions";
import { recordAudit } from "#db/repos/audit";
import { generatePassword, hashPassword } from "#server/security/password";

const createSchema = z.object({
  intent: z.literal("create"),
  username: z
    .string()
    .trim()
    .toLowerCase()
    .regex(/^[a-z0-9._]{3,40}$/, "console.staff.usernameInvalid"),
  displayName: z.string().trim().min(2, "console.staff.nameInvalid").max(100, "console.staff.nameInvalid"),
  role: z.enum(["organizer", "judge"], { errorMap: () => ({ message: "console.staff.roleInvalid" }) }),
});

const userActionSchema = z.object({
  intent: z.enum(["disable", "enable", "reset"]),
  userId: z.coerce.number().int().positive(),
});

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireRole(request, context, ["admin"]);
  const staff = await listStaff(context.services.db);
  return {
    staff: staff.map((u) => ({
      id: u.id,
      username: u.username,
      displayName: u.display_name,
      role: u.role,
      createdAt: formatDateIn(context.lang, new Date(u.created_at)),
      disabled: u.disabled_at !== null,
    })),
  };
}

type ActionResult =
  { ok: string } | { errors: Partial<Record<"username" | "displayName" | "role" | "form", string>> };

export async function action({ request, context }: ActionFunctionArgs): Promise<ActionResult> {
  const admin = await requireRole(request, context, ["admin"]);
  const form = await readProtectedForm(request, context);
  const { db, clock } = context.services;
  const lang = context.lang;
  const now = clock.now();

  if (form.get("intent") === "create") {
    const parsed = createSchema.safeParse(Object.fromEntries(form));
    if (!parsed.success) {
      const errors: Record<string, string> = {};
      for (const issue of parsed.error.issues) {
        const field = String(issue.path[0] ?? "form");
        errors[field] ??= translate(lang, issue.message as MessageKey);
      }
      return { errors };
    }
    const password = generatePassword();
    try {
      const user = await db.transaction().execute(async (trx) => {
        const created = await createUser(trx, {
          role: parsed.data.role,
          username: parsed.data.username,
          displayName: parsed.data.displayName,
          passwordHash: await hashPassword(password),
          mustChangePassword: true,
          now,
        });
        await recordAudit(trx, {
          actorUserId: admin.id,
          action: "staff.create",
          entity: "user",
          entityId: created.id,
          details: { username: created.username, role: created.role },
          now,
        });
        return created;
      });
      return { ok: translate(lang, "console.staff.created", { username: user.username ?? "", password }) };
    } catch (error) {
      if (/UNIQUE|unique constraint/i.test(String(error)))
        return { errors: { username: translate(lang, "console.staff.usernameTaken") } };
      throw error;
    }
  }

  const parsed = userActionSchema.safeParse(Object.fromEntries(form));
  if (!parsed.success) throw new Response("Bad request", { status: 400 });
  const target = await findUserById(db, parsed.data.userId);
  if (!target || target.role === "contestant") throw new Response("Not found", { status: 404 });
  if (parsed.data.intent !== "reset" && target.id === admin.id)
    return { errors: { form: translate(lang, "console.staff.cannotSelf") } };

  if (parsed.data.intent === "reset") {
    const password = generatePassword();
    await db.transaction().execute(async (trx) => {
      await setPassword(trx, target.id, await hashPassword(password), true);
      await deleteUserSessions(trx, target.id);
      await recordAudit(trx, {
        actorUserId: admin.id,
        action: "staff.resetPassword",
        entity: "user",
        entityId: target.id,
        now,
      });
    });
    // The old password's sessions end, and their open sockets with them.
    await revokeSessions(context.services, { userId: target.id });
    return {
      ok: translate(lang, "console.staff.passwordReset", { username: target.username ?? "", password }),
    };
  }
  const disable = parsed.data.intent === "disable";
  await db.transaction().execute(async (trx) => {
    await setDisabled(trx, target.id, disable ? now : null);
    if (disable) await deleteUserSessions(trx, target.id);
    await recordAudit(trx, {
      actorUserId: admin.id,
      action: disable ? "staff.disable" : "staff.enable",
      entity: "user",
      entityId: target.id,
      now,
    });
  });
  if (disable) await revokeSessions(context.services, { userId: target.id });
  return { ok: translate(lang, "form.saved") };
}

export default function StaffPage() {
  const t = useT();
  const { staff } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errors = result && "errors" in result ? result.errors : {};
  return (
    <>
      <h1>{t("console.staff.title")}</h1>
      <p className="muted">{t("console.staff.intro")}</p>
      {result && "ok" in result ? (
        <p className="form-success" role="status">
          {result.ok}
        </p>
      ) : null}
      {errors.form ? (
        <p className="form-error" role="alert">
          {errors.form}
        </p>
      ) : null}
      <section className="card">
        <h2>{t("console.staff.create")}</h2>
        <Form method="post" noValidate>
          <CsrfInput />
          <input type="hidden" name="intent" value="create" />
          <div className="grid three">
            <TextField
              name="username"
              label={t("console.staff.username")}
              hint={t("console.staff.usernameHint")}
              error={errors.username}
            />
            <TextField name="displayName" label={t("console.staff.displayName")} error={errors.displayName} />
            <SelectField
              name="role"
              label={t("console.staff.role")}
              defaultValue="organizer"
              error={errors.role}
            >
              <option value="organizer">{t("auth.role.organizer")}</option>
              <option value="judge">{t("auth.role.judge")}</option>
            </SelectField>
          </div>
          <button type="submit" className="primary">
            {t("console.staff.create")}
          </button>
        </Form>
      </section>
      <section className="card">
        <h2>{t("console.staff.list")}</h2>
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th>{t("console.staff.username")}</th>
                <th>{t("console.staff.displayName")}</th>
                <th>{t("console.staff.role")}</th>
                <th>{t("console.staff.createdAt")}</th>
                <th>{t("console.staff.status")}</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {staff.map((u) => (
                <tr key={u.id}>
                  <td>{u.username}</td>
                  <td>{u.displayName}</td>
                  <td>{t(`auth.role.${u.role}`)}</td>
                  <td>{u.createdAt}</td>
                  <td>{u.disabled ? t("console.staff.disabled") : t("console.staff.active")}</td>
                  <td>
                    <Form method="post" style={{ display: "flex", gap: 8, flexWrap: "wrap" }}>
                      <CsrfInput />
                      <input type="hidden" name="userId" value={u.id} />
                      <button
                        type="submit"
                        name="intent"
                        value={u.disabled ? "enable" : "disable"}
                        className="secondary"
                      >
                        {u.disabled ? t("console.staff.enable") : t("console.staff.disable")}
                      </button>
                      <button type="submit" name="intent" value="reset" className="secondary">
                        {t("console.staff.resetPassword")}
                      </button>
                    </Form>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
    </>
  );
}
