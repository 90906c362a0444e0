import { Skeleton } from "@/components/ui/skeleton";
import { Spinner } from "@/components/ui/spinner";

/** Placeholder while the actions load: two cards. */
export function ActionsListSkeleton() {
  return (
    <div aria-busy="true" className="grid gap-3" data-testid="actions-loading">
      <Spinner label="Loading actions" className="sr-only" />
      {Array.from({ length: 2 }, (_, index) => (
        <div key={index} className="grid gap-2 rounded-lg border p-4">
          <Skeleton className="h-4 w-1/2" />
          <Skeleton className="h-3 w-1/3" />
          <Skeleton className="h-3 w-2/3" />
        </div>
      ))}
    </div>
  );
}
