"use client";

import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useEffect, useRef } from "react";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { useRefreshPayoutAccount } from "@/lib/payouts/hooks";

/**
 * Back from Stripe's onboarding (?onboarding=return) or from a link that expired
 * (?onboarding=refresh): re-reads the account from Stripe at once (the webhook may come later),
 * says what happened, then tidies the address bar.
 */
export function OnboardingReturn() {
  const searchParams = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();
  const outcome = searchParams.get("onboarding");
  const refresh = useRefreshPayoutAccount();
  const started = useRef(false);
  const isBack = outcome === "return" || outcome === "refresh";
  useEffect(() => {
    if (!isBack || started.current) return;
    started.current = true;
    refresh.mutate(undefined, { onSettled: () => router.replace(pathname, { scroll: false }) });
  }, [isBack, refresh, router, pathname]);

  if (refresh.isPending) {
    return (
      <Alert variant="info" role="status">
        <AlertDescription>
          <p>Checking your payout account with Stripe…</p>
        </AlertDescription>
      </Alert>
    );
  }
  if (refresh.error) {
    return (
      <Alert variant="warning" role="status">
        <AlertDescription>
          <p>
            We couldn't check your payout account with Stripe just now ({refresh.error.message}). It
            updates here as soon as Stripe tells us.
          </p>
        </AlertDescription>
      </Alert>
    );
  }
  if (!refresh.data) return null;
  if (refresh.data.payoutsEnabled) {
    return (
      <Alert variant="success" role="status" data-testid="onboarding-result">
        <AlertDescription>
          <p>Payouts are set up. Your available earnings are paid to your Stripe account.</p>
        </AlertDescription>
      </Alert>
    );
  }
  return (
    <Alert variant="warning" role="status" data-testid="onboarding-result">
      <AlertDescription>
        <p>
          {outcome === "refresh"
            ? "That setup link expired. Choose “Finish setting up” to continue where you left off."
            : "Stripe still needs a few details before it can pay you. Choose “Finish setting up” to continue."}
        </p>
      </AlertDescription>
    </Alert>
  );
}
