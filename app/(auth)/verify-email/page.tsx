import type { Metadata } from "next";
import { AuthCard } from "@/components/auth/auth-card";
import { EmailLinkConfirmation } from "@/components/auth/email-link-confirmation";

export const metadata: Metadata = { title: "Verify your email" };

export default async function VerifyEmailPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { token } = await searchParams;
  return (
    <AuthCard title="Verify your email" description="Confirming that this address is yours.">
      <EmailLinkConfirmation
        endpoint="/api/auth/verify-email"
        token={typeof token === "string" ? token : ""}
        successTitle="Verified:"
        failureHint="Sign in and send a new link from Settings → Security."
      />
    </AuthCard>
  );
}
