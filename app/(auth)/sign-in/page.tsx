import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { AuthCard } from "@/components/auth/auth-card";
import { SignInForm } from "@/components/auth/sign-in-form";
import { oauthProviderIds } from "@/lib/auth/options";
import { getActor } from "@/lib/auth/session";
import { safeCallbackUrl } from "@/lib/http/safe-callback";

export const metadata: Metadata = { title: "Sign in" };

/** `?notice=` values other pages send here with, and what the page then says. */
const NOTICES: Record<string, string> = {
  "signed-out-everywhere": "You’re signed out on every browser. Sign in again to continue.",
  "password-reset":
    "Your password is changed and every session has ended. Sign in with the new password.",
};

export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const params = await searchParams;
  const callbackUrl = safeCallbackUrl(params.callbackUrl);
  if (await getActor()) redirect(callbackUrl);
  const error = typeof params.error === "string" ? params.error : undefined;
  const notice = typeof params.notice === "string" ? NOTICES[params.notice] : undefined;
  return (
    <AuthCard title="Welcome back" description="Sign in to chat with GPTs and build your own.">
      <SignInForm
        callbackUrl={callbackUrl}
        oauthProviders={oauthProviderIds()}
        initialError={error}
        notice={notice}
      />
    </AuthCard>
  );
}
