import { Form } from "@remix-run/react";
import { CsrfInput } from "~/components/csrf-input";
import { FileField } from "~/components/forms/fields";
import { useT } from "~/i18n/use-t";
import { UnitFields, type UnitRow } from "./unit-fields";
import "./units.css";

/** "12,5%": registered against expected, or a dash when nothing is expected. */
function rate(registered: number, expected: number | null): string {
  if (!expected) return "—";
  return `${Math.round((registered / expected) * 1000) / 10}%`.replace(".", ",");
}

/** The units with their registrations against the expected headcount; each row edits its unit. */
export function UnitTable({
  units,
  canEdit,
  busy,
}: {
  units: readonly UnitRow[];
  canEdit: boolean;
  busy: boolean;
}) {
  const t = useT();
  const parents = units.filter((u) => u.parentId === null);
  const totals = parents.reduce(
    (acc, u) => ({ registered: acc.registered + u.registered, expected: acc.expected + (u.expected ?? 0) }),
    { registered: 0, expected: 0 },
  );
  const kindLabel = (kind: string) => t.dynamic(`registration.units.kind.${kind}`);
  return (
    <section className="card">
      <div className="table-wrap">
        <table>
          <thead>
            <tr>
              <th>{t("registration.units.name")}</th>
              <th>{t("registration.units.kind")}</th>
              <th className="num">{t("registration.console.registered")}</th>
              <th className="num">{t("registration.console.expected")}</th>
              <th className="num">{t("registration.console.rate")}</th>
              {canEdit ? <th /> : null}
            </tr>
          </thead>
          <tbody>
            {units.map((u) => (
              <tr key={u.id}>
                <td className={u.parentId !== null ? "unit-child" : undefined}>
                  {u.parentId !== null ? "— " : ""}
                  {u.name}
                </td>
                <td>{kindLabel(u.kind)}</td>
                <td className="num">{u.registered}</td>
                <td className="num">{u.expected ?? "—"}</td>
                <td className="num">{rate(u.registered, u.expected)}</td>
                {canEdit ? (
                  <td>
                    <details>
                      <summary>{t("registration.units.edit")}</summary>
                      <Form method="post" className="unit-edit-form">
                        <CsrfInput />
                        <input type="hidden" name="unitId" value={u.id} />
                        <UnitFields unit={u} parents={parents} idPrefix={`unit-${u.id}`} />
                        <div className="units-buttons">
                          <button
                            type="submit"
                            name="intent"
                            value="updateUnit"
                            className="primary"
                            disabled={busy}
                          >
                            {t("registration.units.save")}
                          </button>
                          {u.registered === 0 && !u.hasChildren ? (
                            <button
                              type="submit"
                              name="intent"
                              value="deleteUnit"
                              className="danger"
                              disabled={busy}
                            >
                              {t("registration.units.delete")}
                            </button>
                          ) : null}
                        </div>
                      </Form>
                    </details>
                  </td>
                ) : null}
              </tr>
            ))}
            <tr>
              <th>{t("registration.units.total")}</th>
              <th />
              <th className="num">{totals.registered}</th>
              <th className="num">{totals.expected || "—"}</th>
              <th className="num">{rate(totals.registered, totals.expected)}</th>
              {canEdit ? <th /> : null}
            </tr>
          </tbody>
        </table>
      </div>
    </section>
  );
}

/** Add one unit, or import the whole list from a spreadsheet. */
export function UnitAddAndImport({ units, busy }: { units: readonly UnitRow[]; busy: boolean }) {
  const t = useT();
  const parents = units.filter((u) => u.parentId === null);
  return (
    <>
      <section className="card">
        <h2>{t("registration.units.add")}</h2>
        <Form method="post">
          <CsrfInput />
          <UnitFields parents={parents} idPrefix="new-unit" />
          <button type="submit" name="intent" value="createUnit" className="primary" disabled={busy}>
            {t("registration.units.add")}
          </button>
        </Form>
      </section>
      <section className="card">
        <h2>{t("registration.units.import.title")}</h2>
        <p className="muted">{t("registration.units.import.hint")}</p>
        <Form method="post" encType="multipart/form-data">
          <CsrfInput />
          <FileField
            id="unit-file"
            name="file"
            label={t("registration.units.import.file")}
            accept=".xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv"
            messageRoom={false}
          />
          <button type="submit" name="intent" value="importUnits" className="primary" disabled={busy}>
            {t("registration.units.import.submit")}
          </button>
        </Form>
      </section>
    </>
  );
}
