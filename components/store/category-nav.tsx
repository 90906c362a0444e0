import Link from "next/link";
import { ALL_CATEGORIES_SLUG } from "@/lib/store/browse-rules";
import { cn } from "@/lib/utils/cn";

type CategoryNavProps = {
  categories: { slug: string; name: string }[];
  /** The slug of the category being shown, to mark it current. */
  currentSlug?: string;
  /** Builds each chip's link (category pages by default; search keeps the query). */
  hrefOf?: (slug: string) => string;
  /** Label of the "everything" chip; omit to leave it out. */
  allLabel?: string;
  label?: string;
};

/** Category chips: a row that scrolls sideways on phones, wraps on wider screens. */
export function CategoryNav({
  categories,
  currentSlug,
  hrefOf = (slug) => `/categories/${slug}`,
  allLabel,
  label = "Categories",
}: CategoryNavProps) {
  const chips = [
    ...(allLabel ? [{ slug: ALL_CATEGORIES_SLUG, name: allLabel }] : []),
    ...categories,
  ];
  return (
    <nav aria-label={label} className="-mx-4 overflow-x-auto px-4 sm:mx-0 sm:px-0">
      <ul className="flex w-max gap-2 pb-1 sm:w-auto sm:flex-wrap">
        {chips.map((chip) => {
          const isCurrent = chip.slug === (currentSlug ?? "");
          return (
            <li key={chip.slug}>
              <Link
                href={hrefOf(chip.slug)}
                aria-current={isCurrent ? "page" : undefined}
                className={cn(
                  "inline-flex h-8 items-center whitespace-nowrap rounded-full border px-3 text-sm transition-colors focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring",
                  isCurrent
                    ? "border-foreground bg-foreground text-background"
                    : "bg-background text-foreground hover:bg-accent",
                )}
              >
                {chip.name}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
