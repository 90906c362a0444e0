import Link from "next/link";
import {
  SEARCH_CAPABILITIES,
  SEARCH_CAPABILITY_LABELS,
  type SearchCapability,
  searchHref,
} from "@/lib/store/browse-rules";
import type { StoreCategory } from "@/lib/store/categories";
import { cn } from "@/lib/utils/cn";

type SearchFiltersProps = {
  q: string;
  category?: string;
  capability?: SearchCapability;
  categories: StoreCategory[];
};

function Chip({
  href,
  isCurrent,
  children,
}: {
  href: string;
  isCurrent: boolean;
  children: string;
}) {
  return (
    <li>
      <Link
        href={href}
        aria-current={isCurrent ? "true" : undefined}
        className={cn(
          "inline-flex h-8 items-center whitespace-nowrap rounded-full border px-3 text-sm transition-colors focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring",
          isCurrent
            ? "border-foreground bg-foreground text-background"
            : "bg-background hover:bg-accent",
        )}
      >
        {children}
      </Link>
    </li>
  );
}

/** Category and capability filters as links: they work without JavaScript and keep the query. */
export function SearchFilters({ q, category, capability, categories }: SearchFiltersProps) {
  return (
    <div className="grid gap-3">
      <nav aria-label="Filter by category" className="-mx-4 overflow-x-auto px-4 sm:mx-0 sm:px-0">
        <ul className="flex w-max gap-2 pb-1 sm:w-auto sm:flex-wrap">
          <Chip href={searchHref({ q, capability })} isCurrent={!category}>
            All categories
          </Chip>
          {categories.map((row) => (
            <Chip
              key={row.slug}
              href={searchHref({ q, category: row.slug, capability })}
              isCurrent={category === row.slug}
            >
              {row.name}
            </Chip>
          ))}
        </ul>
      </nav>
      <nav aria-label="Filter by capability" className="-mx-4 overflow-x-auto px-4 sm:mx-0 sm:px-0">
        <ul className="flex w-max gap-2 pb-1 sm:w-auto sm:flex-wrap">
          <Chip href={searchHref({ q, category })} isCurrent={!capability}>
            Any capability
          </Chip>
          {SEARCH_CAPABILITIES.map((key) => (
            <Chip
              key={key}
              href={searchHref({ q, category, capability: key })}
              isCurrent={capability === key}
            >
              {`Uses ${SEARCH_CAPABILITY_LABELS[key].toLowerCase()}`}
            </Chip>
          ))}
        </ul>
      </nav>
    </div>
  );
}
