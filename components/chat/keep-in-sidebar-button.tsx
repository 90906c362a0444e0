"use client";

import { Pin, PinOff } from "lucide-react";
import { toast } from "sonner";
import { Button, type ButtonProps } from "@/components/ui/button";
import { usePinnedGpts, useTogglePin } from "./pin-hooks";

type Props = {
  gptId: string;
  gptName: string;
  /** Lets the sidebar link to the GPT before the pinned list is refetched. */
  gptSlug?: string;
  avatarUrl?: string | null;
  avatarColor?: string | null;
  variant?: ButtonProps["variant"];
  size?: ButtonProps["size"];
  className?: string;
};

/**
 * "Keep in sidebar" / "Remove from sidebar" for a GPT, applied at once. For signed-in users only:
 * render it where there is an actor (the pinned list needs a session).
 */
export function KeepInSidebarButton({
  gptId,
  gptName,
  gptSlug = "",
  avatarUrl = null,
  avatarColor = null,
  variant = "outline",
  size = "sm",
  className,
}: Props) {
  const pinned = usePinnedGpts();
  const toggle = useTogglePin();
  const isPinned = pinned.data?.some((item) => item.gptId === gptId) ?? false;

  function onClick() {
    const next = !isPinned;
    toggle.mutate(
      { gpt: { gptId, slug: gptSlug, name: gptName, avatarUrl, avatarColor }, isPinned: next },
      {
        onSuccess: () =>
          toast.success(next ? `${gptName} is in your sidebar` : `${gptName} removed from sidebar`),
        onError: (error) => toast.error(error.message),
      },
    );
  }

  return (
    <Button
      type="button"
      variant={variant}
      size={size}
      className={className}
      onClick={onClick}
      disabled={pinned.isPending}
      data-testid="keep-in-sidebar"
    >
      {isPinned ? <PinOff aria-hidden /> : <Pin aria-hidden />}
      {isPinned ? "Remove from sidebar" : "Keep in sidebar"}
    </Button>
  );
}
