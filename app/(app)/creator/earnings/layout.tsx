import { notFound } from "next/navigation";
import type { ReactNode } from "react";
import { isBillingEnabled } from "@/lib/billing/stripe";

/** Without Stripe nobody pays, so there is nothing to share: no Earnings pages at all. */
export default function EarningsOnlyLayout({ children }: { children: ReactNode }) {
  if (!isBillingEnabled()) notFound();
  return children;
}
