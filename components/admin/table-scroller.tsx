import type { ReactNode } from "react";
import { cn } from "@/lib/utils/cn";

/**
 * Wide tables scroll sideways inside this box on phones. It is focusable and named so keyboard
 * users can scroll it too (axe: scrollable-region-focusable).
 */
export function TableScroller({
  label,
  className,
  children,
}: {
  /** Names the scroll region; distinct from the section heading (landmark names must differ). */
  label: string;
  className?: string;
  children: ReactNode;
}) {
  return (
    <section
      aria-label={label}
      // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be keyboard-reachable
      tabIndex={0}
      className={cn(
        "overflow-x-auto rounded-xl border bg-card shadow-xs outline-none focus-visible:ring-2 focus-visible:ring-ring",
        className,
      )}
    >
      {children}
    </section>
  );
}

export const thClasses =
  "px-4 py-2.5 text-left text-xs font-medium tracking-wide whitespace-nowrap text-muted-foreground uppercase";
export const tdClasses = "px-4 py-3 align-middle";

export type TableColumn = { label: ReactNode; isNumeric?: boolean };

/** The header row of an admin table; numeric columns align right. */
export function TableHead({ columns }: { columns: TableColumn[] }) {
  return (
    <thead className="border-b bg-muted/40">
      <tr>
        {columns.map((column, index) => (
          <th
            key={index}
            scope="col"
            className={column.isNumeric ? `${thClasses} text-right` : thClasses}
          >
            {column.label}
          </th>
        ))}
      </tr>
    </thead>
  );
}
