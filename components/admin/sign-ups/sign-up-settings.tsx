"use client";

import { LoadErrorAlert } from "@/components/ui/load-error-alert";
import { Skeleton } from "@/components/ui/skeleton";
import { useSignUpRules } from "@/lib/accounts/admin-hooks";
import { SettingsSection } from "../settings-section";
import { InvitationsPanel } from "./invitations-panel";
import { SignUpRulesForm } from "./sign-up-rules-form";

/** Admin → Settings: the sign-up policy and invitations, saved on their own. */
export function SignUpSettings() {
  const rules = useSignUpRules();
  return (
    <div className="grid gap-8 rounded-xl border bg-card p-4 sm:p-6">
      <SettingsSection
        id="sign-ups"
        title="Sign-ups"
        description="Who may create an account on this Atelier. Existing accounts are not affected."
      >
        {rules.isPending ? (
          <Skeleton className="h-64 w-full" />
        ) : rules.isError ? (
          <LoadErrorAlert
            title="The sign-up rules could not be loaded"
            message={rules.error.message}
            isRetrying={rules.isFetching}
            onRetry={() => void rules.refetch()}
          />
        ) : (
          <SignUpRulesForm rules={rules.data} />
        )}
      </SettingsSection>
      <SettingsSection id="invitations" title="Invitations">
        <InvitationsPanel />
      </SettingsSection>
    </div>
  );
}
