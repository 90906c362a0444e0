"use client";

import { BadgeCheck, MailWarning } from "lucide-react";
import { type FormEvent, useState } from "react";
import { toast } from "sonner";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { useRequestEmailChange, useResendVerification } from "@/lib/accounts/hooks";
import type { AccountSecurity } from "@/lib/accounts/queries";
import { ApiError } from "@/lib/admin/api-client";

/** Settings → Security → Email: the address, whether it is verified, and changing it. */
export function AccountEmailCard({ account }: { account: AccountSecurity }) {
  const resend = useResendVerification();
  const change = useRequestEmailChange();
  const [isChanging, setIsChanging] = useState(false);
  const [pendingAddress, setPendingAddress] = useState<string | null>(null);
  const fieldErrors = change.error instanceof ApiError ? change.error.fieldErrors : {};

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    change.mutate(
      {
        newEmail: String(form.get("newEmail") ?? ""),
        currentPassword: account.hasPassword
          ? String(form.get("currentPassword") ?? "")
          : undefined,
      },
      {
        onSuccess: ({ newEmail }) => {
          setPendingAddress(newEmail);
          setIsChanging(false);
        },
      },
    );
  }

  return (
    <section aria-labelledby="email-heading" className="grid gap-4 rounded-xl border bg-card p-4">
      <div className="flex flex-col gap-3 sm:flex-row sm:items-start sm:justify-between">
        <div className="grid min-w-0 gap-1">
          <h2 id="email-heading" className="font-semibold">
            Email
          </h2>
          <p className="flex flex-wrap items-center gap-2 text-sm">
            <span className="break-all" data-testid="account-email">
              {account.email}
            </span>
            {account.isEmailVerified ? (
              <Badge variant="secondary">
                <BadgeCheck className="size-3.5" aria-hidden /> Verified
              </Badge>
            ) : (
              <Badge variant="outline">
                <MailWarning className="size-3.5" aria-hidden /> Not verified
              </Badge>
            )}
          </p>
        </div>
        <div className="flex flex-wrap gap-2">
          {account.isEmailVerified ? null : (
            <Button
              variant="outline"
              size="sm"
              isLoading={resend.isPending}
              onClick={() =>
                resend.mutate(undefined, {
                  onSuccess: ({ email }) => toast.success(`We sent a new link to ${email}.`),
                  onError: (error) => toast.error(error.message),
                })
              }
            >
              Send verification link
            </Button>
          )}
          {isChanging ? null : (
            <Button variant="outline" size="sm" onClick={() => setIsChanging(true)}>
              Change email
            </Button>
          )}
        </div>
      </div>
      {account.isEmailVerified ? null : (
        <p className="text-sm text-muted-foreground">
          Verify your address so you can reset your password by email and connect GitHub or Google
          to this account.
        </p>
      )}
      {pendingAddress ? (
        <p role="status" className="rounded-lg bg-muted/60 p-3 text-sm">
          We sent a link to <strong className="break-all">{pendingAddress}</strong>. Your email
          changes when you open it.
        </p>
      ) : null}
      {isChanging ? (
        <form onSubmit={onSubmit} className="grid gap-4 border-t pt-4 sm:max-w-md" noValidate>
          {change.error && !fieldErrors.newEmail && !fieldErrors.currentPassword ? (
            <p role="alert" className="text-sm text-destructive">
              {change.error.message}
            </p>
          ) : null}
          <Field id="newEmail" label="New email" error={fieldErrors.newEmail?.[0]}>
            <Input id="newEmail" name="newEmail" type="email" autoComplete="email" required />
          </Field>
          {account.hasPassword ? (
            <Field
              id="email-current-password"
              label="Current password"
              error={fieldErrors.currentPassword?.[0]}
            >
              <Input
                id="email-current-password"
                name="currentPassword"
                type="password"
                autoComplete="current-password"
                required
              />
            </Field>
          ) : null}
          <div className="flex gap-2">
            <Button type="submit" size="sm" isLoading={change.isPending}>
              Send confirmation link
            </Button>
            <Button
              type="button"
              variant="ghost"
              size="sm"
              onClick={() => {
                setIsChanging(false);
                change.reset();
              }}
            >
              Cancel
            </Button>
          </div>
        </form>
      ) : null}
    </section>
  );
}
