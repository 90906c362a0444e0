import { Badge } from "@/components/ui/badge";
import { cn } from "@/lib/utils/cn";

const tones: Record<string, string> = {
  GET: "border-success/30 bg-success/10 text-success",
  POST: "border-primary/30 bg-primary/10 text-primary",
  PUT: "border-warning/30 bg-warning/10 text-warning",
  PATCH: "border-warning/30 bg-warning/10 text-warning",
  DELETE: "border-destructive/30 bg-destructive/10 text-destructive",
};

/** The HTTP method as text (colour only reinforces it); MCP tools show "TOOL". */
export function MethodBadge({ method, className }: { method: string; className?: string }) {
  return (
    <Badge
      variant="outline"
      className={cn("rounded-md font-mono text-[0.6875rem] uppercase", tones[method], className)}
    >
      {method}
    </Badge>
  );
}
