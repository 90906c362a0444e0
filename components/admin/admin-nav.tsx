"use client";

import {
  ClipboardCheck,
  Coins,
  Cpu,
  CreditCard,
  Flag,
  LayoutDashboard,
  Mail,
  ScrollText,
  Settings,
  ShieldCheck,
  Users,
} from "lucide-react";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { isModerationPath } from "@/lib/admin/moderation-paths";
import { useOpenReportCount } from "@/lib/moderation/hooks";
import { usePendingReviewCount } from "@/lib/moderation/review/hooks";
import { cn } from "@/lib/utils/cn";

const links = [
  { href: "/admin", label: "Overview", icon: LayoutDashboard },
  { href: "/admin/users", label: "Users", icon: Users },
  { href: "/admin/reviews", label: "Reviews", icon: ClipboardCheck },
  { href: "/admin/reports", label: "Reports", icon: Flag },
  { href: "/admin/models", label: "Models", icon: Cpu },
  { href: "/admin/billing", label: "Billing", icon: CreditCard },
  { href: "/admin/earnings", label: "Earnings", icon: Coins },
  { href: "/admin/outbox", label: "Outbox", icon: Mail },
  { href: "/admin/audit", label: "Audit log", icon: ScrollText },
  { href: "/admin/settings", label: "Settings", icon: Settings },
] as const;

/** Without Stripe nobody pays: no billing, and no revenue pool to share. */
const BILLING_ONLY = new Set<string>(["/admin/billing", "/admin/earnings"]);

function isActive(pathname: string, href: string) {
  return href === "/admin" ? pathname === "/admin" : pathname.startsWith(href);
}

/**
 * Tabs across the admin area; scrolls sideways on narrow screens as sections are added. Billing
 * and Earnings show only when Stripe is set up (without it the instance runs on the Free plan alone).
 */
export function AdminNav({
  hasBilling,
  isModeratorOnly,
}: {
  hasBilling: boolean;
  /** A moderator (not an admin): only the moderation tabs. */
  isModeratorOnly: boolean;
}) {
  const pathname = usePathname() ?? "/admin";
  const openReports = useOpenReportCount();
  const pendingReviews = usePendingReviewCount();
  /** The number a tab carries (work waiting), with what it counts for screen readers. */
  const waiting: Record<string, { count: number | undefined; label: string; testId: string }> = {
    "/admin/reports": { count: openReports.data, label: "open", testId: "nav-open-report-count" },
    "/admin/reviews": {
      count: pendingReviews.data,
      label: "waiting",
      testId: "nav-pending-review-count",
    },
  };
  return (
    <nav aria-label="Admin" className="flex items-center gap-3 overflow-x-auto border-b">
      <span className="hidden shrink-0 items-center gap-1.5 pr-2 text-xs font-semibold tracking-wide text-muted-foreground uppercase sm:inline-flex">
        <ShieldCheck aria-hidden="true" className="size-4" />
        {isModeratorOnly ? "Moderation" : "Admin"}
      </span>
      <ul className="-mb-px flex gap-1">
        {links
          .filter(({ href }) => hasBilling || !BILLING_ONLY.has(href))
          .filter(({ href }) => !isModeratorOnly || isModerationPath(href))
          .map(({ href, label, icon: Icon }) => {
            const isCurrent = isActive(pathname, href);
            return (
              <li key={href}>
                <Link
                  href={href}
                  aria-current={isCurrent ? "page" : undefined}
                  className={cn(
                    "relative inline-flex shrink-0 items-center gap-2 rounded-t-md border-b-2 whitespace-nowrap px-3 py-2.5 text-sm font-medium transition-colors outline-none focus-visible:ring-2 focus-visible:ring-ring focus-visible:ring-inset",
                    isCurrent
                      ? "border-primary text-foreground"
                      : "border-transparent text-muted-foreground hover:border-border hover:text-foreground",
                  )}
                >
                  <Icon aria-hidden="true" className="size-4" />
                  {label}
                  {waiting[href]?.count ? (
                    <span
                      className="rounded-full bg-destructive px-1.5 text-[0.6875rem] leading-4 font-semibold text-white tabular-nums"
                      data-testid={waiting[href].testId}
                    >
                      {waiting[href].count}
                      <span className="sr-only"> {waiting[href].label}</span>
                    </span>
                  ) : null}
                </Link>
              </li>
            );
          })}
      </ul>
    </nav>
  );
}
