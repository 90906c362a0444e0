"use client";

import { type FormEvent, useEffect, useId, useState } from "react";
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
import { Select } from "@/components/ui/select";
import { ApiError } from "@/lib/admin/api-client";
import { useSetUserRole } from "@/lib/users/hooks";
import { USER_ROLES, type UserRole } from "@/lib/users/schemas";
import { roleLabel } from "./user-badges";

const ROLE_HELP: Record<UserRole, string> = {
  USER: "Builds GPTs and chats. No access to the admin area.",
  MODERATOR: "Also works the Reports and Reviews queues. Nothing else of the admin area.",
  ADMIN: "Everything, including users, money and settings.",
};

type RoleDialogProps = {
  userId: string;
  who: string;
  role: UserRole;
  open: boolean;
  onOpenChange: (open: boolean) => void;
  onDone: () => void;
};

/** Change a user's role; applies on their next request. */
export function RoleDialog({ userId, who, role, open, onOpenChange, onDone }: RoleDialogProps) {
  const id = useId();
  const [next, setNext] = useState<UserRole>(role);
  const [error, setError] = useState<string | null>(null);
  const mutation = useSetUserRole();

  // Each opening starts from the role the user has now.
  useEffect(() => {
    if (open) {
      setNext(role);
      setError(null);
    }
  }, [open, role]);

  function change(isOpen: boolean) {
    if (mutation.isPending) return;
    onOpenChange(isOpen);
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    if (next === role) {
      change(false);
      return;
    }
    mutation.mutate(
      { userId, role: next },
      {
        onSuccess: (user) => {
          onOpenChange(false);
          toast.success(
            `${user.email ?? "The account"} is now ${roleLabel(user.role).toLowerCase()}.`,
          );
          onDone();
        },
        onError: (caught) =>
          setError(
            caught instanceof ApiError ? caught.message : "Something went wrong. Please try again.",
          ),
      },
    );
  }

  return (
    <Dialog open={open} onOpenChange={change}>
      <DialogContent>
        <form onSubmit={submit} className="grid gap-4" noValidate>
          <DialogHeader>
            <DialogTitle>Change role</DialogTitle>
            <DialogDescription>
              {who}: {roleLabel(role)} now. The new role applies on their next page load.
            </DialogDescription>
          </DialogHeader>
          <div className="grid gap-2">
            <Label htmlFor={id}>Role</Label>
            <Select
              id={id}
              value={next}
              onChange={(event) => {
                setNext(event.target.value as UserRole);
                setError(null);
              }}
              aria-describedby={`${id}-help${error ? ` ${id}-error` : ""}`}
              disabled={mutation.isPending}
            >
              {USER_ROLES.map((value) => (
                <option key={value} value={value}>
                  {roleLabel(value)}
                </option>
              ))}
            </Select>
            <p id={`${id}-help`} className="text-sm text-muted-foreground">
              {ROLE_HELP[next]}
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
            <Button type="submit" isLoading={mutation.isPending}>
              Save role
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
