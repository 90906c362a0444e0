"use client";

import { TriangleAlert } from "lucide-react";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";

export default function CreatorAnalyticsError({
  reset,
}: {
  error: Error & { digest?: string };
  reset: () => void;
}) {
  return (
    <main className="mx-auto w-full max-w-6xl px-4 py-10">
      <h1 className="sr-only">Analytics could not be loaded</h1>
      <EmptyState
        icon={TriangleAlert}
        title="We couldn’t load your analytics"
        description="Something went wrong on our side. Nothing is lost; try again in a moment."
        action={<Button onClick={reset}>Try again</Button>}
      />
    </main>
  );
}
