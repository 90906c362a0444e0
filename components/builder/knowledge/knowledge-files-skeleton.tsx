import { Skeleton } from "@/components/ui/skeleton";
import { Spinner } from "@/components/ui/spinner";

/** Placeholder while the file list loads: the dropzone and three rows. */
export function KnowledgeFilesSkeleton() {
  return (
    <div aria-busy="true" className="grid gap-3" data-testid="knowledge-loading">
      <Spinner label="Loading knowledge files" className="sr-only" />
      <Skeleton className="h-36 rounded-lg" />
      <div className="grid gap-px overflow-hidden rounded-lg border">
        {Array.from({ length: 3 }, (_, index) => (
          <div key={index} className="flex items-center gap-3 px-3 py-3">
            <Skeleton className="size-9" />
            <div className="grid flex-1 gap-2">
              <Skeleton className="h-4 w-1/2" />
              <Skeleton className="h-3 w-1/3" />
            </div>
          </div>
        ))}
      </div>
    </div>
  );
}
