import { useT } from "~/i18n/use-t";
import { UNIT_KINDS } from "~/rules/unit-list";

/** A unit as the units page lists it. */
export interface UnitRow {
  id: number;
  name: string;
  kind: string;
  parentId: number | null;
  expected: number | null;
  /** Registered contestants, a parent's sub-units included. */
  registered: number;
  hasChildren: boolean;
}

/** Name, parent, kind and expected headcount of a unit: the same fields to add one and to edit one. */
export function UnitFields({
  unit,
  parents,
  idPrefix,
}: {
  unit?: UnitRow;
  parents: readonly UnitRow[];
  idPrefix: string;
}) {
  const t = useT();
  return (
    <div className="grid two">
      <div className="field">
        <label htmlFor={`${idPrefix}-name`}>{t("registration.units.name")}</label>
        <input id={`${idPrefix}-name`} name="name" defaultValue={unit?.name ?? ""} required maxLength={250} />
      </div>
      <div className="field">
        <label htmlFor={`${idPrefix}-parent`}>{t("registration.units.parent")}</label>
        <select id={`${idPrefix}-parent`} name="parentId" defaultValue={unit?.parentId ?? ""}>
          <option value="">{t("registration.units.noParent")}</option>
          {parents
            .filter((p) => p.id !== unit?.id)
            .map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${idPrefix}-kind`}>{t("registration.units.kind")}</label>
        <select id={`${idPrefix}-kind`} name="kind" defaultValue={unit?.kind ?? "area"}>
          {UNIT_KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`registration.units.kind.${k}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${idPrefix}-expected`}>{t("registration.units.expected")}</label>
        <input
          id={`${idPrefix}-expected`}
          name="expected"
          inputMode="numeric"
          defaultValue={unit?.expected ?? ""}
          aria-describedby={`${idPrefix}-expected-hint`}
        />
        <span className="hint" id={`${idPrefix}-expected-hint`}>
          {t("registration.units.expectedHint")}
        </span>
      </div>
    </div>
  );
}
