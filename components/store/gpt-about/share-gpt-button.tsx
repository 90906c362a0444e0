"use client";

import { Check, Share2 } from "lucide-react";
import { useEffect, useState } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { writeToClipboard } from "@/lib/utils/clipboard";

/** Phones get the system share sheet; elsewhere (desktop share sheets are clumsy) we copy. */
function canUseShareSheet(): boolean {
  return typeof navigator.share === "function" && window.matchMedia("(pointer: coarse)").matches;
}

/** Shares the GPT page's URL: the share sheet on phones, else the link goes to the clipboard. */
export function ShareGptButton({ url, gptName }: { url: string; gptName: string }) {
  const [isCopied, setIsCopied] = useState(false);

  useEffect(() => {
    if (!isCopied) return;
    const timeout = setTimeout(() => setIsCopied(false), 2000);
    return () => clearTimeout(timeout);
  }, [isCopied]);

  async function share() {
    if (canUseShareSheet()) {
      try {
        await navigator.share({ title: gptName, url });
        return;
      } catch (error) {
        // Closing the sheet is not a failure; anything else falls back to copying.
        if (error instanceof DOMException && error.name === "AbortError") return;
      }
    }
    try {
      await writeToClipboard(url);
      setIsCopied(true);
      toast.success("Link copied to the clipboard");
    } catch {
      toast.error(`Could not copy the link. Copy it from the address bar: ${url}`);
    }
  }

  return (
    <Button variant="outline" size="sm" onClick={share} data-testid="share-gpt">
      {isCopied ? <Check aria-hidden="true" /> : <Share2 aria-hidden="true" />}
      {isCopied ? "Link copied" : "Share"}
    </Button>
  );
}
