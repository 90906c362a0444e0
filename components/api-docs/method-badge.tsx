import { cn } from "@/lib/utils/cn";

const METHOD_STYLES: Record<string, string> = {
  GET: "border-success/30 bg-success/10 text-success",
  POST: "border-primary/30 bg-primary/10 text-primary",
  PATCH: "border-warning/30 bg-warning/10 text-warning",
  PUT: "border-warning/30 bg-warning/10 text-warning",
  DELETE: "border-destructive/30 bg-destructive/10 text-destructive",
};

export function MethodBadge({ method, className }: { method: string; className?: string }) {
  return (
    <span
      className={cn(
        "inline-flex w-14 shrink-0 justify-center rounded-md border px-1.5 py-0.5 font-mono text-[0.6875rem] font-semibold tracking-wide",
        METHOD_STYLES[method] ?? "border-border text-muted-foreground",
        className,
      )}
    >
      {method}
    </span>
  );
}
