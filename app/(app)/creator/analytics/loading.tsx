import { Skeleton } from "@/components/ui/skeleton";

export default function CreatorAnalyticsLoading() {
  return (
    <main
      className="mx-auto grid w-full max-w-6xl gap-6 px-4 py-8 sm:py-10"
      aria-busy="true"
      aria-label="Loading analytics"
    >
      <Skeleton className="h-10 w-48" />
      <div className="grid gap-2">
        <Skeleton className="h-9 w-40" />
        <Skeleton className="h-4 w-full max-w-md" />
      </div>
      <div className="flex flex-col gap-3 sm:flex-row sm:justify-between">
        <Skeleton className="h-9 w-full sm:w-80" />
        <Skeleton className="h-9 w-full sm:w-64" />
      </div>
      <div className="grid grid-cols-2 gap-3 lg:grid-cols-4">
        {Array.from({ length: 8 }, (_, index) => (
          <Skeleton key={index} className="h-28 rounded-xl" />
        ))}
      </div>
      <Skeleton className="h-80 rounded-xl" />
    </main>
  );
}
