import { CheckboxField } from "~/components/forms/fields";
import "./rounds.css";

/** A checkbox with its label on one 44-px tap target: the shared field, laid out as the round editor's choices. */
export function RoundCheckbox(props: { name: string; label: string; checked: boolean; value?: string }) {
  return (
    <CheckboxField
      bare
      choiceClassName="round-choice"
      name={props.name}
      value={props.value ?? "on"}
      defaultChecked={props.checked}
      label={props.label}
    />
  );
}
