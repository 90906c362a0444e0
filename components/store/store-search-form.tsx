import { Search } from "lucide-react";
import { cn } from "@/lib/utils/cn";

type StoreSearchFormProps = {
  defaultValue?: string;
  /** Filters to keep when searching again from the results page. */
  hidden?: Record<string, string | undefined>;
  size?: "lg" | "md";
  /** Unique per page when a page shows more than one search form. */
  inputId?: string;
  className?: string;
};

/** A plain GET form to /search: works without JavaScript, and the query stays in the URL. */
export function StoreSearchForm({
  defaultValue,
  hidden = {},
  size = "lg",
  inputId = "store-search",
  className,
}: StoreSearchFormProps) {
  return (
    <search className={cn("block w-full", className)}>
      <form action="/search" method="get" className="relative">
        <label htmlFor={inputId} className="sr-only">
          Search GPTs
        </label>
        <Search
          aria-hidden
          className={cn(
            "pointer-events-none absolute top-1/2 -translate-y-1/2 text-muted-foreground",
            size === "lg" ? "left-4 size-5" : "left-3 size-4",
          )}
        />
        <input
          id={inputId}
          type="search"
          name="q"
          defaultValue={defaultValue}
          placeholder="Search GPTs"
          maxLength={200}
          autoComplete="off"
          className={cn(
            "w-full rounded-full border border-input bg-background shadow-xs outline-none transition-[box-shadow,border-color] placeholder:text-muted-foreground focus-visible:border-ring focus-visible:ring-2 focus-visible:ring-ring/30",
            size === "lg" ? "h-12 pl-12 pr-24 text-base" : "h-10 pl-9 pr-20 text-sm",
          )}
        />
        {Object.entries(hidden).map(([name, value]) =>
          value ? <input key={name} type="hidden" name={name} value={value} /> : null,
        )}
        <button
          type="submit"
          className={cn(
            "absolute top-1/2 right-1.5 -translate-y-1/2 rounded-full bg-primary font-medium text-primary-foreground hover:bg-primary/90 focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring focus-visible:ring-offset-2",
            size === "lg" ? "h-9 px-4 text-sm" : "h-7 px-3 text-xs",
          )}
        >
          Search
        </button>
      </form>
    </search>
  );
}
