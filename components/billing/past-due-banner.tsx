import { TriangleAlert } from "lucide-react";
import Link from "next/link";
import type { Actor } from "@/lib/auth/session";
import { graceEndOf } from "@/lib/billing/entitlement";
import { isBillingEnabled } from "@/lib/billing/stripe";
import { prisma } from "@/lib/db";
import { getChatLimits } from "@/lib/limits/chat-limits";

const longDate = new Intl.DateTimeFormat("en-US", {
  month: "long",
  day: "numeric",
  timeZone: "UTC",
});

/**
 * Under the header on every page while the user's renewal has failed: why, until when the plan
 * holds, and where to fix it. Costs one indexed read per page, and none without Stripe.
 */
export async function PastDueBanner({ actor }: { actor: Actor | null }) {
  if (!actor || !isBillingEnabled()) return null;
  const subscription = await prisma.subscription.findFirst({
    where: { userId: actor.id, status: "PAST_DUE" },
    include: { plan: { select: { name: true } } },
    orderBy: { currentPeriodEnd: "desc" },
  });
  if (!subscription?.pastDueSince) return null;
  const { pastDueGraceDays } = await getChatLimits();
  const graceEndsAt = graceEndOf(subscription.pastDueSince, pastDueGraceDays);
  const isInGrace = graceEndsAt > new Date();
  return (
    <div
      role="status"
      className="border-b border-warning/30 bg-warning/10 text-warning"
      data-testid="past-due-banner"
    >
      <p className="mx-auto flex max-w-6xl items-start gap-2 px-4 py-2 text-sm">
        <TriangleAlert aria-hidden className="mt-0.5 size-4 shrink-0" />
        <span>
          {isInGrace
            ? `Your ${subscription.plan.name} payment failed. You keep ${subscription.plan.name} until ${longDate.format(graceEndsAt)}; `
            : `Your ${subscription.plan.name} payment failed and you're on the Free plan for now; `}
          <Link href="/settings/billing" className="font-medium underline underline-offset-4">
            update your payment method
          </Link>{" "}
          to {isInGrace ? "keep it" : "get it back"}.
        </span>
      </p>
    </div>
  );
}
