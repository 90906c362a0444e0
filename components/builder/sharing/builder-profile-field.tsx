"use client";

import { UserRound } from "lucide-react";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { BUILDER_DISPLAY_NAME_MAX } from "@/lib/users/builder-profile-schema";

type BuilderProfileFieldProps = {
  id: string;
  value: string;
  onChange: (value: string) => void;
  error?: string | null;
  isDisabled?: boolean;
};

/**
 * Asked for in place (publish dialog, share dialog) the first time a creator makes a GPT public:
 * the store shows this name next to their GPTs. Prefilled with the account name by the caller.
 */
export function BuilderProfileField({
  id,
  value,
  onChange,
  error,
  isDisabled = false,
}: BuilderProfileFieldProps) {
  return (
    <div className="grid gap-3 rounded-lg border border-dashed bg-muted/30 p-3">
      <p className="flex items-start gap-2 text-sm">
        <UserRound aria-hidden="true" className="mt-0.5 size-4 shrink-0 text-muted-foreground" />
        <span>
          Public GPTs show their creator in the store. Choose the name people will see; you can
          change it later.
        </span>
      </p>
      <Field id={id} label="Creator display name" error={error} isRequired>
        <Input
          value={value}
          maxLength={BUILDER_DISPLAY_NAME_MAX}
          autoComplete="name"
          // Validated on submit with the server's schema, so the message sits next to the field.
          aria-required="true"
          disabled={isDisabled}
          onChange={(event) => onChange(event.target.value)}
        />
      </Field>
    </div>
  );
}
