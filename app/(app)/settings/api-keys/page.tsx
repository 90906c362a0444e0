import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { ApiKeysSettings } from "@/components/api-keys/api-keys-settings";
import { getActor } from "@/lib/auth/session";
import { isBillingEnabled } from "@/lib/billing/stripe";

export const metadata: Metadata = { title: "API keys" };
export const dynamic = "force-dynamic";

/** Settings → API keys: keys for the OpenAI-compatible API, and GPT actions allowed over it. */
export default async function ApiKeysSettingsPage() {
  const actor = await getActor();
  if (!actor) redirect("/sign-in?callbackUrl=/settings/api-keys");
  return (
    <main className="mx-auto w-full max-w-4xl px-4 py-8 sm:py-10">
      <ApiKeysSettings hasBilling={isBillingEnabled()} />
    </main>
  );
}
