import {
  Checkbox,
  Fieldset,
  FieldsetLegend,
  FormField,
  FormFieldDescription,
  FormFieldErrorMessage,
  FormLabel,
  RadioButton,
  Select,
  SelectOption,
  Textarea,
  Textbox,
} from "@utrecht/component-library-react";
import { type ReactNode, useId } from "react";

interface FieldProps {
  label: string;
  value: string;
  onChange(value: string): void;
  description?: ReactNode;
  error?: string;
  required?: boolean;
  name?: string;
}

/** Label, description and error message wired to the control by id, as screen readers need. */
function useFieldIds(props: Pick<FieldProps, "description" | "error">) {
  const id = useId();
  const described = [props.description && `${id}-description`, props.error && `${id}-error`]
    .filter(Boolean)
    .join(" ");
  return { id, describedBy: described || undefined };
}

function FieldNotes(props: { id: string; description?: ReactNode; error?: string }) {
  return (
    <>
      {props.description && (
        <FormFieldDescription id={`${props.id}-description`}>
          {props.description}
        </FormFieldDescription>
      )}
      {props.error && (
        <FormFieldErrorMessage id={`${props.id}-error`}>{props.error}</FormFieldErrorMessage>
      )}
    </>
  );
}

export function TextField(props: FieldProps & { type?: string; autoComplete?: string }) {
  const { id, describedBy } = useFieldIds(props);
  return (
    <FormField invalid={Boolean(props.error)} type="text">
      <div className="utrecht-form-field__label">
        <FormLabel htmlFor={id}>{props.label}</FormLabel>
      </div>
      <FieldNotes id={id} description={props.description} error={props.error} />
      <div className="utrecht-form-field__input">
        <Textbox
          id={id}
          name={props.name}
          type={props.type ?? "text"}
          value={props.value}
          required={props.required}
          invalid={Boolean(props.error)}
          autoComplete={props.autoComplete ?? "off"}
          aria-describedby={describedBy}
          onChange={(event) => props.onChange(event.target.value)}
        />
      </div>
    </FormField>
  );
}

export function TextAreaField(props: FieldProps & { rows?: number }) {
  const { id, describedBy } = useFieldIds(props);
  return (
    <FormField invalid={Boolean(props.error)} type="text">
      <div className="utrecht-form-field__label">
        <FormLabel htmlFor={id}>{props.label}</FormLabel>
      </div>
      <FieldNotes id={id} description={props.description} error={props.error} />
      <div className="utrecht-form-field__input">
        <Textarea
          id={id}
          name={props.name}
          rows={props.rows ?? 4}
          value={props.value}
          required={props.required}
          invalid={Boolean(props.error)}
          aria-describedby={describedBy}
          onChange={(event) => props.onChange(event.target.value)}
        />
      </div>
    </FormField>
  );
}

export interface Choice {
  value: string;
  label: string;
  hint?: string;
}

export function SelectField(props: FieldProps & { choices: Choice[]; placeholder?: string }) {
  const { id, describedBy } = useFieldIds(props);
  return (
    <FormField invalid={Boolean(props.error)} type="select">
      <div className="utrecht-form-field__label">
        <FormLabel htmlFor={id}>{props.label}</FormLabel>
      </div>
      <FieldNotes id={id} description={props.description} error={props.error} />
      <div className="utrecht-form-field__input">
        <Select
          id={id}
          name={props.name}
          value={props.value}
          required={props.required}
          invalid={Boolean(props.error)}
          aria-describedby={describedBy}
          onChange={(event) => props.onChange(event.target.value)}
        >
          {props.placeholder !== undefined && (
            <SelectOption value="">{props.placeholder}</SelectOption>
          )}
          {props.choices.map((choice) => (
            <SelectOption key={choice.value} value={choice.value}>
              {choice.label}
            </SelectOption>
          ))}
        </Select>
      </div>
    </FormField>
  );
}

interface GroupProps {
  legend: string;
  choices: Choice[];
  description?: ReactNode;
  error?: string;
  name: string;
}

function GroupFrame(props: GroupProps & { id: string; children: ReactNode }) {
  const describedBy = [
    props.description && `${props.id}-description`,
    props.error && `${props.id}-error`,
  ]
    .filter(Boolean)
    .join(" ");
  return (
    <Fieldset invalid={Boolean(props.error)} aria-describedby={describedBy || undefined}>
      <FieldsetLegend>{props.legend}</FieldsetLegend>
      <FieldNotes id={props.id} description={props.description} error={props.error} />
      {props.children}
    </Fieldset>
  );
}

function OptionRow(props: {
  id: string;
  label: string;
  hint?: string;
  type: "checkbox" | "radio";
  control: ReactNode;
}) {
  return (
    <FormField type={props.type}>
      <div className="utrecht-form-field__input">{props.control}</div>
      <div className="utrecht-form-field__label utrecht-form-field__label--checkbox">
        <FormLabel htmlFor={props.id} type={props.type}>
          {props.label}
        </FormLabel>
      </div>
      {props.hint && (
        <FormFieldDescription id={`${props.id}-hint`}>{props.hint}</FormFieldDescription>
      )}
    </FormField>
  );
}

export function CheckboxGroup(
  props: GroupProps & { values: string[]; onChange(values: string[]): void },
) {
  const id = useId();
  const toggle = (value: string, on: boolean) =>
    props.onChange(on ? [...props.values, value] : props.values.filter((v) => v !== value));
  return (
    <GroupFrame {...props} id={id}>
      {props.choices.map((choice, index) => {
        const optionId = `${id}-${index}`;
        return (
          <OptionRow
            key={choice.value}
            id={optionId}
            type="checkbox"
            label={choice.label}
            hint={choice.hint}
            control={
              <Checkbox
                id={optionId}
                name={props.name}
                value={choice.value}
                appearance="custom"
                checked={props.values.includes(choice.value)}
                aria-describedby={choice.hint ? `${optionId}-hint` : undefined}
                onChange={(event) => toggle(choice.value, event.target.checked)}
              />
            }
          />
        );
      })}
    </GroupFrame>
  );
}

export function RadioGroup(props: GroupProps & { value: string; onChange(value: string): void }) {
  const id = useId();
  return (
    <GroupFrame {...props} id={id}>
      {props.choices.map((choice, index) => {
        const optionId = `${id}-${index}`;
        return (
          <OptionRow
            key={choice.value}
            id={optionId}
            type="radio"
            label={choice.label}
            hint={choice.hint}
            control={
              <RadioButton
                id={optionId}
                name={props.name}
                value={choice.value}
                checked={props.value === choice.value}
                aria-describedby={choice.hint ? `${optionId}-hint` : undefined}
                onChange={() => props.onChange(choice.value)}
              />
            }
          />
        );
      })}
    </GroupFrame>
  );
}
