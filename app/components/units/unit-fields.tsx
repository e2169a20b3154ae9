import { SelectField, TextField } from "~/components/forms/fields";
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
      <TextField
        id={`${idPrefix}-name`}
        name="name"
        label={t("registration.units.name")}
        defaultValue={unit?.name ?? ""}
        required
        maxLength={250}
        messageRoom={false}
      />
      <SelectField
        id={`${idPrefix}-parent`}
        name="parentId"
        label={t("registration.units.parent")}
        defaultValue={unit?.parentId ?? ""}
        messageRoom={false}
      >
        <option value="">{t("registration.units.noParent")}</option>
        {parents
          .filter((p) => p.id !== unit?.id)
          .map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
      </SelectField>
      <SelectField
        id={`${idPrefix}-kind`}
        name="kind"
        label={t("registration.units.kind")}
        defaultValue={unit?.kind ?? "area"}
        messageRoom={false}
      >
        {UNIT_KINDS.map((k) => (
          <option key={k} value={k}>
            {t(`registration.units.kind.${k}`)}
          </option>
        ))}
      </SelectField>
      <TextField
        id={`${idPrefix}-expected`}
        name="expected"
        label={t("registration.units.expected")}
        hint={t("registration.units.expectedHint")}
        inputMode="numeric"
        defaultValue={unit?.expected ?? ""}
        messageRoom={false}
      />
    </div>
  );
}
