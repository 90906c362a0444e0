"use client";

import { Star, StarOff } from "lucide-react";
import { useRouter } from "next/navigation";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { useFeatureGpt } from "@/lib/store/hooks";

type FeatureGptButtonProps = {
  gptId: string;
  name: string;
  isFeatured: boolean;
};

/** Adds a listed GPT to the store's Featured row or takes it off; the table re-renders after. */
export function FeatureGptButton({ gptId, name, isFeatured }: FeatureGptButtonProps) {
  const router = useRouter();
  const mutation = useFeatureGpt();

  function toggle() {
    mutation.mutate(
      { gptId, featured: !isFeatured },
      {
        onSuccess: (gpt) => {
          toast.success(
            gpt.featuredAt ? `${name} is featured in the store.` : `${name} is no longer featured.`,
          );
          router.refresh();
        },
        onError: (error) => toast.error(error.message),
      },
    );
  }

  return (
    <Button
      size="sm"
      variant="outline"
      isLoading={mutation.isPending}
      onClick={toggle}
      aria-label={`${isFeatured ? "Unfeature" : "Feature"} ${name}`}
    >
      {isFeatured ? <StarOff aria-hidden /> : <Star aria-hidden />}
      {isFeatured ? "Unfeature" : "Feature"}
    </Button>
  );
}
