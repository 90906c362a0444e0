"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { cn } from "@/lib/utils/cn";

const TABS = [
  { href: "/creator/analytics", label: "Analytics" },
  { href: "/creator/earnings", label: "Earnings" },
] as const;

/** The creator area's tabs: Analytics, and Earnings once payouts exist on this instance. */
export function CreatorNav({ hasEarnings }: { hasEarnings: boolean }) {
  const pathname = usePathname();
  const tabs = TABS.filter((tab) => hasEarnings || tab.href !== "/creator/earnings");
  return (
    <nav aria-label="Creator" className="mb-6 border-b">
      <ul className="-mb-px flex gap-1 overflow-x-auto">
        {tabs.map((tab) => {
          const isCurrent = pathname === tab.href || pathname.startsWith(`${tab.href}/`);
          return (
            <li key={tab.href}>
              <Link
                href={tab.href}
                aria-current={isCurrent ? "page" : undefined}
                className={cn(
                  "inline-flex h-10 items-center border-b-2 px-3 text-sm font-medium whitespace-nowrap outline-none transition-colors focus-visible:ring-2 focus-visible:ring-ring",
                  isCurrent
                    ? "border-primary text-foreground"
                    : "border-transparent text-muted-foreground hover:text-foreground",
                )}
              >
                {tab.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
