"use client";

import { Trash2 } from "lucide-react";
import { useState } from "react";
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

/**
 * Removes a file from the draft. A file the published GPT answers from asks first: it keeps
 * answering store users until the next publish, which is easy to miss.
 */
export function RemoveFileButton({
  fileName,
  isLive,
  isPending = false,
  onRemove,
}: {
  fileName: string;
  isLive: boolean;
  isPending?: boolean;
  onRemove: () => void;
}) {
  const [isConfirming, setIsConfirming] = useState(false);
  const button = (
    <Button
      type="button"
      variant="ghost"
      size="icon"
      className="size-8 text-muted-foreground hover:text-destructive"
      isLoading={isPending}
      aria-label={`Remove ${fileName}`}
      onClick={() => (isLive ? setIsConfirming(true) : onRemove())}
    >
      <Trash2 aria-hidden="true" />
    </Button>
  );
  if (!isLive) return button;
  return (
    <>
      {button}
      <AlertDialog open={isConfirming} onOpenChange={setIsConfirming}>
        <AlertDialogContent>
          <AlertDialogHeader>
            <AlertDialogTitle className="break-words">Remove {fileName}?</AlertDialogTitle>
            <AlertDialogDescription>
              It leaves the draft now. Stays in the published GPT until you publish again.
            </AlertDialogDescription>
          </AlertDialogHeader>
          <AlertDialogFooter>
            <AlertDialogCancel>Cancel</AlertDialogCancel>
            <AlertDialogAction variant="destructive" onClick={onRemove}>
              Remove from draft
            </AlertDialogAction>
          </AlertDialogFooter>
        </AlertDialogContent>
      </AlertDialog>
    </>
  );
}
