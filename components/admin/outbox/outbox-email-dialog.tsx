"use client";

import { ShieldCheck } from "lucide-react";
import type { ReactNode } from "react";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { CopyButton } from "@/components/ui/copy-button";
import {
  Dialog,
  DialogContent,
  DialogDescription,
  DialogHeader,
  DialogTitle,
} from "@/components/ui/dialog";
import type { OutboxEmailRow } from "@/lib/mail/outbox-schemas";
import { EmailTime, LinkifiedText, OutboxStatusBadge } from "./outbox-parts";

/** Why there is no body to show, by status (see the OutboundEmail model). */
const HIDDEN_BODY: Record<Exclude<OutboxEmailRow["status"], "LOGGED">, string> = {
  SENT: "The body was erased once the mail was delivered: links in it (password resets, email confirmations) are for the recipient only.",
  FAILED:
    "The body was erased when delivery gave up: links in it (password resets, email confirmations) are for the recipient only. They can ask for a new mail.",
  QUEUED:
    "Waiting to be sent. Its body is not shown here and is erased once it is delivered: links in it are for the recipient only.",
};

/** One mail's details; the body only for mail that was never sent (no SMTP). */
export function OutboxEmailDialog({
  email,
  onOpenChange,
}: {
  email: OutboxEmailRow | null;
  onOpenChange: (isOpen: boolean) => void;
}) {
  return (
    <Dialog open={email !== null} onOpenChange={onOpenChange}>
      <DialogContent className="max-w-2xl" data-testid="outbox-email-dialog">
        {email ? <EmailDetails email={email} /> : null}
      </DialogContent>
    </Dialog>
  );
}

function EmailDetails({ email }: { email: OutboxEmailRow }) {
  return (
    <>
      <DialogHeader>
        <DialogTitle className="wrap-anywhere">{email.subject}</DialogTitle>
        <DialogDescription className="wrap-anywhere">
          To {email.to} · {email.kindLabel}
        </DialogDescription>
      </DialogHeader>
      <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-2 text-sm">
        <Detail label="Status">
          <OutboxStatusBadge status={email.status} />
        </Detail>
        <Detail label="Created">
          <EmailTime iso={email.createdAt} />
        </Detail>
        {email.sentAt ? (
          <Detail label="Sent">
            <EmailTime iso={email.sentAt} />
          </Detail>
        ) : null}
        {email.attempts > 0 ? <Detail label="Attempts">{email.attempts}</Detail> : null}
        {email.error ? (
          <Detail label="Last error">
            <span className="wrap-anywhere text-destructive" data-testid="outbox-email-error">
              {email.error}
            </span>
          </Detail>
        ) : null}
      </dl>
      {email.status === "LOGGED" && email.text !== null ? (
        <LoggedBody text={email.text} />
      ) : (
        <Alert hasIcon={false}>
          <ShieldCheck aria-hidden="true" />
          <AlertTitle>Body not shown</AlertTitle>
          <AlertDescription>
            <p>{HIDDEN_BODY[email.status === "LOGGED" ? "SENT" : email.status]}</p>
          </AlertDescription>
        </Alert>
      )}
    </>
  );
}

function LoggedBody({ text }: { text: string }) {
  return (
    <div className="grid gap-2">
      <div className="flex items-center justify-between gap-2">
        <h3 id="outbox-body-heading" className="text-sm font-medium">
          Message
        </h3>
        <CopyButton value={text} label="Copy message" />
      </div>
      <p className="text-xs text-muted-foreground">
        Not sent: no SMTP server is configured. Before passing a link on, make sure you are giving
        it to the person it was meant for: a reset link opens their account.
      </p>
      <section
        aria-labelledby="outbox-body-heading"
        // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be keyboard-reachable
        tabIndex={0}
        className="max-h-80 overflow-y-auto rounded-lg border bg-muted/40 p-3 font-mono text-xs leading-relaxed whitespace-pre-wrap wrap-anywhere outline-none focus-visible:ring-2 focus-visible:ring-ring"
        data-testid="outbox-email-body"
      >
        <LinkifiedText text={text} />
      </section>
    </div>
  );
}

function Detail({ label, children }: { label: string; children: ReactNode }) {
  return (
    <>
      <dt className="text-muted-foreground">{label}</dt>
      <dd className="min-w-0">{children}</dd>
    </>
  );
}
