"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { type FormEvent, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { ApiError, requestJson } from "@/lib/admin/api-client";
import { PASSWORD_MIN_LENGTH } from "@/lib/auth/schemas";

/** The reset link's page: a new password, then sign in with it. */
export function ResetPasswordForm({ token }: { token: string }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [isPending, setIsPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const password = String(form.get("password") ?? "");
    if (password !== String(form.get("confirm") ?? "")) {
      setFieldError(null);
      setError("The two passwords are not the same.");
      return;
    }
    setIsPending(true);
    setError(null);
    setFieldError(null);
    try {
      await requestJson("/api/auth/password-reset/complete", {
        method: "POST",
        body: { token, password },
      });
      router.push("/sign-in?notice=password-reset");
    } catch (caught) {
      const apiError = caught instanceof ApiError ? caught : null;
      setFieldError(apiError?.fieldErrors.password?.[0] ?? null);
      setError(apiError?.message ?? "We could not change your password. Please try again.");
      setIsPending(false);
    }
  }

  return (
    <div className="space-y-6">
      {error ? (
        <Alert variant="destructive">
          {error}{" "}
          {!fieldError && error.includes("expired") ? (
            <Link href="/forgot-password" className="font-medium underline">
              Send a new link
            </Link>
          ) : null}
        </Alert>
      ) : null}
      <form onSubmit={onSubmit} className="space-y-4" noValidate>
        <Field
          id="password"
          label="New password"
          description={`At least ${PASSWORD_MIN_LENGTH} characters; avoid common passwords.`}
          error={fieldError}
        >
          <Input
            id="password"
            name="password"
            type="password"
            autoComplete="new-password"
            required
          />
        </Field>
        <Field id="confirm" label="Repeat the new password">
          <Input id="confirm" name="confirm" type="password" autoComplete="new-password" required />
        </Field>
        <Button type="submit" className="w-full" isLoading={isPending}>
          Set new password
        </Button>
      </form>
    </div>
  );
}
