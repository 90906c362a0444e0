"use client";

import { type FormEvent, useRef } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { useChangePassword } from "@/lib/accounts/hooks";
import type { AccountSecurity } from "@/lib/accounts/queries";
import { ApiError } from "@/lib/admin/api-client";
import { PASSWORD_MIN_LENGTH } from "@/lib/auth/schemas";

/**
 * Settings → Security → Password: change it (with the current one), or set a first one on an
 * account made with GitHub or Google. Other browsers are signed out.
 */
export function PasswordCard({ account }: { account: AccountSecurity }) {
  const change = useChangePassword();
  const formRef = useRef<HTMLFormElement>(null);
  const fieldErrors = change.error instanceof ApiError ? change.error.fieldErrors : {};

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    change.mutate(
      {
        currentPassword: account.hasPassword
          ? String(form.get("currentPassword") ?? "")
          : undefined,
        newPassword: String(form.get("newPassword") ?? ""),
      },
      {
        onSuccess: ({ otherSessionsSignedOut }) => {
          formRef.current?.reset();
          toast.success(
            otherSessionsSignedOut > 0
              ? `Password saved. ${otherSessionsSignedOut} other ${otherSessionsSignedOut === 1 ? "browser was" : "browsers were"} signed out.`
              : "Password saved.",
          );
        },
      },
    );
  }

  return (
    <section
      aria-labelledby="password-heading"
      className="grid gap-4 rounded-xl border bg-card p-4"
    >
      <div className="grid gap-1">
        <h2 id="password-heading" className="font-semibold">
          {account.hasPassword ? "Change password" : "Set a password"}
        </h2>
        <p className="text-sm text-muted-foreground">
          {account.hasPassword
            ? "Every other browser signed in to your account is signed out; this one stays signed in."
            : "You sign in with GitHub or Google. A password lets you sign in with your email too."}
        </p>
      </div>
      <form ref={formRef} onSubmit={onSubmit} className="grid gap-4 sm:max-w-md" noValidate>
        {change.error && !fieldErrors.currentPassword && !fieldErrors.newPassword ? (
          <p role="alert" className="text-sm text-destructive">
            {change.error.message}
          </p>
        ) : null}
        {account.hasPassword ? (
          <Field
            id="currentPassword"
            label="Current password"
            error={fieldErrors.currentPassword?.[0]}
          >
            <Input
              id="currentPassword"
              name="currentPassword"
              type="password"
              autoComplete="current-password"
              required
            />
          </Field>
        ) : null}
        <Field
          id="newPassword"
          label="New password"
          description={`At least ${PASSWORD_MIN_LENGTH} characters; avoid common passwords.`}
          error={fieldErrors.newPassword?.[0]}
        >
          <Input
            id="newPassword"
            name="newPassword"
            type="password"
            autoComplete="new-password"
            required
          />
        </Field>
        <div>
          <Button type="submit" size="sm" isLoading={change.isPending}>
            Save password
          </Button>
        </div>
      </form>
    </section>
  );
}
