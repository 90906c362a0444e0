import type { KnowledgeSearchSource } from "@/lib/knowledge/client/api-client";
import { cn } from "@/lib/utils/cn";

const OPTIONS: { value: KnowledgeSearchSource; label: string }[] = [
  { value: "draft", label: "Draft" },
  { value: "published", label: "Published" },
];

/** Which files to search: the draft's, or the published version's (native radios: arrow keys). */
export function RetrievalSourceToggle({
  value,
  hasPublishedVersion,
  onChange,
}: {
  value: KnowledgeSearchSource;
  hasPublishedVersion: boolean;
  onChange: (value: KnowledgeSearchSource) => void;
}) {
  return (
    <fieldset className="grid gap-1.5">
      <legend className="mb-1.5 text-sm font-medium leading-none">Search in</legend>
      <div className="inline-flex w-fit rounded-md border bg-muted p-0.5">
        {OPTIONS.map((option) => {
          const isDisabled = option.value === "published" && !hasPublishedVersion;
          const id = `knowledge-search-source-${option.value}`;
          return (
            <label
              key={option.value}
              htmlFor={id}
              className={cn(
                "relative cursor-pointer rounded px-3 py-1 text-sm font-medium text-muted-foreground transition-colors has-[:checked]:bg-background has-[:checked]:text-foreground has-[:checked]:shadow-xs has-[:focus-visible]:ring-2 has-[:focus-visible]:ring-ring",
                isDisabled && "cursor-not-allowed opacity-50",
              )}
            >
              <input
                id={id}
                type="radio"
                name="knowledge-search-source"
                value={option.value}
                checked={value === option.value}
                disabled={isDisabled}
                aria-describedby={isDisabled ? "knowledge-search-source-note" : undefined}
                className="sr-only"
                onChange={() => onChange(option.value)}
              />
              {option.label}
            </label>
          );
        })}
      </div>
      {!hasPublishedVersion ? (
        <p id="knowledge-search-source-note" className="text-xs text-muted-foreground">
          Publish the GPT to test what store users get.
        </p>
      ) : null}
    </fieldset>
  );
}
