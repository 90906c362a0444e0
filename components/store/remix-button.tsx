"use client";

import { GitFork } from "lucide-react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { useRemixGpt } from "@/lib/gpts/hooks";

/**
 * Copies the GPT's published settings into a new private draft of the viewer's and opens it in
 * the editor. Signed-out visitors get a link to sign in that comes back to this page.
 */
export function RemixButton({
  gptId,
  gptName,
  signInHref,
}: {
  gptId: string;
  gptName: string;
  signInHref?: string;
}) {
  const router = useRouter();
  const remix = useRemixGpt();

  if (signInHref) {
    return (
      <Button variant="outline" size="sm" asChild>
        <Link href={signInHref}>
          <GitFork aria-hidden="true" />
          Sign in to remix
        </Link>
      </Button>
    );
  }

  return (
    <Button
      variant="outline"
      size="sm"
      isLoading={remix.isPending || remix.isSuccess}
      onClick={() =>
        remix.mutate(
          { gptId },
          {
            onSuccess: ({ id }) => {
              toast.success(`You remixed ${gptName}. This copy is yours to change.`);
              router.push(`/gpts/${id}/edit`);
            },
            onError: (error) => toast.error(error.message),
          },
        )
      }
    >
      {remix.isPending || remix.isSuccess ? null : <GitFork aria-hidden="true" />}
      Remix
    </Button>
  );
}
