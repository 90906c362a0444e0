import { Label } from "@/components/ui/label";
import { Switch } from "@/components/ui/switch";

/** A labelled switch with its explanation and, if any, the field's error. */
export function KnowledgeSwitchRow({
  id,
  label,
  description,
  checked,
  error,
  onCheckedChange,
}: {
  id: string;
  label: string;
  description: string;
  checked: boolean;
  error?: string;
  onCheckedChange: (checked: boolean) => void;
}) {
  return (
    <div className="flex items-start justify-between gap-4">
      <div className="grid gap-1">
        <Label htmlFor={id} className="leading-snug">
          {label}
        </Label>
        <p id={`${id}-description`} className="text-sm text-muted-foreground">
          {description}
        </p>
        {error ? (
          <p id={`${id}-error`} role="alert" className="text-sm font-medium text-destructive">
            {error}
          </p>
        ) : null}
      </div>
      <Switch
        id={id}
        checked={checked}
        className="mt-0.5"
        aria-describedby={`${id}-description${error ? ` ${id}-error` : ""}`}
        aria-invalid={error ? true : undefined}
        onCheckedChange={onCheckedChange}
      />
    </div>
  );
}
