"use client";

import { BookOpen, KeySquare, Plus } from "lucide-react";
import Link from "next/link";
import { useState } from "react";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { LoadErrorAlert } from "@/components/ui/load-error-alert";
import { PageHeader } from "@/components/ui/page-header";
import { Skeleton } from "@/components/ui/skeleton";
import { useApiKeys } from "@/lib/api-keys/hooks";
import { ApiActionPermissions } from "./api-action-permissions";
import { ApiKeyList } from "./api-key-list";
import { CreateApiKeyDialog } from "./create-api-key-dialog";
import { NewApiKeyDialog } from "./new-api-key-dialog";

const API_REFERENCE_PATH = "/docs/api";

/** Settings → API keys: the user's keys (create, shown once; revoke) and actions over the API. */
export function ApiKeysSettings({ hasBilling }: { hasBilling: boolean }) {
  const keys = useApiKeys();
  const [isCreating, setIsCreating] = useState(false);
  const [created, setCreated] = useState<{ key: string; name: string } | null>(null);
  const canCreate = keys.data?.hasApiAccess === true;

  const createButton = (
    <Button onClick={() => setIsCreating(true)} disabled={!canCreate}>
      <Plus aria-hidden /> Create API key
    </Button>
  );

  return (
    <div className="grid gap-6">
      <PageHeader
        className="pb-0"
        title="API keys"
        description={
          <>
            Keys let your own code chat with GPTs through Atelier’s OpenAI-compatible API and manage
            your GPTs.{" "}
            <Link href={API_REFERENCE_PATH} className="font-medium text-primary hover:underline">
              Read the API reference
            </Link>
            .
          </>
        }
        actions={keys.isSuccess ? createButton : null}
      />
      {keys.isPending ? (
        <div
          role="status"
          aria-busy="true"
          aria-label="Loading your API keys"
          className="grid gap-3"
        >
          <Skeleton className="h-24 w-full rounded-xl" />
          <Skeleton className="h-24 w-full rounded-xl" />
        </div>
      ) : keys.isError ? (
        <LoadErrorAlert
          title="Your API keys could not be loaded"
          message={keys.error.message}
          isRetrying={keys.isFetching}
          onRetry={() => void keys.refetch()}
        />
      ) : (
        <>
          {keys.data.hasApiAccess ? null : <NoApiAccessNotice hasBilling={hasBilling} />}
          {keys.data.keys.length === 0 ? (
            <EmptyState
              icon={KeySquare}
              title="No API keys yet"
              description="Create a key to call your GPTs from scripts, apps and tools built for OpenAI’s API. Each key has its own scopes, can expire, and can be revoked at any time."
              action={
                <Button variant="outline" asChild>
                  <Link href={API_REFERENCE_PATH}>
                    <BookOpen aria-hidden /> API reference
                  </Link>
                </Button>
              }
            />
          ) : (
            <ApiKeyList keys={keys.data.keys} />
          )}
          <p className="text-sm text-muted-foreground">
            Up to {keys.data.maxActiveKeys} active keys. Keep keys secret: anyone holding one can
            use your plan’s allowance and credits.
          </p>
        </>
      )}
      <ApiActionPermissions />
      <CreateApiKeyDialog
        isOpen={isCreating}
        onOpenChange={setIsCreating}
        onCreated={(next) => {
          setIsCreating(false);
          setCreated(next);
        }}
      />
      <NewApiKeyDialog created={created} onClose={() => setCreated(null)} />
    </div>
  );
}

function NoApiAccessNotice({ hasBilling }: { hasBilling: boolean }) {
  return (
    <Alert variant="warning" data-testid="no-api-access">
      <AlertTitle>Your plan does not include API access</AlertTitle>
      <AlertDescription className="text-warning">
        {hasBilling ? (
          <p>
            Choose a plan with API access under{" "}
            <Link href="/settings/billing" className="font-medium underline underline-offset-2">
              Settings → Billing
            </Link>{" "}
            to create keys. Keys you already have stop working until then.
          </p>
        ) : (
          <p>
            Ask the administrator of this Atelier to include API access in your plan. Keys you
            already have stop working until then.
          </p>
        )}
      </AlertDescription>
    </Alert>
  );
}
