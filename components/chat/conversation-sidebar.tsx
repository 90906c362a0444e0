"use client";

import { Compass, MessageSquare, Search, X } from "lucide-react";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { useEffect, useId, useMemo, useState } from "react";
import { Button } from "@/components/ui/button";
import { InlineRetryError } from "@/components/ui/inline-retry-error";
import { Input } from "@/components/ui/input";
import { Skeleton } from "@/components/ui/skeleton";
import { groupByDate } from "@/lib/chat/date-groups";
import { cn } from "@/lib/utils/cn";
import { ConversationItem } from "./conversation-item";
import { type ConversationListItem, type ConversationListPage, useConversations } from "./hooks";
import { type PinnedGptItem, usePinnedGpts } from "./pin-hooks";
import { PinnedGptsSection } from "./pinned-gpts-section";

const SEARCH_DELAY_MS = 250;

/** The browser's time zone once mounted; UTC for the server render (so hydration matches). */
function useClock() {
  const [clock, setClock] = useState({ now: new Date(), timeZone: "UTC" });
  useEffect(() => {
    setClock({ now: new Date(), timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone });
  }, []);
  return clock;
}

function useDebounced(value: string, delayMs: number) {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timeout = setTimeout(() => setDebounced(value), delayMs);
    return () => clearTimeout(timeout);
  }, [value, delayMs]);
  return debounced;
}

/**
 * The chat sidebar: pinned GPTs, then recent conversations across GPTs grouped by date, with a
 * title search. Typing filters the loaded conversations at once; when more exist than are
 * loaded, the server's search takes over.
 */
export function ConversationSidebar({
  initialPage,
  initialPinned,
  isSheet = false,
}: {
  initialPage?: ConversationListPage;
  initialPinned?: PinnedGptItem[];
  /** In the phone sheet: leaves room for the sheet's close button. */
  isSheet?: boolean;
}) {
  const [query, setQuery] = useState("");
  const q = query.trim();
  const debouncedQ = useDebounced(q, SEARCH_DELAY_MS);
  const recent = useConversations({ initialPage });
  const isServerSearch = !!debouncedQ && recent.hasNextPage;
  const search = useConversations({ q: isServerSearch ? debouncedQ : "" });
  const pinned = usePinnedGpts({ initialData: initialPinned });
  const pinnedIds = useMemo(
    () => new Set((pinned.data ?? []).map((gpt) => gpt.gptId)),
    [pinned.data],
  );
  const pathname = usePathname();
  const clock = useClock();
  // Rendered twice (desktop aside and phone sheet): ids must not collide.
  const searchId = useId();

  const loaded = useMemo(
    () => recent.data?.pages.flatMap((page) => page.conversations) ?? [],
    [recent.data],
  );
  const lower = q.toLowerCase();
  const matchesQ = (item: ConversationListItem) => !q || item.title.toLowerCase().includes(lower);
  const isSearchCurrent = isServerSearch && q === debouncedQ;
  // While a search loads, its placeholder is the previous search's results: drop non-matches.
  const list =
    isSearchCurrent && search.data
      ? search.data.pages
          .flatMap((page) => page.conversations)
          .filter((item) => !search.isPlaceholderData || matchesQ(item))
      : loaded.filter(matchesQ);
  const isSearchFailed = isSearchCurrent && search.isError && !search.data;
  // With more chats than loaded, local matches are not the answer until the server's arrive.
  const isSearching =
    !!q &&
    !!recent.hasNextPage &&
    !isSearchFailed &&
    (!isSearchCurrent || !search.data || search.isPlaceholderData);
  const active = isServerSearch ? search : recent;
  const inlineError = isSearchFailed
    ? { message: "Could not search all chats.", onRetry: () => search.refetch() }
    : active.isFetchNextPageError
      ? { message: "Could not load more chats.", onRetry: () => active.fetchNextPage() }
      : active.isRefetchError
        ? { message: "Could not refresh chats.", onRetry: () => active.refetch() }
        : null;
  const groups = groupByDate<ConversationListItem>(list, (item) => item.updatedAt, clock);

  return (
    <nav aria-label="Conversations" className="flex h-full min-h-0 flex-col">
      <div className={cn("grid gap-2 p-3", isSheet && "pr-12")}>
        <Link
          href="/"
          className="flex items-center gap-2 rounded-lg border bg-card px-3 py-2 text-sm font-medium hover:bg-accent"
        >
          <Compass className="size-4" aria-hidden /> Explore GPTs
        </Link>
        <div className="relative">
          <Search
            className="pointer-events-none absolute top-1/2 left-2.5 size-4 -translate-y-1/2 text-muted-foreground"
            aria-hidden
          />
          <label htmlFor={searchId} className="sr-only">
            Search chats
          </label>
          <Input
            id={searchId}
            type="search"
            placeholder="Search chats"
            value={query}
            onChange={(event) => setQuery(event.target.value)}
            onKeyDown={(event) => event.key === "Escape" && setQuery("")}
            className="h-9 pr-8 pl-8 [&::-webkit-search-cancel-button]:hidden"
            autoComplete="off"
          />
          {query && (
            <button
              type="button"
              onClick={() => setQuery("")}
              className="absolute top-1/2 right-1.5 -translate-y-1/2 rounded-md p-1 text-muted-foreground hover:text-foreground focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring"
              aria-label="Clear search"
            >
              <X className="size-3.5" aria-hidden />
            </button>
          )}
        </div>
      </div>
      <div className="min-h-0 flex-1 overflow-y-auto pb-4">
        {!q && <PinnedGptsSection pinnedGpts={pinned.data ?? []} />}
        <div className="px-2">
          {recent.isPending ? (
            <div className="space-y-2 p-2" role="status">
              <span className="sr-only">Loading conversations</span>
              {Array.from({ length: 5 }, (_, index) => (
                <Skeleton key={index} className="h-8 w-full" />
              ))}
            </div>
          ) : recent.isError && !recent.data ? (
            <div className="p-3 text-sm text-muted-foreground" role="alert">
              Could not load conversations.{" "}
              <button type="button" className="underline" onClick={() => recent.refetch()}>
                Retry
              </button>
            </div>
          ) : loaded.length === 0 && !q ? (
            <p className="flex items-center gap-2 p-3 text-sm text-muted-foreground">
              <MessageSquare className="size-4" aria-hidden /> No conversations yet.
            </p>
          ) : list.length === 0 ? (
            isSearchFailed && inlineError ? (
              <InlineRetryError className="p-3" {...inlineError} />
            ) : (
              <p className="p-3 text-sm text-muted-foreground" role="status">
                {isSearching ? "Searching…" : `No chats match “${q}”.`}
              </p>
            )
          ) : (
            <div
              data-testid="conversation-list"
              aria-busy={isSearching || (isServerSearch && search.isFetching)}
            >
              {groups.map((group) => (
                <section key={group.label} aria-label={group.label} className="pb-2">
                  <h2 className="px-2 pt-2 pb-1 text-xs font-medium text-muted-foreground">
                    {group.label}
                  </h2>
                  <ul className="space-y-0.5">
                    {group.items.map((conversation) => (
                      <ConversationItem
                        key={conversation.id}
                        conversation={conversation}
                        isActive={pathname === `/c/${conversation.id}`}
                        isGptPinned={pinnedIds.has(conversation.gpt.id)}
                      />
                    ))}
                  </ul>
                </section>
              ))}
              {active.hasNextPage && (!q || isServerSearch) && (
                <Button
                  variant="ghost"
                  size="sm"
                  className="mt-1 w-full text-muted-foreground"
                  isLoading={active.isFetchingNextPage}
                  onClick={() => active.fetchNextPage()}
                >
                  Load more
                </Button>
              )}
              {inlineError && <InlineRetryError className="px-2 pt-1" {...inlineError} />}
            </div>
          )}
        </div>
      </div>
    </nav>
  );
}
