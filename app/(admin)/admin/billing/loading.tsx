import { Skeleton } from "@/components/ui/skeleton";

export default function AdminBillingLoading() {
  return (
    <div className="grid gap-6" role="status" aria-busy="true" aria-label="Loading billing">
      <Skeleton className="h-9 w-40" />
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        {Array.from({ length: 4 }, (_, index) => (
          <Skeleton key={index} className="h-24 rounded-xl" />
        ))}
      </div>
      <Skeleton className="h-72 rounded-xl" />
      <Skeleton className="h-64 rounded-xl" />
    </div>
  );
}
