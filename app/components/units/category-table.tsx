import { Form } from "@remix-run/react";
import { CsrfInput } from "~/components/csrf-input";
import { TextField } from "~/components/forms/fields";
import { useT } from "~/i18n/use-t";
import "./units.css";

/** A category of contestants (officials, students, …) with how many registered in it. */
export interface CategoryRow {
  id: number;
  name: string;
  registered: number;
}

/** The contest's categories: renamed, deleted while nobody is registered in them, or added. */
export function CategoryTable({
  categories,
  canEdit,
  busy,
}: {
  categories: readonly CategoryRow[];
  canEdit: boolean;
  busy: boolean;
}) {
  const t = useT();
  return (
    <section className="card">
      <h2>{t("registration.categories.title")}</h2>
      <div className="table-wrap">
        <table>
          <thead>
            <tr>
              <th>{t("registration.categories.name")}</th>
              <th className="num">{t("registration.console.registered")}</th>
              {canEdit ? <th /> : null}
            </tr>
          </thead>
          <tbody>
            {categories.map((c) => (
              <tr key={c.id}>
                <td>{c.name}</td>
                <td className="num">{c.registered}</td>
                {canEdit ? (
                  <td>
                    <details>
                      <summary>{t("registration.categories.rename")}</summary>
                      <Form method="post" className="category-edit-form">
                        <CsrfInput />
                        <input type="hidden" name="categoryId" value={c.id} />
                        <TextField
                          id={`category-${c.id}`}
                          name="name"
                          label={t("registration.categories.name")}
                          defaultValue={c.name}
                          maxLength={120}
                          messageRoom={false}
                        />
                        <div className="units-buttons">
                          <button
                            type="submit"
                            name="intent"
                            value="saveCategory"
                            className="primary"
                            disabled={busy}
                          >
                            {t("registration.units.save")}
                          </button>
                          {c.registered === 0 ? (
                            <button
                              type="submit"
                              name="intent"
                              value="deleteCategory"
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
          </tbody>
        </table>
      </div>
      {canEdit ? (
        <Form method="post" className="category-new-form">
          <CsrfInput />
          <TextField
            id="new-category"
            name="name"
            label={t("registration.categories.name")}
            maxLength={120}
            messageRoom={false}
          />
          <button type="submit" name="intent" value="saveCategory" className="primary" disabled={busy}>
            {t("registration.categories.add")}
          </button>
        </Form>
      ) : null}
    </section>
  );
}
