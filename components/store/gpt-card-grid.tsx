import type { StoreGptCard } from "@/lib/store/card";
import { cn } from "@/lib/utils/cn";
import { GptCard } from "./gpt-card";

/**
 * The store's card grid: one column on phones, two on tablets, three on desktops. Home rows pass
 * `isCompactOnPhones` so a phone shows three cards a row (the rest is one "See all" away) instead
 * of a long single column.
 */
export function GptCardGrid({
  gpts,
  isCompactOnPhones = false,
}: {
  gpts: StoreGptCard[];
  isCompactOnPhones?: boolean;
}) {
  return (
    <ul className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
      {gpts.map((gpt, index) => (
        <li
          key={gpt.id}
          className={cn("min-w-0", isCompactOnPhones && index >= 3 && "hidden sm:block")}
        >
          <GptCard gpt={gpt} />
        </li>
      ))}
    </ul>
  );
}
