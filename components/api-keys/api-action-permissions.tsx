"use client";

import { Search, Zap } from "lucide-react";
import Link from "next/link";
import { type ReactNode, useEffect, useId, useState } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { GptAvatar } from "@/components/ui/gpt-avatar";
import { Input } from "@/components/ui/input";
import { LoadErrorAlert } from "@/components/ui/load-error-alert";
import { Skeleton } from "@/components/ui/skeleton";
import type { ApiActionGpt } from "@/lib/api-keys/action-permissions";
import {
  useAllowApiActions,
  useApiActionPermissions,
  useRemoveApiActions,
} from "@/lib/api-keys/hooks";
import { formatDay } from "./key-status";

const SEARCH_DELAY_MS = 250;

/**
 * "Actions over the API": in the app a GPT's actions ask before calling out; over the API nobody
 * can be asked, so they are refused unless the key owner allowed that GPT here.
 */
export function ApiActionPermissions() {
  const searchId = useId();
  const [search, setSearch] = useState("");
  const [query, setQuery] = useState("");
  useEffect(() => {
    const timeout = setTimeout(() => setQuery(search.trim()), SEARCH_DELAY_MS);
    return () => clearTimeout(timeout);
  }, [search]);
  const permissions = useApiActionPermissions(query);
  const allow = useAllowApiActions();
  const remove = useRemoveApiActions();

  return (
    <section aria-labelledby="api-actions-heading" className="rounded-xl border bg-card">
      <div className="grid gap-1 border-b p-4">
        <h2 id="api-actions-heading" className="font-semibold">
          Actions over the API
        </h2>
        <p className="text-sm text-muted-foreground">
          Some GPTs call other services (actions). In the app, Atelier asks you before they do; over
          the API nobody can be asked, so those calls are refused unless you allow the GPT here.
          Allowing covers the actions of its published version, with any of your keys.
        </p>
      </div>
      {permissions.isPending ? (
        <div role="status" aria-busy="true" aria-label="Loading GPTs" className="grid gap-3 p-4">
          <Skeleton className="h-9 w-full" />
          <Skeleton className="h-12 w-full" />
        </div>
      ) : permissions.isError ? (
        <div className="p-4">
          <LoadErrorAlert
            title="GPTs with actions could not be loaded"
            message={permissions.error.message}
            isRetrying={permissions.isFetching}
            onRetry={() => void permissions.refetch()}
          />
        </div>
      ) : (
        <div className="grid gap-6 p-4">
          <div className="grid gap-2">
            <h3 className="text-sm font-medium">Allowed</h3>
            {permissions.data.allowed.length === 0 ? (
              <p className="text-sm text-muted-foreground">
                No GPT yet: actions that would ask for your consent are refused over the API.
              </p>
            ) : (
              <ul aria-label="GPTs allowed to run actions over the API" className="grid gap-2">
                {permissions.data.allowed.map((gpt) => (
                  <GptRow key={gpt.gptId} gpt={gpt}>
                    <Button
                      variant="outline"
                      size="sm"
                      isLoading={remove.isPending && remove.variables === gpt.gptId}
                      onClick={() =>
                        remove.mutate(gpt.gptId, {
                          onSuccess: () =>
                            toast.success(`${gpt.name}: actions are refused over the API again.`),
                          onError: (error) => toast.error(error.message),
                        })
                      }
                    >
                      Remove<span className="sr-only"> {gpt.name}</span>
                    </Button>
                  </GptRow>
                ))}
              </ul>
            )}
          </div>
          <div className="grid gap-2">
            <label htmlFor={searchId} className="text-sm font-medium">
              Allow a GPT
            </label>
            <p id={`${searchId}-description`} className="-mt-1 text-sm text-muted-foreground">
              GPTs with actions that you own or have chatted with.
            </p>
            <div className="relative">
              <Search
                aria-hidden
                className="pointer-events-none absolute top-1/2 left-3 size-4 -translate-y-1/2 text-muted-foreground"
              />
              <Input
                id={searchId}
                type="search"
                value={search}
                onChange={(event) => setSearch(event.target.value)}
                placeholder="Search by name"
                aria-describedby={`${searchId}-description`}
                className="pl-9"
                maxLength={100}
              />
            </div>
            {permissions.data.candidates.length === 0 ? (
              <p className="text-sm text-muted-foreground" aria-live="polite">
                {query
                  ? `No GPT with actions matches “${query}”.`
                  : "None of the GPTs you own or have chatted with has actions left to allow."}
              </p>
            ) : (
              <ul aria-label="GPTs with actions" className="grid gap-2">
                {permissions.data.candidates.map((gpt) => (
                  <GptRow key={gpt.gptId} gpt={gpt}>
                    <Button
                      variant="outline"
                      size="sm"
                      isLoading={allow.isPending && allow.variables === gpt.gptId}
                      onClick={() =>
                        allow.mutate(gpt.gptId, {
                          onSuccess: () =>
                            toast.success(`${gpt.name} may now run its actions over the API.`),
                          onError: (error) => toast.error(error.message),
                        })
                      }
                    >
                      Allow<span className="sr-only"> {gpt.name}</span>
                    </Button>
                  </GptRow>
                ))}
              </ul>
            )}
          </div>
        </div>
      )}
    </section>
  );
}

function GptRow({ gpt, children }: { gpt: ApiActionGpt; children: ReactNode }) {
  return (
    <li
      data-testid="api-action-gpt"
      className="flex flex-col gap-3 rounded-lg border p-3 sm:flex-row sm:items-center sm:justify-between"
    >
      <div className="flex min-w-0 items-center gap-3">
        <GptAvatar name={gpt.name} src={gpt.avatarUrl} color={gpt.avatarColor} />
        <div className="grid min-w-0 gap-0.5">
          {gpt.isAvailable ? (
            <Link href={`/g/${gpt.slug}`} className="truncate font-medium hover:underline">
              {gpt.name}
            </Link>
          ) : (
            <span className="truncate font-medium text-muted-foreground">{gpt.name}</span>
          )}
          <p className="flex flex-wrap items-center gap-x-2 text-sm text-muted-foreground">
            {gpt.domains.length > 0 ? (
              <span className="flex min-w-0 items-center gap-1">
                <Zap aria-hidden className="size-3.5 shrink-0" />
                <span className="truncate">Calls {gpt.domains.join(", ")}</span>
              </span>
            ) : null}
            {gpt.allowedAt ? (
              <span>
                Allowed <time dateTime={gpt.allowedAt}>{formatDay(gpt.allowedAt)}</time>
              </span>
            ) : null}
          </p>
        </div>
      </div>
      <div className="shrink-0 self-start sm:self-center">{children}</div>
    </li>
  );
}
