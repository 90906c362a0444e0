import { Skeleton } from "@/components/ui/skeleton";

export default function BillingSettingsLoading() {
  return (
    <main
      className="mx-auto grid w-full max-w-5xl gap-6 px-4 py-8 sm:py-10"
      aria-busy="true"
      aria-label="Loading plan and billing"
    >
      <Skeleton className="h-9 w-48" />
      <Skeleton className="h-4 w-full max-w-md" />
      <div className="grid gap-6 lg:grid-cols-2">
        <Skeleton className="h-64 rounded-xl" />
        <Skeleton className="h-64 rounded-xl" />
      </div>
      <Skeleton className="h-80 rounded-xl" />
    </main>
  );
}
