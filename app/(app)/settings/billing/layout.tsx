import { notFound } from "next/navigation";
import type { ReactNode } from "react";
import { isBillingEnabled } from "@/lib/billing/stripe";

/** Without Stripe the instance runs on the Free plan alone: no billing pages at all. */
export default function BillingOnlyLayout({ children }: { children: ReactNode }) {
  if (!isBillingEnabled()) notFound();
  return children;
}
