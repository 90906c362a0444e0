import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { AuthCard } from "@/components/auth/auth-card";
import { SignUpForm } from "@/components/auth/sign-up-form";
import { getActor } from "@/lib/auth/session";
import { safeCallbackUrl } from "@/lib/http/safe-callback";

export const metadata: Metadata = { title: "Create your account" };

export default async function SignUpPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const callbackUrl = safeCallbackUrl((await searchParams).callbackUrl);
  if (await getActor()) redirect(callbackUrl);
  return (
    <AuthCard title="Create your account" description="Free to join. Build a GPT in minutes.">
      <SignUpForm callbackUrl={callbackUrl} />
    </AuthCard>
  );
}
