"use client";

import { KeyRound, MoreHorizontal, ScrollText, ShieldCheck, UserCheck, UserX } from "lucide-react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { toast } from "sonner";
import {
  AlertDialog,
  AlertDialogCancel,
  AlertDialogContent,
  AlertDialogDescription,
  AlertDialogFooter,
  AlertDialogHeader,
  AlertDialogTitle,
} from "@/components/ui/alert-dialog";
import { Button } from "@/components/ui/button";
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";
import { useSendResetLink, useSetUserBanned } from "@/lib/users/hooks";
import type { AdminUserRow } from "@/lib/users/schemas";
import { BanUserDialog } from "./ban-user-dialog";
import { RoleDialog } from "./role-dialog";

type OpenDialog = "role" | "ban" | "unban" | "reset" | null;

/**
 * The row menu of Admin → Users: role, ban or unban, reset link, the user's audit entries. The
 * server refuses what this menu hides too (own role, banning admins, the last admin).
 */
export function UserActions({ user }: { user: AdminUserRow & { email: string } }) {
  const router = useRouter();
  const [dialog, setDialog] = useState<OpenDialog>(null);
  const who = user.name ? `${user.name} (${user.email})` : user.email;
  const isBanned = user.status === "banned";
  const close = (open: boolean) => {
    if (!open) setDialog(null);
  };
  const refresh = () => router.refresh();

  return (
    <>
      <DropdownMenu>
        <DropdownMenuTrigger asChild>
          <Button size="sm" variant="outline" aria-label={`Actions for ${user.email}`}>
            <MoreHorizontal aria-hidden="true" />
            <span className="hidden sm:inline">Actions</span>
          </Button>
        </DropdownMenuTrigger>
        <DropdownMenuContent align="end">
          <DropdownMenuItem onSelect={() => setDialog("role")}>
            <ShieldCheck aria-hidden="true" />
            Change role…
          </DropdownMenuItem>
          {isBanned ? null : (
            <DropdownMenuItem onSelect={() => setDialog("reset")}>
              <KeyRound aria-hidden="true" />
              Send password reset link…
            </DropdownMenuItem>
          )}
          <DropdownMenuItem asChild>
            <Link href={`/admin/audit?targetType=User&targetId=${encodeURIComponent(user.id)}`}>
              <ScrollText aria-hidden="true" />
              View audit log
            </Link>
          </DropdownMenuItem>
          {isBanned ? (
            <>
              <DropdownMenuSeparator />
              <DropdownMenuItem onSelect={() => setDialog("unban")}>
                <UserCheck aria-hidden="true" />
                Unban…
              </DropdownMenuItem>
            </>
          ) : user.role === "ADMIN" ? null : (
            <>
              <DropdownMenuSeparator />
              <DropdownMenuItem variant="destructive" onSelect={() => setDialog("ban")}>
                <UserX aria-hidden="true" />
                Ban…
              </DropdownMenuItem>
            </>
          )}
        </DropdownMenuContent>
      </DropdownMenu>
      <RoleDialog
        userId={user.id}
        who={who}
        role={user.role}
        open={dialog === "role"}
        onOpenChange={close}
        onDone={refresh}
      />
      <BanUserDialog
        userId={user.id}
        who={who}
        open={dialog === "ban"}
        onOpenChange={close}
        onDone={refresh}
      />
      <UnbanDialog
        user={user}
        who={who}
        open={dialog === "unban"}
        onOpenChange={close}
        onDone={refresh}
      />
      <ResetLinkDialog user={user} who={who} open={dialog === "reset"} onOpenChange={close} />
    </>
  );
}

type ConfirmProps = {
  user: AdminUserRow & { email: string };
  who: string;
  open: boolean;
  onOpenChange: (open: boolean) => void;
};

function UnbanDialog({
  user,
  who,
  open,
  onOpenChange,
  onDone,
}: ConfirmProps & { onDone: () => void }) {
  const mutation = useSetUserBanned();
  return (
    <AlertDialog open={open} onOpenChange={(next) => !mutation.isPending && onOpenChange(next)}>
      <AlertDialogContent>
        <AlertDialogHeader>
          <AlertDialogTitle>Unban this user?</AlertDialogTitle>
          <AlertDialogDescription>
            {who} will be able to sign in and use Atelier again.
            {user.bannedReason ? ` They were banned for: “${user.bannedReason}”.` : null}
          </AlertDialogDescription>
        </AlertDialogHeader>
        <AlertDialogFooter>
          <AlertDialogCancel disabled={mutation.isPending}>Cancel</AlertDialogCancel>
          <Button
            isLoading={mutation.isPending}
            onClick={() =>
              mutation.mutate(
                { userId: user.id, banned: false },
                {
                  onSuccess: () => {
                    onOpenChange(false);
                    toast.success(`${user.email} can sign in again.`);
                    onDone();
                  },
                  onError: (error) => toast.error(error.message),
                },
              )
            }
          >
            Unban user
          </Button>
        </AlertDialogFooter>
      </AlertDialogContent>
    </AlertDialog>
  );
}

function ResetLinkDialog({ user, who, open, onOpenChange }: ConfirmProps) {
  const mutation = useSendResetLink();
  return (
    <AlertDialog open={open} onOpenChange={(next) => !mutation.isPending && onOpenChange(next)}>
      <AlertDialogContent>
        <AlertDialogHeader>
          <AlertDialogTitle>Send a password reset link?</AlertDialogTitle>
          <AlertDialogDescription>
            {who} gets the usual reset email, with a link that works once for 30 minutes. You don't
            see the link, and their password stays as it is until they use it.
          </AlertDialogDescription>
        </AlertDialogHeader>
        <AlertDialogFooter>
          <AlertDialogCancel disabled={mutation.isPending}>Cancel</AlertDialogCancel>
          <Button
            isLoading={mutation.isPending}
            onClick={() =>
              mutation.mutate(
                { userId: user.id },
                {
                  onSuccess: ({ email }) => {
                    onOpenChange(false);
                    toast.success(`Reset link sent to ${email}.`);
                  },
                  onError: (error) => toast.error(error.message),
                },
              )
            }
          >
            Send link
          </Button>
        </AlertDialogFooter>
      </AlertDialogContent>
    </AlertDialog>
  );
}
