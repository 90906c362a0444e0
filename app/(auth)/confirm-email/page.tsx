import type { Metadata } from "next";
import { AuthCard } from "@/components/auth/auth-card";
import { EmailLinkConfirmation } from "@/components/auth/email-link-confirmation";

export const metadata: Metadata = { title: "Confirm your new email" };

export default async function ConfirmEmailPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { token } = await searchParams;
  return (
    <AuthCard
      title="Confirm your new email"
      description="Your account’s email changes to this address."
    >
      <EmailLinkConfirmation
        endpoint="/api/auth/confirm-email"
        token={typeof token === "string" ? token : ""}
        successTitle="Your account’s email is now"
        failureHint="Ask for a new link from Settings → Security."
      />
    </AuthCard>
  );
}
