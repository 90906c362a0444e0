import { Skeleton } from "@/components/ui/skeleton";

export default function CreatorEarningsLoading() {
  return (
    <main
      className="mx-auto grid w-full max-w-6xl gap-6 px-4 py-8 sm:py-10"
      aria-busy="true"
      aria-label="Loading earnings"
    >
      <Skeleton className="h-10 w-48" />
      <div className="grid gap-2">
        <Skeleton className="h-9 w-40" />
        <Skeleton className="h-4 w-full max-w-md" />
      </div>
      <div className="grid grid-cols-1 gap-3 min-[480px]:grid-cols-2 lg:grid-cols-4">
        {Array.from({ length: 4 }, (_, index) => (
          <Skeleton key={index} className="h-28 rounded-xl" />
        ))}
      </div>
      <div className="grid gap-6 lg:grid-cols-2">
        <Skeleton className="h-48 rounded-xl" />
        <Skeleton className="h-48 rounded-xl" />
      </div>
      <Skeleton className="h-72 rounded-xl" />
    </main>
  );
}
