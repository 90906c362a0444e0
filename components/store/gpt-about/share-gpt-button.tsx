"use client";

import { Check, Share2 } from "lucide-react";
import { useEffect, useState } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";

// navigator.clipboard exists only in secure contexts; self-hosted instances may run on plain http.
async function copyText(text: string): Promise<void> {
  if (navigator.clipboard?.writeText) {
    await navigator.clipboard.writeText(text);
    return;
  }
  const textarea = document.createElement("textarea");
  textarea.value = text;
  textarea.setAttribute("readonly", "");
  textarea.style.position = "fixed";
  textarea.style.opacity = "0";
  document.body.append(textarea);
  textarea.select();
  const isCopied = document.execCommand("copy");
  textarea.remove();
  if (!isCopied) throw new Error("Copy command was rejected");
}

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
      await copyText(url);
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
