import { cn } from "@/lib/utils/cn";

/** "120 / 2,000" under a textarea; turns red past the limit (the server refuses it then). */
export function CharacterCounter({
  length,
  limit,
  id,
  testId,
}: {
  length: number;
  limit: number;
  id?: string;
  testId?: string;
}) {
  return (
    <span
      id={id}
      data-testid={testId}
      className={cn(
        "text-xs tabular-nums",
        length > limit ? "font-medium text-destructive" : "text-muted-foreground",
      )}
    >
      {length.toLocaleString("en-US")} / {limit.toLocaleString("en-US")}
      <span className="sr-only"> characters</span>
    </span>
  );
}
