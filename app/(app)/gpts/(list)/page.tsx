import { Plus, Wand2 } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { MyGptsList } from "@/components/builder/my-gpts-list";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { getActor } from "@/lib/auth/session";
import { listMyGpts } from "@/lib/gpts/queries";

export const metadata: Metadata = { title: "My GPTs" };

export default async function MyGptsPage() {
  const actor = await getActor();
  if (!actor) redirect("/sign-in?callbackUrl=/gpts");
  const gpts = await listMyGpts({ actor });
  const createButton = (
    <Button asChild>
      <Link href="/gpts/new">
        <Plus aria-hidden="true" />
        Create a GPT
      </Link>
    </Button>
  );
  return (
    <main className="mx-auto w-full max-w-4xl px-4 py-8 sm:py-10">
      <PageHeader
        title="My GPTs"
        description="Build GPTs for yourself or the store, preview them, and publish new versions."
        actions={gpts.length > 0 ? createButton : null}
      />
      {gpts.length > 0 ? (
        <MyGptsList gpts={gpts} />
      ) : (
        <EmptyState
          icon={Wand2}
          title="You haven’t built a GPT yet"
          description="Give it a name, instructions and a few conversation starters, try it in the preview, then publish it for yourself, for people with the link, or for the whole store."
          action={createButton}
        />
      )}
    </main>
  );
}
