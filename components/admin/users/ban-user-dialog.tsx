"use client";

import { type FormEvent, useId, useState } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import {
  Dialog,
  DialogContent,
  DialogDescription,
  DialogFooter,
  DialogHeader,
  DialogTitle,
} from "@/components/ui/dialog";
import { Label } from "@/components/ui/label";
import { Textarea } from "@/components/ui/textarea";
import { ApiError } from "@/lib/admin/api-client";
import { useSetUserBanned } from "@/lib/users/hooks";
import { BAN_REASON_MAX_LENGTH } from "@/lib/users/schemas";

type BanUserDialogProps = {
  userId: string;
  who: string;
  open: boolean;
  onOpenChange: (open: boolean) => void;
  onDone: () => void;
};

/** Ban with a required reason: it is kept on the account and in the audit log. */
export function BanUserDialog({ userId, who, open, onOpenChange, onDone }: BanUserDialogProps) {
  const id = useId();
  const [reason, setReason] = useState("");
  const [error, setError] = useState<string | null>(null);
  const mutation = useSetUserBanned();

  function change(next: boolean) {
    if (mutation.isPending) return;
    if (!next) setError(null);
    onOpenChange(next);
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    const trimmed = reason.trim();
    if (!trimmed) {
      setError("Say why this account is banned.");
      return;
    }
    if (trimmed.length > BAN_REASON_MAX_LENGTH) {
      setError(`Keep the reason under ${BAN_REASON_MAX_LENGTH} characters.`);
      return;
    }
    mutation.mutate(
      { userId, banned: true, reason: trimmed },
      {
        onSuccess: (user) => {
          setReason("");
          onOpenChange(false);
          toast.success(`${user.email ?? "The account"} is banned.`);
          onDone();
        },
        onError: (caught) =>
          setError(
            caught instanceof ApiError
              ? (caught.fieldErrors.reason?.[0] ?? caught.message)
              : "Something went wrong. Please try again.",
          ),
      },
    );
  }

  const describedBy = [`${id}-hint`, error ? `${id}-error` : null].filter(Boolean).join(" ");
  return (
    <Dialog open={open} onOpenChange={change}>
      <DialogContent>
        <form onSubmit={submit} className="grid gap-4" noValidate>
          <DialogHeader>
            <DialogTitle>Ban this user?</DialogTitle>
            <DialogDescription>
              {who} will be signed out at once and cannot sign in until you unban them. Their GPTs
              and conversations are kept.
            </DialogDescription>
          </DialogHeader>
          <div className="grid gap-2">
            <Label htmlFor={id}>
              Reason
              <span aria-hidden="true" className="text-destructive">
                *
              </span>
            </Label>
            <Textarea
              id={id}
              value={reason}
              rows={3}
              required
              maxLength={BAN_REASON_MAX_LENGTH}
              placeholder="Spam, abuse, impersonation…"
              onChange={(event) => {
                setReason(event.target.value);
                if (error) setError(null);
              }}
              aria-describedby={describedBy}
              aria-invalid={error ? true : undefined}
              disabled={mutation.isPending}
            />
            <p id={`${id}-hint`} className="text-sm text-muted-foreground">
              Kept with the account and in the audit log; only administrators see it.
            </p>
            {error ? (
              <p id={`${id}-error`} role="alert" className="text-sm font-medium text-destructive">
                {error}
              </p>
            ) : null}
          </div>
          <DialogFooter>
            <Button
              type="button"
              variant="outline"
              onClick={() => change(false)}
              disabled={mutation.isPending}
            >
              Cancel
            </Button>
            <Button type="submit" variant="destructive" isLoading={mutation.isPending}>
              Ban user
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
