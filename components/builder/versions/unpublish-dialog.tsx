"use client";

import { useState } from "react";
import {
  AlertDialog,
  AlertDialogCancel,
  AlertDialogContent,
  AlertDialogDescription,
  AlertDialogFooter,
  AlertDialogHeader,
  AlertDialogTitle,
} from "@/components/ui/alert-dialog";
import { Button } from "@/components/ui/button";

type UnpublishDialogProps = {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  gptName: string;
  versionNumber: number;
  /** Resolves true once unpublished; reports its own errors. */
  onUnpublish: () => Promise<boolean>;
};

export function UnpublishDialog({
  open,
  onOpenChange,
  gptName,
  versionNumber,
  onUnpublish,
}: UnpublishDialogProps) {
  const [isPending, setIsPending] = useState(false);

  async function confirm() {
    setIsPending(true);
    try {
      if (await onUnpublish()) onOpenChange(false);
    } finally {
      setIsPending(false);
    }
  }

  return (
    <AlertDialog
      open={open}
      onOpenChange={(next) => {
        if (!isPending) onOpenChange(next);
      }}
    >
      <AlertDialogContent>
        <AlertDialogHeader>
          <AlertDialogTitle>Unpublish {gptName ? `“${gptName}”` : "this GPT"}?</AlertDialogTitle>
          <AlertDialogDescription>
            It leaves the store and its page stops working for everyone else, including people with
            the link. Version {versionNumber} and earlier stay in your version history, and you can
            publish again at any time.
          </AlertDialogDescription>
        </AlertDialogHeader>
        <AlertDialogFooter>
          <AlertDialogCancel disabled={isPending}>Cancel</AlertDialogCancel>
          <Button variant="destructive" isLoading={isPending} onClick={() => void confirm()}>
            Unpublish
          </Button>
        </AlertDialogFooter>
      </AlertDialogContent>
    </AlertDialog>
  );
}
