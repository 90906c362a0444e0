"use client";

import { History, RefreshCw } from "lucide-react";
import { useState } from "react";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import {
  Dialog,
  DialogContent,
  DialogDescription,
  DialogHeader,
  DialogTitle,
  DialogTrigger,
} from "@/components/ui/dialog";
import { EmptyState } from "@/components/ui/empty-state";
import { Skeleton } from "@/components/ui/skeleton";
import { Spinner } from "@/components/ui/spinner";
import { useActionCalls } from "@/lib/gpt-actions/client/hooks";
import { CallLogTable } from "./call-log-table";

/** "Call log": every call this GPT's actions made (chats, preview, tests), newest first. */
export function CallLogDialog({ gptId }: { gptId: string }) {
  const [isOpen, setIsOpen] = useState(false);
  return (
    <Dialog open={isOpen} onOpenChange={setIsOpen}>
      <DialogTrigger asChild>
        <Button type="button" variant="outline" size="sm">
          <History aria-hidden="true" />
          Call log
        </Button>
      </DialogTrigger>
      <DialogContent
        className="max-w-4xl max-sm:h-dvh max-sm:max-h-dvh max-sm:w-screen max-sm:max-w-none max-sm:rounded-none max-sm:border-0"
        data-testid="call-log"
      >
        <DialogHeader className="text-left">
          <DialogTitle>Call log</DialogTitle>
          <DialogDescription>
            Calls made by this GPT’s actions in chats, the preview and tests.
          </DialogDescription>
        </DialogHeader>
        {isOpen ? <CallLogBody gptId={gptId} /> : null}
      </DialogContent>
    </Dialog>
  );
}

function CallLogBody({ gptId }: { gptId: string }) {
  const calls = useActionCalls(gptId);
  const refresh = (
    <Button
      type="button"
      variant="outline"
      size="sm"
      isLoading={calls.isFetching}
      onClick={() => void calls.refetch()}
    >
      {calls.isFetching ? null : <RefreshCw aria-hidden="true" />}
      Refresh
    </Button>
  );

  if (calls.isPending) {
    return (
      <div aria-busy="true" className="grid gap-2" data-testid="call-log-loading">
        <Spinner label="Loading the call log" className="sr-only" />
        {Array.from({ length: 4 }, (_, index) => (
          <Skeleton key={index} className="h-9" />
        ))}
      </div>
    );
  }
  if (calls.isError) {
    return (
      <Alert variant="destructive">
        <AlertTitle>The call log could not be loaded</AlertTitle>
        <AlertDescription className="text-destructive">
          <p>{calls.error.message}</p>
          <div>{refresh}</div>
        </AlertDescription>
      </Alert>
    );
  }
  return (
    <div className="grid min-w-0 gap-3">
      <div className="flex items-center justify-between gap-3">
        <p role="status" className="text-sm text-muted-foreground">
          {calls.data.length === 1 ? "1 call" : `${calls.data.length} calls`}
        </p>
        {refresh}
      </div>
      {calls.data.length === 0 ? (
        <EmptyState
          titleAs="p"
          title="No calls yet"
          description="Calls appear here when the GPT uses an action in a chat or the preview, or when you test an operation."
          className="py-8"
        />
      ) : (
        <CallLogTable calls={calls.data} />
      )}
    </div>
  );
}
