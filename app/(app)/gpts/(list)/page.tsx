import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { MyGptsList } from "@/components/builder/my-gpts-list";
import { getActor } from "@/lib/auth/session";
import { listMyGpts } from "@/lib/gpts/queries";

export const metadata: Metadata = { title: "My GPTs" };

export default async function MyGptsPage() {
  const actor = await getActor();
  if (!actor) redirect("/sign-in?callbackUrl=/gpts");
  const gpts = await listMyGpts({ actor });
  return (
    <main className="mx-auto w-full max-w-4xl px-4 py-8 sm:py-10">
      <MyGptsList initialGpts={gpts} renderedAt={Date.now()} />
    </main>
  );
}
