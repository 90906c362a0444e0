"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { signIn } from "next-auth/react";
import { type FormEvent, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { PASSWORD_MIN_LENGTH } from "@/lib/auth/schemas";

type FieldErrors = Partial<Record<"name" | "email" | "password", string[]>>;

export function SignUpForm({
  callbackUrl,
  invite,
  allowedDomains = [],
}: {
  callbackUrl: string;
  /** Opened from an invitation link: the address it was sent to, fixed. */
  invite?: { token: string; email: string };
  /** The sign-up policy's domains, shown as a hint under the email field. */
  allowedDomains?: string[];
}) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [isPending, setIsPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const input = {
      name: String(form.get("name") ?? ""),
      email: String(form.get("email") ?? ""),
      password: String(form.get("password") ?? ""),
      ...(invite ? { invite: invite.token } : {}),
    };
    setIsPending(true);
    setError(null);
    setFieldErrors({});
    try {
      const response = await fetch("/api/auth/sign-up", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(input),
      });
      if (!response.ok) {
        const body = await response.json().catch(() => null);
        setError(body?.error?.message ?? "We could not create your account. Please try again.");
        setFieldErrors(body?.error?.fieldErrors ?? {});
        return;
      }
      const result = await signIn("credentials", {
        email: input.email,
        password: input.password,
        redirect: false,
      });
      if (!result || result.error) {
        setError("Your account was created, but signing in failed. Please sign in.");
        return;
      }
      router.push(callbackUrl);
      router.refresh();
    } catch {
      setError("Network error. Check your connection and try again.");
    } finally {
      setIsPending(false);
    }
  }

  return (
    <div className="space-y-6">
      {error && <Alert variant="destructive">{error}</Alert>}
      <form onSubmit={onSubmit} className="space-y-4" noValidate>
        <Field id="name" label="Name" error={fieldErrors.name?.[0]}>
          <Input id="name" name="name" autoComplete="name" required maxLength={80} />
        </Field>
        <Field
          id="email"
          label="Email"
          description={
            invite
              ? "The address you were invited at."
              : allowedDomains.length > 0
                ? `Use your address at ${allowedDomains.join(", ")}.`
                : undefined
          }
          error={fieldErrors.email?.[0]}
        >
          <Input
            id="email"
            name="email"
            type="email"
            autoComplete="email"
            required
            defaultValue={invite?.email}
            readOnly={Boolean(invite)}
          />
        </Field>
        <Field
          id="password"
          label="Password"
          description={`At least ${PASSWORD_MIN_LENGTH} characters; avoid common passwords.`}
          error={fieldErrors.password?.[0]}
        >
          <Input
            id="password"
            name="password"
            type="password"
            autoComplete="new-password"
            required
            minLength={PASSWORD_MIN_LENGTH}
          />
        </Field>
        <Button type="submit" className="w-full" isLoading={isPending}>
          Create account
        </Button>
      </form>
      <p className="text-center text-sm text-muted-foreground">
        Already have an account?{" "}
        <Link
          href={`/sign-in?callbackUrl=${encodeURIComponent(callbackUrl)}`}
          className="font-medium text-primary hover:underline"
        >
          Sign in
        </Link>
      </p>
    </div>
  );
}
