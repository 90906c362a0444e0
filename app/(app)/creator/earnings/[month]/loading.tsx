import { Skeleton } from "@/components/ui/skeleton";

export default function StatementLoading() {
  return (
    <main
      className="mx-auto grid w-full max-w-6xl gap-6 px-4 py-8 sm:py-10"
      aria-busy="true"
      aria-label="Loading the statement"
    >
      <Skeleton className="h-10 w-48" />
      <Skeleton className="h-9 w-64" />
      <div className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-6">
        {Array.from({ length: 6 }, (_, index) => (
          <Skeleton key={index} className="h-20 rounded-xl" />
        ))}
      </div>
      <Skeleton className="h-48 rounded-xl" />
      <Skeleton className="h-72 rounded-xl" />
    </main>
  );
}
