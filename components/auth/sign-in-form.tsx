"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { signIn } from "next-auth/react";
import { type FormEvent, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Separator } from "@/components/ui/separator";

const OAUTH_LABELS = { github: "Continue with GitHub", google: "Continue with Google" } as const;

const ERROR_MESSAGES: Record<string, string> = {
  Suspended: "This account has been suspended. Contact the administrator.",
  NoEmail: "Your provider did not share a verified email address, so we could not sign you in.",
  OAuthAccountNotLinked: "Sign in with the method you used when you created your account.",
  LinkRequiresSignIn:
    "An account with this email already exists. Sign in with its password (or reset it), then connect this provider in Settings → Security.",
  AlreadyLinked: "That account is already connected to another Atelier account.",
  SignUpRefused:
    "This Atelier is not open to new accounts from that address. Ask its administrator for an invitation.",
};

export function SignInForm({
  callbackUrl,
  oauthProviders,
  initialError,
  notice,
}: {
  callbackUrl: string;
  oauthProviders: ("github" | "google")[];
  initialError?: string;
  /** Why the user is here (signed out everywhere, password reset…), shown above the form. */
  notice?: string;
}) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(
    initialError ? (ERROR_MESSAGES[initialError] ?? "Sign-in failed. Please try again.") : null,
  );
  const [isPending, setIsPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setIsPending(true);
    setError(null);
    const result = await signIn("credentials", {
      email: String(form.get("email") ?? ""),
      password: String(form.get("password") ?? ""),
      redirect: false,
    });
    setIsPending(false);
    if (!result || result.error) {
      setError(
        result?.error && result.error !== "CredentialsSignin"
          ? result.error
          : "Incorrect email or password.",
      );
      return;
    }
    router.push(callbackUrl);
    router.refresh();
  }

  return (
    <div className="space-y-6">
      {error ? (
        <Alert variant="destructive">{error}</Alert>
      ) : notice ? (
        <Alert role="status">{notice}</Alert>
      ) : null}
      <form onSubmit={onSubmit} className="space-y-4" noValidate>
        <Field id="email" label="Email">
          <Input id="email" name="email" type="email" autoComplete="email" required />
        </Field>
        <Field id="password" label="Password">
          <Input
            id="password"
            name="password"
            type="password"
            autoComplete="current-password"
            required
          />
        </Field>
        <p className="-mt-2 text-right text-sm">
          <Link href="/forgot-password" className="font-medium text-primary hover:underline">
            Forgot password?
          </Link>
        </p>
        <Button type="submit" className="w-full" isLoading={isPending}>
          Sign in
        </Button>
      </form>
      {oauthProviders.length > 0 && (
        <>
          <div className="flex items-center gap-3 text-xs text-muted-foreground">
            <Separator className="flex-1" /> or <Separator className="flex-1" />
          </div>
          <div className="space-y-2">
            {oauthProviders.map((provider) => (
              <Button
                key={provider}
                type="button"
                variant="outline"
                className="w-full"
                onClick={() => signIn(provider, { callbackUrl })}
              >
                {OAUTH_LABELS[provider]}
              </Button>
            ))}
          </div>
        </>
      )}
      <p className="text-center text-sm text-muted-foreground">
        New to Atelier?{" "}
        <Link
          href={`/sign-up?callbackUrl=${encodeURIComponent(callbackUrl)}`}
          className="font-medium text-primary hover:underline"
        >
          Create an account
        </Link>
      </p>
    </div>
  );
}
