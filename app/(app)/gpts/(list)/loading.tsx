import { Skeleton } from "@/components/ui/skeleton";
import { Spinner } from "@/components/ui/spinner";

export default function MyGptsLoading() {
  return (
    <main className="mx-auto w-full max-w-4xl px-4 py-8 sm:py-10" aria-busy="true">
      <Spinner label="Loading your GPTs" className="sr-only" />
      <div className="flex flex-col gap-4 pb-6 sm:flex-row sm:items-end sm:justify-between">
        <div className="grid gap-2">
          <Skeleton className="h-8 w-40" />
          <Skeleton className="h-4 w-72 max-w-full" />
        </div>
        <Skeleton className="h-9 w-36" />
      </div>
      <div className="divide-y rounded-xl border">
        {Array.from({ length: 4 }, (_, index) => (
          <div key={index} className="flex items-center gap-4 p-4">
            <Skeleton className="size-8 rounded-full sm:size-12" />
            <div className="grid flex-1 gap-2">
              <Skeleton className="h-4 w-48 max-w-full" />
              <Skeleton className="h-3 w-full max-w-md" />
              <Skeleton className="h-3 w-32" />
            </div>
          </div>
        ))}
      </div>
    </main>
  );
}
