"use client";

import { TriangleAlert } from "lucide-react";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";

export default function GptsError({
  reset,
}: {
  error: Error & { digest?: string };
  reset: () => void;
}) {
  return (
    <main className="mx-auto w-full max-w-4xl px-4 py-10">
      <h1 className="sr-only">Something went wrong</h1>
      <EmptyState
        icon={TriangleAlert}
        title="We couldn’t load this page"
        description="Something went wrong on our side. Your GPTs are safe; try again in a moment."
        action={<Button onClick={reset}>Try again</Button>}
      />
    </main>
  );
}
