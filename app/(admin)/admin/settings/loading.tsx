import { Skeleton } from "@/components/ui/skeleton";
import { Spinner } from "@/components/ui/spinner";

export default function AdminSettingsLoading() {
  return (
    <div aria-busy="true" className="grid gap-6">
      <Spinner label="Loading settings" className="sr-only" />
      <div className="grid gap-2">
        <Skeleton className="h-8 w-40" />
        <Skeleton className="h-4 w-96 max-w-full" />
      </div>
      <Skeleton className="h-[28rem] max-w-3xl rounded-xl" />
    </div>
  );
}
