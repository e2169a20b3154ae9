/**
 * One set of form fields (issue 16): a label, the control, an optional hint and the room for its
 * message, written once. Every field ties its control to the hint and the message with `id`/`htmlFor`,
 * `aria-describedby` and `aria-invalid`.
 *
 * The message room is reserved (one line, fields.css), so a message that appears when a field is left
 * does not move the field below it under a finger (issue 11: 4 of 4 taps on "Nữ" right after a
 * birth-date message missed). A longer message would still push the rest down, so forms that check on
 * leaving a field also wait for the tap in progress to end before they show it (`useAfterTap`).
 */
import { useCallback, useEffect, useRef } from "react";
import type { InputHTMLAttributes, ReactNode, SelectHTMLAttributes, TextareaHTMLAttributes } from "react";
import "./fields.css";

export interface FieldFrame {
  /** The control's id, also the start of its hint's and message's ids; the field's name by default. */
  id?: string;
  label: ReactNode;
  hint?: ReactNode;
  /** Shown in the reserved room; marks the control invalid. */
  error?: ReactNode;
  /** Shown in the same room when there is no error; the control stays valid. */
  warning?: ReactNode;
  /** More ids the control is described by (a form-level message, a note outside the field). */
  describedBy?: string;
  /** Marks the control invalid when what is wrong is said outside the field (`describedBy`). */
  invalid?: boolean;
  /** False for a field whose errors are only ever said for the whole form: no room is reserved. */
  messageRoom?: boolean;
  /** Classes added to the field's wrapper (`field`). */
  fieldClassName?: string;
  /** Drawn at the end of the field, below its message (a show-password box). */
  after?: ReactNode;
}

export interface ControlAria {
  "aria-invalid": true | undefined;
  "aria-describedby": string | undefined;
}

/** The ids of a field's hint, error and warning. */
export const hintId = (id: string) => `${id}-hint`;
export const errorId = (id: string) => `${id}-error`;
export const warningId = (id: string) => `${id}-warning`;

const shown = (node: ReactNode) => node !== undefined && node !== null && node !== false && node !== "";

/** The aria attributes that tie a control to its hint and its message. */
export function controlAria(
  id: string,
  {
    hint,
    error,
    warning,
    describedBy,
    invalid,
  }: Pick<FieldFrame, "hint" | "error" | "warning" | "describedBy" | "invalid">,
): ControlAria {
  const hasError = shown(error);
  const ids = [
    describedBy || null,
    shown(hint) ? hintId(id) : null,
    hasError ? errorId(id) : null,
    !hasError && shown(warning) ? warningId(id) : null,
  ]
    .filter(Boolean)
    .join(" ");
  return { "aria-invalid": hasError || invalid ? true : undefined, "aria-describedby": ids || undefined };
}

/** A field's hint, when it has one. */
export function FieldHint({ id, hint }: { id: string; hint?: ReactNode }) {
  return shown(hint) ? (
    <span className="hint" id={hintId(id)}>
      {hint}
    </span>
  ) : null;
}

/** The reserved room under a field: its error, else its warning, else empty (but still there). */
export function FieldMessage({ id, error, warning }: { id: string; error?: ReactNode; warning?: ReactNode }) {
  return (
    <span className="field-message" aria-live="polite">
      {shown(error) ? (
        <span className="field-error" id={errorId(id)}>
          {error}
        </span>
      ) : shown(warning) ? (
        <span className="field-warning" id={warningId(id)}>
          {warning}
        </span>
      ) : null}
    </span>
  );
}

/**
 * The frame of any field: label, the control drawn by `children` with the ids and aria attributes it
 * needs, hint and message. The kinds below are built on it; a route with an unusual control uses it too.
 */
export function Field({
  id,
  label,
  hint,
  error,
  warning,
  describedBy,
  invalid,
  messageRoom = true,
  fieldClassName,
  after,
  children,
}: FieldFrame & { id: string; children: (control: ControlAria & { id: string }) => ReactNode }) {
  return (
    <div className={fieldClassName ? `field ${fieldClassName}` : "field"}>
      <label htmlFor={id}>{label}</label>
      {children({ id, ...controlAria(id, { hint, error, warning, describedBy, invalid }) })}
      <FieldHint id={id} hint={hint} />
      {messageRoom || shown(error) || shown(warning) ? (
        <FieldMessage id={id} error={error} warning={warning} />
      ) : null}
      {after}
    </div>
  );
}

type Own = keyof FieldFrame | "name";

function splitFrame<P extends FieldFrame & { name?: string }>(props: P) {
  const {
    id,
    label,
    hint,
    error,
    warning,
    describedBy,
    invalid,
    messageRoom,
    fieldClassName,
    after,
    ...control
  } = props;
  return {
    frame: {
      id: id ?? props.name ?? "",
      label,
      hint,
      error,
      warning,
      describedBy,
      invalid,
      messageRoom,
      fieldClassName,
      after,
    },
    control,
  };
}

export type TextFieldProps = FieldFrame & { name: string } & Omit<InputHTMLAttributes<HTMLInputElement>, Own>;

/** A one-line input: text by default, or password, number, tel, email, search, url, time… */
export function TextField(props: TextFieldProps) {
  const { frame, control } = splitFrame(props);
  return <Field {...frame}>{(aria) => <input {...control} {...aria} />}</Field>;
}

/** A date picker (the value is an ISO date, `yyyy-mm-dd`). */
export function DateField(props: Omit<TextFieldProps, "type">) {
  return <TextField {...props} type="date" />;
}

/** A file picker. */
export function FileField(props: Omit<TextFieldProps, "type" | "value" | "defaultValue">) {
  return <TextField {...props} type="file" />;
}

export type TextareaFieldProps = FieldFrame & { name: string } & Omit<
    TextareaHTMLAttributes<HTMLTextAreaElement>,
    Own
  >;

export function TextareaField(props: TextareaFieldProps) {
  const { frame, control } = splitFrame(props);
  return <Field {...frame}>{(aria) => <textarea {...control} {...aria} />}</Field>;
}

export type SelectFieldProps = FieldFrame & { name: string } & Omit<
    SelectHTMLAttributes<HTMLSelectElement>,
    Own
  >;

/** A list to choose from; the options are its children. */
export function SelectField(props: SelectFieldProps) {
  const { frame, control } = splitFrame(props);
  return <Field {...frame}>{(aria) => <select {...control} {...aria} />}</Field>;
}

export interface RadioOption {
  value: string;
  label: ReactNode;
}

export type RadioGroupFieldProps = Omit<FieldFrame, "label"> & {
  name: string;
  legend: ReactNode;
  options: readonly RadioOption[];
  /** Controlled: the chosen value. */
  value?: string;
  defaultValue?: string;
  onChange?: (value: string) => void;
  required?: boolean;
  disabled?: boolean;
};

/** A row of radios under a legend; each choice is a 44-px tap target. */
export function RadioGroupField({
  id,
  name,
  legend,
  options,
  value,
  defaultValue,
  onChange,
  required,
  disabled,
  hint,
  error,
  warning,
  describedBy,
  invalid,
  fieldClassName,
}: RadioGroupFieldProps) {
  const base = id ?? name;
  const aria = controlAria(base, { hint, error, warning, describedBy, invalid });
  return (
    <fieldset
      className={fieldClassName ? `field radio-group ${fieldClassName}` : "field radio-group"}
      id={base}
      aria-describedby={aria["aria-describedby"]}
      aria-invalid={aria["aria-invalid"]}
    >
      <legend>{legend}</legend>
      <div className="choices">
        {options.map((option) => (
          <label key={option.value} className="choice">
            <input
              type="radio"
              name={name}
              value={option.value}
              required={required}
              disabled={disabled}
              {...(value !== undefined
                ? { checked: value === option.value, onChange: () => onChange?.(option.value) }
                : {
                    defaultChecked: defaultValue === option.value,
                    onChange: onChange ? () => onChange(option.value) : undefined,
                  })}
              aria-invalid={aria["aria-invalid"]}
            />
            {option.label}
          </label>
        ))}
      </div>
      <FieldHint id={base} hint={hint} />
      <FieldMessage id={base} error={error} warning={warning} />
    </fieldset>
  );
}

export type CheckboxFieldProps = Omit<FieldFrame, "id"> & {
  id?: string;
  name?: string;
  /** The box sits at the top of a label of several lines. */
  top?: boolean;
  /** Only the labelled box, without the field around it: a switch inside another field. */
  bare?: boolean;
  /** Classes added to the label that holds the box (`choice`). */
  choiceClassName?: string;
} & Omit<InputHTMLAttributes<HTMLInputElement>, Own | "type">;

/** A box with its label beside it, a 44-px tap target. */
export function CheckboxField(props: CheckboxFieldProps) {
  const { top, bare, choiceClassName, ...rest } = props;
  const { frame, control } = splitFrame(rest);
  const { id, label, hint, error, warning, describedBy, invalid, messageRoom, fieldClassName, after } = frame;
  const box = (
    <label className={["choice", top ? "top" : "", choiceClassName ?? ""].filter(Boolean).join(" ")}>
      <input
        type="checkbox"
        {...control}
        id={id || undefined}
        {...controlAria(id || "", { hint, error, warning, describedBy, invalid })}
      />
      <span>{label}</span>
    </label>
  );
  if (bare && !shown(hint) && !after) return box;
  return (
    <div className={fieldClassName ? `field ${fieldClassName}` : "field"}>
      {box}
      <FieldHint id={id} hint={hint} />
      {messageRoom === false && !shown(error) ? null : (
        <FieldMessage id={id} error={error} warning={warning} />
      )}
      {after}
    </div>
  );
}

/**
 * Runs a change of the page now, or, while a tap or click is under way, just after it lands: a message
 * shown when a field is left (the blur comes with the press on the next control) then cannot move that
 * control away from the finger before the click arrives (issue 11).
 */
export function useAfterTap(): (change: () => void) => void {
  const pressed = useRef(false);
  const waiting = useRef<(() => void)[]>([]);
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const flush = () => {
      pressed.current = false;
      clearTimeout(timer);
      const changes = waiting.current;
      waiting.current = [];
      // After the click has reached its target.
      if (changes.length > 0) setTimeout(() => changes.forEach((change) => change()), 0);
    };
    const press = () => {
      pressed.current = true;
      clearTimeout(timer);
      // A press that never becomes a click (dragged away, a long press) lets the message show anyway.
      timer = setTimeout(flush, 1500);
    };
    window.addEventListener("pointerdown", press, true);
    window.addEventListener("click", flush, true);
    window.addEventListener("pointercancel", flush, true);
    return () => {
      clearTimeout(timer);
      window.removeEventListener("pointerdown", press, true);
      window.removeEventListener("click", flush, true);
      window.removeEventListener("pointercancel", flush, true);
    };
  }, []);
  return useCallback((change: () => void) => {
    if (pressed.current) waiting.current.push(change);
    else change();
  }, []);
}
