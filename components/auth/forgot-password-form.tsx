"use client";

import { MailCheck } from "lucide-react";
import Link from "next/link";
import { type FormEvent, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { ApiError, requestJson } from "@/lib/admin/api-client";

/** "Forgot password": asks for the email; the answer never says whether it has an account. */
export function ForgotPasswordForm() {
  const [sentTo, setSentTo] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [isPending, setIsPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const email = String(new FormData(event.currentTarget).get("email") ?? "");
    setIsPending(true);
    setError(null);
    setFieldError(null);
    try {
      const result = await requestJson<{ email: string }>("/api/auth/password-reset", {
        method: "POST",
        body: { email },
      });
      setSentTo(result.email);
    } catch (caught) {
      const apiError = caught instanceof ApiError ? caught : null;
      setFieldError(apiError?.fieldErrors.email?.[0] ?? null);
      setError(apiError?.message ?? "We could not send the link. Please try again.");
    } finally {
      setIsPending(false);
    }
  }

  if (sentTo) {
    return (
      <div className="space-y-4" role="status">
        <div className="flex items-start gap-3 rounded-lg border bg-muted/40 p-4 text-sm">
          <MailCheck className="mt-0.5 size-5 shrink-0 text-primary" aria-hidden />
          <p>
            If an account uses <strong className="break-all">{sentTo}</strong>, we sent it a link to
            choose a new password. The link works for 30 minutes; check your spam folder if it does
            not arrive.
          </p>
        </div>
        <Link
          href="/sign-in"
          className="block text-center text-sm font-medium text-primary hover:underline"
        >
          Back to sign in
        </Link>
      </div>
    );
  }

  return (
    <div className="space-y-6">
      {error && !fieldError ? <Alert variant="destructive">{error}</Alert> : null}
      <form onSubmit={onSubmit} className="space-y-4" noValidate>
        <Field id="email" label="Email" error={fieldError}>
          <Input id="email" name="email" type="email" autoComplete="email" required />
        </Field>
        <Button type="submit" className="w-full" isLoading={isPending}>
          Send reset link
        </Button>
      </form>
      <p className="text-center text-sm text-muted-foreground">
        Remembered it?{" "}
        <Link href="/sign-in" className="font-medium text-primary hover:underline">
          Sign in
        </Link>
      </p>
    </div>
  );
}
