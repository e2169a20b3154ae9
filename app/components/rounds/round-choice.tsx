import "./rounds.css";

/** A checkbox with its label on one 44-px tap target. */
export function RoundCheckbox(props: { name: string; label: string; checked: boolean; value?: string }) {
  return (
    <label className="round-choice">
      <input type="checkbox" name={props.name} value={props.value ?? "on"} defaultChecked={props.checked} />
      <span>{props.label}</span>
    </label>
  );
}
