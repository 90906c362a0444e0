import type { Metadata } from "next";
import Link from "next/link";
import { AuthCard } from "@/components/auth/auth-card";
import { ResetPasswordForm } from "@/components/auth/reset-password-form";
import { Alert } from "@/components/ui/alert";
import { isEmailTokenUsable } from "@/lib/accounts/email-tokens";

export const metadata: Metadata = { title: "Choose a new password" };

export default async function ResetPasswordPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const token = (await searchParams).token;
  const isUsable =
    typeof token === "string" && (await isEmailTokenUsable({ token, purpose: "RESET_PASSWORD" }));
  return (
    <AuthCard
      title="Choose a new password"
      description="Every browser signed in to your account is signed out when you save it."
    >
      {isUsable ? (
        <ResetPasswordForm token={token} />
      ) : (
        <Alert variant="destructive">
          This link has expired or has already been used.{" "}
          <Link href="/forgot-password" className="font-medium underline">
            Send a new link
          </Link>
        </Alert>
      )}
    </AuthCard>
  );
}
