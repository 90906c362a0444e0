import { Skeleton } from "@/components/ui/skeleton";
import { Spinner } from "@/components/ui/spinner";

/** Mirrors the editor's layout while the server loads the GPT. */
export function EditorSkeleton() {
  return (
    <div className="flex flex-col lg:h-[calc(100dvh-3.5rem)]" aria-busy="true">
      <Spinner label="Loading the editor" className="sr-only" />
      <div className="flex items-center gap-3 border-b px-4 py-3 sm:px-6">
        <Skeleton className="size-8 rounded-md" />
        <Skeleton className="size-8 rounded-full" />
        <div className="grid flex-1 gap-1.5">
          <Skeleton className="h-4 w-40" />
          <Skeleton className="h-4 w-24 rounded-full" />
        </div>
        <Skeleton className="hidden h-9 w-24 sm:block" />
        <Skeleton className="hidden h-9 w-20 sm:block" />
      </div>
      <div className="grid flex-1 lg:grid-cols-2">
        <div className="mx-auto grid w-full max-w-2xl content-start gap-6 px-4 py-6 sm:px-6">
          {[9, 16, 56, 24].map((height, index) => (
            <div key={index} className="grid gap-2">
              <Skeleton className="h-4 w-24" />
              <Skeleton style={{ height: `${height * 0.25}rem` }} className="w-full" />
            </div>
          ))}
        </div>
        <div className="hidden border-l bg-muted/30 lg:block" />
      </div>
    </div>
  );
}
