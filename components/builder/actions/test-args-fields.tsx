"use client";

import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { Textarea } from "@/components/ui/textarea";
import { type ArgField, BODY_KEY } from "./test-args";

const LOCATION_LABELS: Record<ArgField["location"], string | null> = {
  path: "path",
  query: "query",
  header: "header",
  cookie: "cookie",
  argument: null,
};

/** Field gives its control an id and aria props: pass them on, so the label names the input. */
type ControlProps = {
  id?: string;
  "aria-describedby"?: string;
  "aria-invalid"?: boolean | "true" | "false";
};

function ArgInput({
  field,
  value,
  onChange,
  ...controlProps
}: ControlProps & {
  field: ArgField;
  value: string;
  onChange: (value: string) => void;
}) {
  const common = {
    ...controlProps,
    required: field.isRequired,
    autoComplete: "off",
    spellCheck: false,
  };
  if (field.control === "enum" || field.control === "boolean") {
    const options = field.control === "boolean" ? ["true", "false"] : field.options;
    return (
      <Select
        {...controlProps}
        value={value}
        required={field.isRequired}
        onChange={(event) => onChange(event.target.value)}
      >
        <option value="">{field.isRequired ? "Choose…" : "(not sent)"}</option>
        {options.map((option) => (
          <option key={option} value={option}>
            {option}
          </option>
        ))}
      </Select>
    );
  }
  if (field.control === "json") {
    return (
      <Textarea
        {...common}
        value={value}
        rows={3}
        className="font-mono text-xs md:text-xs"
        onChange={(event) => onChange(event.target.value)}
      />
    );
  }
  const isNumber = field.control === "number" || field.control === "integer";
  return (
    <Input
      {...common}
      type={isNumber ? "number" : "text"}
      step={field.control === "integer" ? 1 : isNumber ? "any" : undefined}
      inputMode={field.control === "integer" ? "numeric" : isNumber ? "decimal" : undefined}
      value={value}
      onChange={(event) => onChange(event.target.value)}
    />
  );
}

/** The Test form's inputs, generated from the operation's parameters (or tool arguments). */
export function TestArgsFields({
  idPrefix,
  fields,
  values,
  errors,
  body,
  onChange,
  onBodyChange,
}: {
  idPrefix: string;
  fields: ArgField[];
  values: Record<string, string>;
  errors: Record<string, string>;
  body: { text: string; isRequired: boolean; contentType: string } | null;
  onChange: (name: string, value: string) => void;
  onBodyChange: (text: string) => void;
}) {
  if (fields.length === 0 && !body) {
    return <p className="text-sm text-muted-foreground">This operation takes no input.</p>;
  }
  return (
    <div className="grid gap-4">
      {fields.map((field) => {
        const location = LOCATION_LABELS[field.location];
        return (
          <Field
            key={`${field.location}-${field.name}`}
            id={`${idPrefix}-${field.location}-${field.name}`}
            label={
              <>
                <span className="font-mono">{field.name}</span>
                {location ? (
                  <span className="text-xs font-normal text-muted-foreground">{location}</span>
                ) : null}
                {field.isRequired ? <span className="sr-only">(required)</span> : null}
              </>
            }
            isRequired={field.isRequired}
            description={field.description ?? undefined}
            error={errors[field.name] ?? null}
          >
            <ArgInput
              field={field}
              value={values[field.name] ?? ""}
              onChange={(value) => onChange(field.name, value)}
            />
          </Field>
        );
      })}
      {body ? (
        <Field
          id={`${idPrefix}-body`}
          label={
            <>
              Request body
              <span className="text-xs font-normal text-muted-foreground">{body.contentType}</span>
              {body.isRequired ? <span className="sr-only">(required)</span> : null}
            </>
          }
          isRequired={body.isRequired}
          description="JSON. Prefilled with the required properties."
          error={errors[BODY_KEY] ?? null}
        >
          <Textarea
            value={body.text}
            rows={8}
            spellCheck={false}
            autoCapitalize="off"
            autoCorrect="off"
            className="font-mono text-xs md:text-xs"
            onChange={(event) => onBodyChange(event.target.value)}
          />
        </Field>
      ) : null}
    </div>
  );
}
