import { Skeleton } from "@/components/ui/skeleton";

export default function ApiKeysSettingsLoading() {
  return (
    <main
      className="mx-auto grid w-full max-w-4xl gap-6 px-4 py-8 sm:py-10"
      aria-busy="true"
      aria-label="Loading API keys"
    >
      <Skeleton className="h-9 w-40" />
      <Skeleton className="h-4 w-full max-w-lg" />
      <Skeleton className="h-48 rounded-xl" />
      <Skeleton className="h-56 rounded-xl" />
    </main>
  );
}
