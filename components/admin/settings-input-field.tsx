import type { ComponentProps, ReactNode } from "react";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";

type InputProps = Omit<ComponentProps<typeof Input>, "id" | "name" | "value" | "onChange">;

/**
 * One settings value typed into a short box, kept as text until save. Its id is
 * `settings-<name>`, which the form focuses when the field has an error.
 */
export function SettingsInputField({
  name,
  label,
  description,
  error,
  value,
  onChange,
  ...inputProps
}: InputProps & {
  name: string;
  label: string;
  description: ReactNode;
  error?: string;
  value: string;
  onChange: (value: string) => void;
}) {
  return (
    <Field
      id={`settings-${name}`}
      className="content-start"
      label={label}
      error={error}
      description={description}
    >
      <Input
        name={name}
        required
        value={value}
        className="tabular-nums sm:max-w-48"
        onChange={(event) => onChange(event.target.value)}
        {...inputProps}
      />
    </Field>
  );
}

/** A whole-number settings value: numeric keyboard, stepper, and the range the API accepts. */
export function SettingsNumberField(
  props: Omit<ComponentProps<typeof SettingsInputField>, "type" | "inputMode" | "step">,
) {
  return <SettingsInputField type="number" inputMode="numeric" step={1} {...props} />;
}
