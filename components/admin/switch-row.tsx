import { Label } from "@/components/ui/label";
import { Switch } from "@/components/ui/switch";

/** A labelled switch with its explanation beside it, for settings inside forms. */
export function SwitchRow({
  id,
  label,
  description,
  isChecked,
  isDisabled = false,
  onChange,
}: {
  id: string;
  label: string;
  description: string;
  isChecked: boolean;
  isDisabled?: boolean;
  onChange: (checked: boolean) => void;
}) {
  return (
    <div className="flex items-start justify-between gap-4">
      <div className="grid gap-1">
        <Label htmlFor={id}>{label}</Label>
        <p id={`${id}-description`} className="text-sm text-muted-foreground">
          {description}
        </p>
      </div>
      <Switch
        id={id}
        checked={isChecked}
        disabled={isDisabled}
        onCheckedChange={onChange}
        aria-describedby={`${id}-description`}
        className="mt-0.5"
      />
    </div>
  );
}
