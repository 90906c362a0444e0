"use client";

import { Plus, Wand2 } from "lucide-react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import { toast } from "sonner";
import { ImportGptButton } from "@/components/builder/import-gpt-button";
import {
  AlertDialog,
  AlertDialogAction,
  AlertDialogCancel,
  AlertDialogContent,
  AlertDialogDescription,
  AlertDialogFooter,
  AlertDialogHeader,
  AlertDialogTitle,
} from "@/components/ui/alert-dialog";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { useDeleteGpt, useDuplicateGpt, useMyGpts } from "@/lib/gpts/hooks";
import type { MyGptSummary } from "@/lib/gpts/queries";
import { MyGptRow } from "./my-gpt-row";

function CreateGptButton() {
  return (
    <Button asChild>
      <Link href="/gpts/new">
        <Plus aria-hidden="true" />
        Create a GPT
      </Link>
    </Button>
  );
}

/**
 * "My GPTs": the creator's GPTs with status, visibility, chats, remixes and last edit, and
 * Create, Import, Edit, View, Duplicate and Delete. Deleting removes the row at once and puts it
 * back if the server refuses.
 */
export function MyGptsList({
  initialGpts,
  renderedAt,
}: {
  initialGpts: MyGptSummary[];
  /** The server's clock, so the first render's relative times match the HTML. */
  renderedAt: number;
}) {
  const router = useRouter();
  const { data: gpts } = useMyGpts(initialGpts);
  const deleteGpt = useDeleteGpt();
  const duplicateGpt = useDuplicateGpt();
  const [pendingDelete, setPendingDelete] = useState<MyGptSummary | null>(null);
  const [now, setNow] = useState(renderedAt);

  // Relative times follow the browser's clock once hydrated.
  useEffect(() => setNow(Date.now()), []);

  function duplicate(gpt: MyGptSummary) {
    duplicateGpt.mutate(
      { gptId: gpt.id },
      {
        onSuccess: (copy) =>
          toast.success(`Created “${copy.name}”`, {
            description: "A private draft with the same settings.",
            action: { label: "Edit", onClick: () => router.push(`/gpts/${copy.id}/edit`) },
          }),
        onError: (error) => toast.error(error.message),
      },
    );
  }

  function confirmDelete(gpt: MyGptSummary) {
    setPendingDelete(null);
    deleteGpt.mutate(
      { gptId: gpt.id },
      {
        onSuccess: () => toast.success(`Deleted “${gpt.name}”`),
        onError: (error) => toast.error(`“${gpt.name}” was not deleted. ${error.message}`),
      },
    );
  }

  const hasGpts = gpts.length > 0;
  return (
    <>
      <PageHeader
        title="My GPTs"
        description="Build GPTs for yourself or the store, preview them, and publish new versions."
        actions={
          <>
            <ImportGptButton />
            {hasGpts ? <CreateGptButton /> : null}
          </>
        }
      />
      {hasGpts ? (
        <ul className="divide-y overflow-hidden rounded-xl border bg-card" aria-label="Your GPTs">
          {gpts.map((gpt) => (
            <MyGptRow
              key={gpt.id}
              gpt={gpt}
              now={now}
              isDuplicating={duplicateGpt.isPending && duplicateGpt.variables?.gptId === gpt.id}
              onDuplicate={() => duplicate(gpt)}
              onDelete={() => setPendingDelete(gpt)}
            />
          ))}
        </ul>
      ) : (
        <EmptyState
          icon={Wand2}
          title="You haven’t built a GPT yet"
          description="Give it a name, instructions and a few conversation starters, try it in the preview, then publish it for yourself, for people with the link, or for the whole store. Or import one exported from Atelier."
          action={<CreateGptButton />}
        />
      )}
      <AlertDialog
        open={pendingDelete !== null}
        onOpenChange={(open) => {
          if (!open) setPendingDelete(null);
        }}
      >
        <AlertDialogContent>
          <AlertDialogHeader>
            <AlertDialogTitle>Delete “{pendingDelete?.name}”?</AlertDialogTitle>
            <AlertDialogDescription>
              It leaves the store and your GPTs, and nobody can start a new chat with it. Existing
              conversations keep their history and show that this GPT is no longer available. This
              can’t be undone.
            </AlertDialogDescription>
          </AlertDialogHeader>
          <AlertDialogFooter>
            <AlertDialogCancel>Cancel</AlertDialogCancel>
            <AlertDialogAction
              variant="destructive"
              onClick={() => pendingDelete && confirmDelete(pendingDelete)}
            >
              Delete GPT
            </AlertDialogAction>
          </AlertDialogFooter>
        </AlertDialogContent>
      </AlertDialog>
    </>
  );
}
