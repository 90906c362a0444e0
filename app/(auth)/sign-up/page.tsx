import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { AuthCard } from "@/components/auth/auth-card";
import { SignUpForm } from "@/components/auth/sign-up-form";
import { Alert } from "@/components/ui/alert";
import { invitationEmailOf } from "@/lib/accounts/invitations";
import { signUpRefusal } from "@/lib/accounts/sign-up-policy";
import { getSignUpRules } from "@/lib/accounts/sign-up-rules";
import { getActor } from "@/lib/auth/session";
import { safeCallbackUrl } from "@/lib/http/safe-callback";

export const metadata: Metadata = { title: "Create your account" };

export default async function SignUpPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const params = await searchParams;
  const callbackUrl = safeCallbackUrl(params.callbackUrl);
  if (await getActor()) redirect(callbackUrl);
  const invite = typeof params.invite === "string" ? params.invite : null;
  const [rules, invitedEmail] = await Promise.all([
    getSignUpRules(),
    invite ? invitationEmailOf(invite) : null,
  ]);
  // Closed and invitation-only instances say so before anyone fills the form.
  const refusal =
    rules.policy === "CLOSED" || (rules.policy === "INVITE_ONLY" && !invitedEmail)
      ? signUpRefusal({ rules, email: "", hasInvitation: Boolean(invitedEmail) })
      : null;
  return (
    <AuthCard title="Create your account" description="Free to join. Build a GPT in minutes.">
      {refusal ? (
        <div className="space-y-4">
          <Alert>
            {invite && !invitedEmail
              ? "This invitation has expired or has already been used. "
              : ""}
            {refusal}
          </Alert>
          <p className="text-center text-sm text-muted-foreground">
            Already have an account?{" "}
            <Link href="/sign-in" className="font-medium text-primary hover:underline">
              Sign in
            </Link>
          </p>
        </div>
      ) : (
        <SignUpForm
          callbackUrl={callbackUrl}
          invite={invitedEmail && invite ? { token: invite, email: invitedEmail } : undefined}
          allowedDomains={rules.policy === "DOMAINS" && !invitedEmail ? rules.allowedDomains : []}
        />
      )}
    </AuthCard>
  );
}
