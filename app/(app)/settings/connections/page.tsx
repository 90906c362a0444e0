import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { ConnectedAccounts } from "@/components/account/connected-accounts";
import { getActor } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Connected accounts" };

export default async function ConnectedAccountsPage() {
  const actor = await getActor();
  if (!actor) redirect("/sign-in?callbackUrl=/settings/connections");
  return (
    <main className="mx-auto w-full max-w-4xl px-4 py-8 sm:py-10">
      <ConnectedAccounts />
    </main>
  );
}
