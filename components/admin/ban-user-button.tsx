"use client";

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
  AlertDialogTrigger,
} from "@/components/ui/alert-dialog";
import { Button } from "@/components/ui/button";
import { useSetUserBanned } from "@/lib/users/hooks";

type BanUserButtonProps = {
  userId: string;
  email: string;
  name: string | null;
  isBanned: boolean;
};

/** Ban or unban after a confirmation; the table re-renders from the server afterwards. */
export function BanUserButton({ userId, email, name, isBanned }: BanUserButtonProps) {
  const router = useRouter();
  const [isOpen, setIsOpen] = useState(false);
  const mutation = useSetUserBanned();
  const who = name ? `${name} (${email})` : email;

  function confirm() {
    mutation.mutate(
      { userId, banned: !isBanned },
      {
        onSuccess: (user) => {
          setIsOpen(false);
          toast.success(
            user.bannedAt ? `${user.email} is banned.` : `${user.email} can sign in again.`,
          );
          router.refresh();
        },
        onError: (error) => toast.error(error.message),
      },
    );
  }

  return (
    <AlertDialog open={isOpen} onOpenChange={(open) => !mutation.isPending && setIsOpen(open)}>
      <AlertDialogTrigger asChild>
        <Button
          size="sm"
          variant="outline"
          className={isBanned ? undefined : "text-destructive hover:text-destructive"}
          aria-label={`${isBanned ? "Unban" : "Ban"} ${email}`}
        >
          {isBanned ? "Unban" : "Ban"}
        </Button>
      </AlertDialogTrigger>
      <AlertDialogContent>
        <AlertDialogHeader>
          <AlertDialogTitle>{isBanned ? "Unban this user?" : "Ban this user?"}</AlertDialogTitle>
          <AlertDialogDescription>
            {isBanned
              ? `${who} will be able to sign in and use Atelier again.`
              : `${who} will be signed out at once and cannot sign in until you unban them. Their GPTs and conversations are kept.`}
          </AlertDialogDescription>
        </AlertDialogHeader>
        <AlertDialogFooter>
          <AlertDialogCancel disabled={mutation.isPending}>Cancel</AlertDialogCancel>
          <Button
            variant={isBanned ? "default" : "destructive"}
            isLoading={mutation.isPending}
            onClick={confirm}
          >
            {isBanned ? "Unban user" : "Ban user"}
          </Button>
        </AlertDialogFooter>
      </AlertDialogContent>
    </AlertDialog>
  );
}
