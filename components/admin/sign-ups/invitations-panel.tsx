"use client";

import { MailPlus } from "lucide-react";
import { type FormEvent, useRef } from "react";
import { toast } from "sonner";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { LoadErrorAlert } from "@/components/ui/load-error-alert";
import { Skeleton } from "@/components/ui/skeleton";
import { useInvitations, useInvite, useWithdrawInvitation } from "@/lib/accounts/admin-hooks";
import type { InvitationStatus, InvitationView } from "@/lib/accounts/invitations";
import { ApiError } from "@/lib/admin/api-client";

const dateFormat = new Intl.DateTimeFormat("en-US", { dateStyle: "medium" });
const STATUS_LABELS: Record<InvitationStatus, string> = {
  pending: "Pending",
  accepted: "Joined",
  revoked: "Withdrawn",
  expired: "Expired",
};

/** Admin → Settings → Sign-ups → Invitations: invite an address, see who joined, withdraw. */
export function InvitationsPanel() {
  const invitations = useInvitations();
  const invite = useInvite();
  const withdraw = useWithdrawInvitation();
  const formRef = useRef<HTMLFormElement>(null);
  const emailError = invite.error instanceof ApiError ? invite.error.fieldErrors.email?.[0] : null;

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const email = String(new FormData(event.currentTarget).get("email") ?? "");
    invite.mutate(email, {
      onSuccess: (created) => {
        formRef.current?.reset();
        toast.success(`Invitation sent to ${created.email}.`);
      },
    });
  }

  return (
    <div className="grid gap-4">
      <form
        ref={formRef}
        onSubmit={onSubmit}
        className="flex flex-col gap-3 sm:flex-row sm:items-start"
        noValidate
      >
        <Field
          id="invite-email"
          label="Invite by email"
          description="They get a link to create their account, valid for 14 days."
          error={emailError ?? (invite.error && !emailError ? invite.error.message : null)}
          className="flex-1"
        >
          <Input id="invite-email" name="email" type="email" autoComplete="off" required />
        </Field>
        <Button type="submit" className="sm:mt-6" isLoading={invite.isPending}>
          <MailPlus className="size-4" aria-hidden /> Send invitation
        </Button>
      </form>
      {invitations.isPending ? (
        <div role="status" aria-label="Loading invitations" className="grid gap-2">
          <Skeleton className="h-12 w-full" />
          <Skeleton className="h-12 w-full" />
        </div>
      ) : invitations.isError ? (
        <LoadErrorAlert
          title="Invitations could not be loaded"
          message={invitations.error.message}
          isRetrying={invitations.isFetching}
          onRetry={() => void invitations.refetch()}
        />
      ) : invitations.data.length === 0 ? (
        <EmptyState
          icon={MailPlus}
          title="No invitations yet"
          description="People you invite appear here."
        />
      ) : (
        <ul aria-label="Invitations" className="divide-y rounded-xl border">
          {invitations.data.map((invitation) => (
            <InvitationRow
              key={invitation.id}
              invitation={invitation}
              isWithdrawing={withdraw.isPending && withdraw.variables === invitation.id}
              onWithdraw={() =>
                withdraw.mutate(invitation.id, {
                  onSuccess: () => toast.success(`Invitation to ${invitation.email} withdrawn.`),
                  onError: (error) => toast.error(error.message),
                })
              }
            />
          ))}
        </ul>
      )}
    </div>
  );
}

function InvitationRow({
  invitation,
  isWithdrawing,
  onWithdraw,
}: {
  invitation: InvitationView;
  isWithdrawing: boolean;
  onWithdraw: () => void;
}) {
  return (
    <li
      data-testid="invitation-row"
      className="flex flex-col gap-2 p-3 sm:flex-row sm:items-center sm:justify-between"
    >
      <div className="grid min-w-0 gap-0.5">
        <p className="flex flex-wrap items-center gap-2 text-sm font-medium">
          <span className="break-all">{invitation.email}</span>
          <Badge variant={invitation.status === "pending" ? "secondary" : "outline"}>
            {STATUS_LABELS[invitation.status]}
          </Badge>
        </p>
        <p className="text-xs text-muted-foreground">
          Invited{" "}
          <time dateTime={invitation.createdAt}>
            {dateFormat.format(new Date(invitation.createdAt))}
          </time>
          {invitation.invitedBy ? ` by ${invitation.invitedBy}` : ""}
          {invitation.status === "pending"
            ? ` · expires ${dateFormat.format(new Date(invitation.expiresAt))}`
            : ""}
        </p>
      </div>
      {invitation.status === "pending" ? (
        <Button
          variant="outline"
          size="sm"
          className="self-start sm:self-center"
          isLoading={isWithdrawing}
          onClick={onWithdraw}
          aria-label={`Withdraw the invitation to ${invitation.email}`}
        >
          Withdraw
        </Button>
      ) : null}
    </li>
  );
}
