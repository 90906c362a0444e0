"use client";

import { LoadErrorAlert } from "@/components/ui/load-error-alert";
import { Skeleton } from "@/components/ui/skeleton";
import { useAccountSecurity } from "@/lib/accounts/hooks";
import { AccountEmailCard } from "./account-email-card";
import { PasswordCard } from "./password-card";
import { SessionsCard } from "./sessions-card";
import { SignInMethodsCard } from "./sign-in-methods-card";

/** Settings → Security: email, password, sign-in methods and sessions. */
export function SecuritySettings({ notice }: { notice?: string }) {
  const account = useAccountSecurity();
  return (
    <div className="grid gap-6">
      {notice ? (
        <p role="status" className="rounded-lg border bg-muted/40 p-3 text-sm">
          {notice}
        </p>
      ) : null}
      {account.isPending ? (
        <div
          role="status"
          aria-busy="true"
          aria-label="Loading your account"
          className="grid gap-6"
        >
          <Skeleton className="h-28 w-full rounded-xl" />
          <Skeleton className="h-48 w-full rounded-xl" />
        </div>
      ) : account.isError ? (
        <LoadErrorAlert
          title="Your account could not be loaded"
          message={account.error.message}
          isRetrying={account.isFetching}
          onRetry={() => void account.refetch()}
        />
      ) : (
        <>
          <AccountEmailCard account={account.data} />
          <PasswordCard account={account.data} />
          <SignInMethodsCard account={account.data} />
        </>
      )}
      <SessionsCard />
    </div>
  );
}
