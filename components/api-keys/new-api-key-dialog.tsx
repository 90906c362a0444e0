"use client";

import { Check, Copy } from "lucide-react";
import { useEffect, useId, useState } from "react";
import { toast } from "sonner";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import {
  Dialog,
  DialogClose,
  DialogContent,
  DialogDescription,
  DialogFooter,
  DialogHeader,
  DialogTitle,
} from "@/components/ui/dialog";
import { Label } from "@/components/ui/label";
import { writeToClipboard } from "@/lib/utils/clipboard";

/**
 * The one time a key's secret is on screen. It lives only in the parent's state and is dropped
 * when this closes; a click outside does not close it, so the key is not lost by a stray click.
 */
export function NewApiKeyDialog({
  created,
  onClose,
}: {
  created: { key: string; name: string } | null;
  onClose: () => void;
}) {
  const inputId = useId();
  const [isCopied, setIsCopied] = useState(false);

  useEffect(() => {
    if (!isCopied) return;
    const timeout = setTimeout(() => setIsCopied(false), 2000);
    return () => clearTimeout(timeout);
  }, [isCopied]);

  async function copy() {
    if (!created) return;
    try {
      await writeToClipboard(created.key);
      setIsCopied(true);
    } catch {
      toast.error("Could not copy to the clipboard. Select the key and copy it by hand.");
    }
  }

  return (
    <Dialog
      open={created !== null}
      onOpenChange={(isOpen) => {
        if (!isOpen) {
          setIsCopied(false);
          onClose();
        }
      }}
    >
      <DialogContent hasCloseButton={false} onInteractOutside={(event) => event.preventDefault()}>
        <DialogHeader>
          <DialogTitle>Save your API key</DialogTitle>
          <DialogDescription>
            “{created?.name}” is ready. Send it as{" "}
            <code className="text-xs">Authorization: Bearer &lt;key&gt;</code>.
          </DialogDescription>
        </DialogHeader>
        <Alert variant="warning">
          <AlertTitle>You won’t see this key again</AlertTitle>
          <AlertDescription className="text-warning">
            Copy it now and keep it somewhere safe. Atelier stores only a fingerprint of it. If you
            lose it, revoke it and create a new one.
          </AlertDescription>
        </Alert>
        <div className="grid gap-2">
          <Label htmlFor={inputId}>API key</Label>
          <div className="flex gap-2">
            <input
              id={inputId}
              readOnly
              value={created?.key ?? ""}
              onFocus={(event) => event.currentTarget.select()}
              spellCheck={false}
              data-testid="new-api-key"
              className="h-9 min-w-0 flex-1 rounded-md border border-input bg-muted/40 px-3 font-mono text-sm outline-none focus-visible:border-ring focus-visible:ring-2 focus-visible:ring-ring/30"
            />
            <Button type="button" variant="outline" onClick={copy}>
              {isCopied ? <Check aria-hidden /> : <Copy aria-hidden />}
              {isCopied ? (
                "Copied"
              ) : (
                <>
                  Copy<span className="sr-only"> API key</span>
                </>
              )}
            </Button>
          </div>
          {/* Outside the button: a button's descendants are presentational to assistive tech. */}
          <span aria-live="polite" className="sr-only">
            {isCopied ? "API key copied to the clipboard" : ""}
          </span>
        </div>
        <DialogFooter>
          <DialogClose asChild>
            <Button type="button">I’ve saved my key</Button>
          </DialogClose>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}
