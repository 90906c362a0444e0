import { Skeleton } from "@/components/ui/skeleton";

/** Loading state of a store list page: heading, chips and a grid of card shapes. */
export function GridSkeleton({ label }: { label: string }) {
  return (
    <main className="mx-auto max-w-6xl px-4 pb-16" aria-busy="true">
      <p className="sr-only" role="status">
        {label}…
      </p>
      <div className="py-8 sm:py-10">
        <Skeleton className="h-9 w-56" />
        <Skeleton className="mt-3 h-4 w-80 max-w-full" />
      </div>
      <div className="mb-6 flex gap-2">
        {Array.from({ length: 5 }, (_, index) => (
          <Skeleton key={index} className="h-8 w-24 rounded-full" />
        ))}
      </div>
      <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
        {Array.from({ length: 9 }, (_, index) => (
          <div key={index} className="flex gap-4 rounded-xl border p-4">
            <Skeleton className="size-12 shrink-0 rounded-full" />
            <div className="flex-1 space-y-2">
              <Skeleton className="h-4 w-2/3" />
              <Skeleton className="h-3 w-full" />
              <Skeleton className="h-3 w-1/2" />
            </div>
          </div>
        ))}
      </div>
    </main>
  );
}
