"use client";

import { TriangleAlert } from "lucide-react";
import { useRouter } from "next/navigation";
import { signOut } from "next-auth/react";
import { type FormEvent, useState } from "react";
import { toast } from "sonner";
import {
  AlertDialog,
  AlertDialogCancel,
  AlertDialogContent,
  AlertDialogDescription,
  AlertDialogFooter,
  AlertDialogHeader,
  AlertDialogTitle,
  AlertDialogTrigger,
} from "@/components/ui/alert-dialog";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { useDeleteAccount } from "@/lib/accounts/data-hooks";
import type { AccountDataFacts } from "@/lib/accounts/data-schemas";
import { ApiError } from "@/lib/admin/api-client";
import { formatMicrosAsUsd } from "@/lib/models/pricing";

const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? "" : "s"}`;

/**
 * Settings → Your data → Delete account: says what goes and what stays (anonymous accounting
 * records), what is lost (unpaid earnings, credits, the plan), then asks for the password, or the
 * email for an account without one. Success signs out and lands on the home page.
 */
export function DeleteAccountCard({ facts }: { facts: AccountDataFacts }) {
  const router = useRouter();
  const remove = useDeleteAccount();
  const [isOpen, setIsOpen] = useState(false);
  const fieldErrors = remove.error instanceof ApiError ? remove.error.fieldErrors : {};
  const field = facts.hasPassword ? "password" : "confirmEmail";
  const earnings = Number(facts.unpaidEarningsMicros);
  const credits = Number(facts.creditMicros);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const value = String(new FormData(event.currentTarget).get(field) ?? "");
    remove.mutate(facts.hasPassword ? { password: value } : { confirmEmail: value }, {
      onSuccess: async () => {
        // The session ended on the server with the account; this clears the browser's side.
        await signOut({ redirect: false });
        toast.success("Your account has been deleted. Thank you for using Atelier.");
        router.replace("/");
        router.refresh();
      },
    });
  }

  return (
    <section
      aria-labelledby="delete-account-heading"
      className="grid gap-4 rounded-xl border border-destructive/50 bg-card p-4 sm:p-6"
    >
      <div className="grid gap-1">
        <h2
          id="delete-account-heading"
          className="flex items-center gap-2 font-semibold text-destructive"
        >
          <TriangleAlert className="size-4" aria-hidden /> Delete account
        </h2>
        <p className="text-sm text-muted-foreground">
          This cannot be undone. Download your data first if you want to keep a copy.
        </p>
      </div>
      <div className="grid gap-3 text-sm sm:grid-cols-2">
        <div className="grid content-start gap-1">
          <h3 className="font-medium">Deleted</h3>
          <ul className="grid list-disc gap-1 pl-5">
            <li>Your name, email address, password and sign-in connections</li>
            <li>
              {plural(facts.counts.conversations, "conversation")} with all their messages, and your
              shared links
            </li>
            <li>
              {plural(facts.counts.gpts, "GPT")} (removed from the store) and{" "}
              {plural(facts.counts.knowledgeFiles, "knowledge file")}
            </li>
            <li>Your creator profile, reviews, feedback and notifications</li>
          </ul>
        </div>
        <div className="grid content-start gap-1">
          <h3 className="font-medium">Kept, without your name or email</h3>
          <p className="text-muted-foreground">
            Usage and payment records (answers metered, subscriptions, credits, earnings statements
            and payouts) are kept without your name or email, as the law requires for accounting.
          </p>
        </div>
      </div>
      {facts.activePlanName || earnings > 0 || credits > 0 ? (
        <ul className="grid gap-1 rounded-lg border bg-muted/40 p-3 text-sm">
          {facts.activePlanName ? (
            <li>Your {facts.activePlanName} subscription is cancelled now, without a refund.</li>
          ) : null}
          {earnings > 0 ? (
            <li>
              Your unpaid creator earnings of {formatMicrosAsUsd(earnings)} are forfeited: they will
              not be paid out.
            </li>
          ) : null}
          {credits > 0 ? (
            <li>Your unused credits of {formatMicrosAsUsd(credits)} are lost.</li>
          ) : null}
        </ul>
      ) : null}
      {facts.isOnlyAdmin ? (
        <p role="note" className="text-sm">
          You are the only administrator of this instance. Make someone else an administrator before
          you delete your account.
        </p>
      ) : null}
      <div>
        <AlertDialog
          open={isOpen}
          onOpenChange={(open) => {
            setIsOpen(open);
            if (!open) remove.reset();
          }}
        >
          <AlertDialogTrigger asChild>
            <Button variant="destructive" disabled={facts.isOnlyAdmin}>
              Delete account…
            </Button>
          </AlertDialogTrigger>
          <AlertDialogContent>
            <form onSubmit={onSubmit} className="grid gap-4" noValidate>
              <AlertDialogHeader>
                <AlertDialogTitle>Delete your account?</AlertDialogTitle>
                <AlertDialogDescription>
                  {facts.hasPassword
                    ? "Your account and everything listed on this page are deleted for good. Enter your password to confirm."
                    : `Your account and everything listed on this page are deleted for good. Type ${facts.email} to confirm.`}
                </AlertDialogDescription>
              </AlertDialogHeader>
              {remove.error && !fieldErrors[field] ? (
                <p role="alert" className="text-sm text-destructive">
                  {remove.error.message}
                </p>
              ) : null}
              {facts.hasPassword ? (
                <Field id="delete-password" label="Password" error={fieldErrors.password?.[0]}>
                  <Input name="password" type="password" autoComplete="current-password" required />
                </Field>
              ) : (
                <Field
                  id="delete-confirm-email"
                  label="Your email address"
                  error={fieldErrors.confirmEmail?.[0]}
                >
                  <Input name="confirmEmail" type="email" autoComplete="off" required />
                </Field>
              )}
              <AlertDialogFooter>
                <AlertDialogCancel type="button">Cancel</AlertDialogCancel>
                <Button type="submit" variant="destructive" isLoading={remove.isPending}>
                  Delete my account
                </Button>
              </AlertDialogFooter>
            </form>
          </AlertDialogContent>
        </AlertDialog>
      </div>
    </section>
  );
}
