import { cn } from "@/lib/utils/cn";

/**
 * A failure beside content that stays on screen (Load more, a background refresh): a full error
 * box would throw away what was already loaded.
 */
export function InlineRetryError({
  message,
  onRetry,
  className,
}: {
  message: string;
  onRetry: () => void;
  className?: string;
}) {
  return (
    <p role="alert" className={cn("text-sm text-destructive", className)}>
      {message}{" "}
      <button
        type="button"
        className="rounded-sm font-medium underline underline-offset-4 outline-none focus-visible:ring-2 focus-visible:ring-ring"
        onClick={onRetry}
      >
        Retry
      </button>
    </p>
  );
}
