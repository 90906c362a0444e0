"use client";

import { LogOut, Monitor, Smartphone } from "lucide-react";
import { signOut } from "next-auth/react";
import { useState } from "react";
import { toast } from "sonner";
import {
  AlertDialog,
  AlertDialogAction,
  AlertDialogCancel,
  AlertDialogContent,
  AlertDialogDescription,
  AlertDialogFooter,
  AlertDialogHeader,
  AlertDialogTitle,
  AlertDialogTrigger,
} from "@/components/ui/alert-dialog";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { LoadErrorAlert } from "@/components/ui/load-error-alert";
import { Skeleton } from "@/components/ui/skeleton";
import { useMySessions, useSignOutEverywhere, useSignOutSession } from "@/lib/auth/sessions-hooks";
import type { UserSessionItem } from "@/lib/auth/user-sessions";

const dateFormat = new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeStyle: "short" });
const MOBILE = /iPhone|iPad|Android|iOS/i;

/**
 * Settings → Security: where the user is signed in. Any other browser can be signed out on its
 * own; "Sign out everywhere" ends every session on the server, this one too.
 */
export function SessionsCard() {
  const sessions = useMySessions();
  const signOutOne = useSignOutSession();
  const everywhere = useSignOutEverywhere();
  const [isConfirming, setIsConfirming] = useState(false);

  function signOutEverywhere() {
    everywhere.mutate(undefined, {
      onSuccess: () => void signOut({ callbackUrl: "/sign-in?notice=signed-out-everywhere" }),
      onError: (error) => toast.error(`You are still signed in. ${error.message}`),
    });
  }

  return (
    <section aria-labelledby="sessions-heading" className="rounded-xl border bg-card">
      <div className="flex flex-col gap-3 border-b p-4 sm:flex-row sm:items-start sm:justify-between">
        <div className="grid gap-1">
          <h2 id="sessions-heading" className="font-semibold">
            Where you’re signed in
          </h2>
          <p className="text-sm text-muted-foreground">
            Sign out of a browser you no longer use. Signing out ends the session on the server, so
            a copied cookie stops working too.
          </p>
        </div>
        <AlertDialog open={isConfirming} onOpenChange={setIsConfirming}>
          <AlertDialogTrigger asChild>
            <Button variant="outline" size="sm" className="shrink-0 self-start">
              <LogOut className="size-4" aria-hidden /> Sign out everywhere
            </Button>
          </AlertDialogTrigger>
          <AlertDialogContent>
            <AlertDialogHeader>
              <AlertDialogTitle>Sign out everywhere?</AlertDialogTitle>
              <AlertDialogDescription>
                Every browser signed in to your account is signed out, this one included. You can
                sign in again right away.
              </AlertDialogDescription>
            </AlertDialogHeader>
            <AlertDialogFooter>
              <AlertDialogCancel>Cancel</AlertDialogCancel>
              <AlertDialogAction
                variant="destructive"
                disabled={everywhere.isPending}
                onClick={(event) => {
                  event.preventDefault();
                  signOutEverywhere();
                }}
              >
                Sign out everywhere
              </AlertDialogAction>
            </AlertDialogFooter>
          </AlertDialogContent>
        </AlertDialog>
      </div>
      {sessions.isPending ? (
        <ul aria-busy="true" aria-label="Loading sessions" className="divide-y">
          {[0, 1].map((row) => (
            <li key={row} className="flex items-center gap-4 p-4">
              <Skeleton className="size-9 rounded-full" />
              <div className="grid flex-1 gap-2">
                <Skeleton className="h-4 w-40" />
                <Skeleton className="h-3 w-64 max-w-full" />
              </div>
            </li>
          ))}
        </ul>
      ) : sessions.isError ? (
        <div className="p-4">
          <LoadErrorAlert
            title="Your sessions could not be loaded"
            message={sessions.error.message}
            isRetrying={sessions.isFetching}
            onRetry={() => void sessions.refetch()}
          />
        </div>
      ) : (
        <ul aria-label="Sessions" className="divide-y">
          {sessions.data.map((session) => (
            <SessionRow
              key={session.id}
              session={session}
              isSigningOut={signOutOne.isPending && signOutOne.variables === session.id}
              onSignOut={() =>
                signOutOne.mutate(session.id, {
                  onSuccess: () => toast.success(`Signed out of ${session.device}.`),
                  onError: (error) => toast.error(error.message),
                })
              }
            />
          ))}
        </ul>
      )}
    </section>
  );
}

function SessionRow({
  session,
  isSigningOut,
  onSignOut,
}: {
  session: UserSessionItem;
  isSigningOut: boolean;
  onSignOut: () => void;
}) {
  const Icon = MOBILE.test(session.device) ? Smartphone : Monitor;
  return (
    <li
      className="flex flex-col gap-3 p-4 sm:flex-row sm:items-center sm:justify-between"
      data-testid="session-row"
    >
      <div className="flex min-w-0 items-center gap-3">
        <span className="flex size-9 shrink-0 items-center justify-center rounded-full bg-muted">
          <Icon className="size-4" aria-hidden />
        </span>
        <div className="grid min-w-0 gap-0.5">
          <p className="flex flex-wrap items-center gap-2 font-medium">
            <span className="truncate">{session.device}</span>
            {session.isCurrent ? <Badge variant="secondary">This browser</Badge> : null}
          </p>
          <p className="text-sm text-muted-foreground">
            Signed in{" "}
            <time dateTime={session.createdAt}>
              {dateFormat.format(new Date(session.createdAt))}
            </time>
            <span aria-hidden> · </span>
            Last active{" "}
            <time dateTime={session.lastSeenAt}>
              {dateFormat.format(new Date(session.lastSeenAt))}
            </time>
          </p>
        </div>
      </div>
      {session.isCurrent ? null : (
        <Button
          variant="outline"
          size="sm"
          className="self-start sm:self-center"
          isLoading={isSigningOut}
          onClick={onSignOut}
          aria-label={`Sign out of ${session.device}, last active ${dateFormat.format(new Date(session.lastSeenAt))}`}
        >
          Sign out
        </Button>
      )}
    </li>
  );
}
