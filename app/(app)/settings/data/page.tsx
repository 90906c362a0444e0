import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { DataSettings } from "@/components/account/data-settings";
import { PageHeader } from "@/components/ui/page-header";
import { getAccountDataFacts } from "@/lib/accounts/data-queries";
import { getActor } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Your data" };
export const dynamic = "force-dynamic";

export default async function DataSettingsPage() {
  const actor = await getActor();
  if (!actor) redirect("/sign-in?callbackUrl=/settings/data");
  const facts = await getAccountDataFacts(actor);
  return (
    <main className="mx-auto grid w-full max-w-4xl gap-6 px-4 py-8 sm:py-10">
      <PageHeader
        title="Your data"
        description="Take a copy of everything your account holds, or delete your account."
      />
      <DataSettings facts={facts} />
    </main>
  );
}
