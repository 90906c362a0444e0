import { Children, cloneElement, isValidElement, type ReactElement, type ReactNode } from "react";
import { cn } from "@/lib/utils/cn";
import { Label } from "./label";

type ControlProps = {
  id?: string;
  "aria-describedby"?: string;
  "aria-invalid"?: boolean | "true" | "false";
};

type FieldProps = {
  /** Given to the control, and the base of the description and error ids. */
  id: string;
  label: ReactNode;
  description?: ReactNode;
  error?: string | null;
  /** Shows a required marker; still set `required` on the control itself. */
  isRequired?: boolean;
  className?: string;
  /** Exactly one control (Input, Textarea, Select, Switch...). It receives id and aria props. */
  children: ReactElement<ControlProps>;
};

export function Field({
  id,
  label,
  description,
  error,
  isRequired = false,
  className,
  children,
}: FieldProps) {
  const descriptionId = description ? `${id}-description` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const control = Children.only(children);
  const describedBy = [control.props["aria-describedby"], descriptionId, errorId]
    .filter(Boolean)
    .join(" ");

  return (
    <div className={cn("grid gap-2", className)}>
      <Label htmlFor={id}>
        {label}
        {isRequired ? (
          <span aria-hidden="true" className="text-destructive">
            *
          </span>
        ) : null}
      </Label>
      {isValidElement(control)
        ? cloneElement(control, {
            id,
            "aria-describedby": describedBy || undefined,
            "aria-invalid": error ? true : control.props["aria-invalid"],
          })
        : control}
      {description ? (
        <p id={descriptionId} className="text-sm text-muted-foreground">
          {description}
        </p>
      ) : null}
      {error ? (
        <p id={errorId} role="alert" className="text-sm font-medium text-destructive">
          {error}
        </p>
      ) : null}
    </div>
  );
}
