import { Skeleton } from "@/components/ui/skeleton";

export default function AdminEarningsLoading() {
  return (
    <div className="grid gap-6" role="status" aria-busy="true" aria-label="Loading earnings">
      <Skeleton className="h-9 w-40" />
      <div className="grid grid-cols-1 gap-3 min-[480px]:grid-cols-2 lg:grid-cols-4">
        {Array.from({ length: 4 }, (_, index) => (
          <Skeleton key={index} className="h-24 rounded-xl" />
        ))}
      </div>
      <Skeleton className="h-24 rounded-xl" />
      <Skeleton className="h-72 rounded-xl" />
      <Skeleton className="h-64 rounded-xl" />
    </div>
  );
}
