/** The page of /console/units: the units with their registration rates, and the categories. */
import { useNavigation, useSearchParams } from "@remix-run/react";
import { useT } from "~/i18n/use-t";
import { CategoryTable, type CategoryRow } from "./category-table";
import { UnitAddAndImport, UnitTable } from "./unit-table";
import type { UnitRow } from "./unit-fields";
import "./units.css";

export interface UnitsPageData {
  canEdit: boolean;
  units: UnitRow[];
  categories: CategoryRow[];
}

/** What an action on the page answers: a message, or a refusal with the file's problem lines. */
export type UnitsActionResult = { ok: string } | { error: string; lines?: string[] };

/** After the first-run page (issue 11): the unit list import is the next step. */
function WelcomeAfterSetup() {
  const t = useT();
  const [params] = useSearchParams();
  return params.get("welcome") === "1" ? (
    <p className="form-success" role="status">
      {t("organizer.setup.welcome")}
    </p>
  ) : null;
}

export function UnitsPage({
  data: d,
  result,
}: {
  data: UnitsPageData;
  result: UnitsActionResult | undefined;
}) {
  const t = useT();
  const busy = useNavigation().state !== "idle";
  return (
    <>
      <h1>{t("registration.units.title")}</h1>
      <WelcomeAfterSetup />
      <p className="muted">{t("registration.units.intro")}</p>
      {result && "ok" in result ? (
        <p className="form-success" role="status">
          {result.ok}
        </p>
      ) : null}
      {result && "error" in result ? (
        <div className="form-error units-result" role="alert">
          <p>{result.error}</p>
          {result.lines?.length ? (
            <ul>
              {result.lines.map((line, i) => (
                <li key={i}>{line}</li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}

      <UnitTable units={d.units} canEdit={d.canEdit} busy={busy} />
      {d.canEdit ? <UnitAddAndImport units={d.units} busy={busy} /> : null}
      <CategoryTable categories={d.categories} canEdit={d.canEdit} busy={busy} />
    </>
  );
}
