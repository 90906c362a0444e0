"use client";

import {
  type InfiniteData,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
} from "@tanstack/react-query";
import { useEffect, useRef } from "react";
import {
  fetchNotificationSettings,
  fetchNotificationsPage,
  fetchUnreadNotificationCount,
  markNotificationsReadRequest,
  type NotificationFilter,
  updateNotificationSettingsRequest,
} from "./api-client";
import type {
  MarkReadInput,
  NotificationItem,
  NotificationSettings,
  NotificationsPage,
} from "./schemas";

export const notificationKeys = {
  all: ["notifications"] as const,
  lists: () => [...notificationKeys.all, "list"] as const,
  list: (filter: NotificationFilter) => [...notificationKeys.lists(), filter] as const,
  unreadCount: () => [...notificationKeys.all, "unread-count"] as const,
  settings: ["me", "notification-settings"] as const,
};

type UnreadCount = { unreadCount: number };
type ListData = InfiniteData<NotificationsPage, string | null>;

/** How often the bell asks for the unread count while the tab is visible. */
export const UNREAD_POLL_MS = 60_000;

/**
 * The bell's number. Polls every minute while the tab is visible (TanStack pauses the interval in
 * a hidden tab) and refetches when the window regains focus. When it goes up, the loaded lists are
 * refreshed so a new notification shows without a reload.
 */
export function useUnreadNotificationCount() {
  const queryClient = useQueryClient();
  const query = useQuery({
    queryKey: notificationKeys.unreadCount(),
    queryFn: fetchUnreadNotificationCount,
    select: (data: UnreadCount) => data.unreadCount,
    refetchInterval: UNREAD_POLL_MS,
    refetchIntervalInBackground: false,
    refetchOnWindowFocus: true,
    staleTime: 10_000,
  });
  const previous = useRef<number | undefined>(undefined);
  useEffect(() => {
    const count = query.data;
    if (previous.current !== undefined && count !== undefined && count > previous.current) {
      void queryClient.invalidateQueries({ queryKey: notificationKeys.lists() });
    }
    previous.current = count;
  }, [query.data, queryClient]);
  return query;
}

/** The actor's notifications, newest first, 20 a page ("Load more" fetches the next). */
export function useNotificationList(filter: NotificationFilter, options?: { enabled?: boolean }) {
  const queryClient = useQueryClient();
  return useInfiniteQuery({
    queryKey: notificationKeys.list(filter),
    queryFn: async ({ pageParam }) => {
      const page = await fetchNotificationsPage({ filter, cursor: pageParam });
      // Each page carries the current unread count: keep the bell in step for free.
      queryClient.setQueryData<UnreadCount>(notificationKeys.unreadCount(), {
        unreadCount: page.unreadCount,
      });
      return page;
    },
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    enabled: options?.enabled ?? true,
    staleTime: 0,
  });
}

/** The loaded notifications, each once (a page boundary can move while rows arrive). */
export function notificationsOfPages(pages: NotificationsPage[] | undefined): NotificationItem[] {
  const seen = new Set<string>();
  return (pages ?? []).flatMap((page) =>
    page.notifications.filter((item) => {
      if (seen.has(item.id)) return false;
      seen.add(item.id);
      return true;
    }),
  );
}

/**
 * Marks notifications read. Optimistic: the dots and the badge clear at once and come back if the
 * request fails; the server's unread count wins afterwards.
 */
export function useMarkNotificationsRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: MarkReadInput) => markNotificationsReadRequest(input),
    onMutate: async (input) => {
      await queryClient.cancelQueries({ queryKey: notificationKeys.all });
      const lists = queryClient.getQueriesData<ListData>({ queryKey: notificationKeys.lists() });
      const count = queryClient.getQueryData<UnreadCount>(notificationKeys.unreadCount());
      const ids = new Set(input.ids ?? []);
      const isTarget = (item: NotificationItem) =>
        item.readAt === null && (input.all === true || ids.has(item.id));
      const now = new Date().toISOString();
      let newlyRead = 0;
      const counted = new Set<string>();
      for (const [key, data] of lists) {
        if (!data) continue;
        queryClient.setQueryData<ListData>(key, {
          ...data,
          pages: data.pages.map((page) => ({
            ...page,
            notifications: page.notifications.map((item) => {
              if (!isTarget(item)) return item;
              if (!counted.has(item.id)) {
                counted.add(item.id);
                newlyRead += 1;
              }
              return { ...item, readAt: now };
            }),
          })),
        });
      }
      if (count) {
        queryClient.setQueryData<UnreadCount>(notificationKeys.unreadCount(), {
          unreadCount: input.all ? 0 : Math.max(0, count.unreadCount - newlyRead),
        });
      }
      return { lists, count };
    },
    onError: (_error, _input, context) => {
      for (const [key, data] of context?.lists ?? []) queryClient.setQueryData(key, data);
      if (context?.count) {
        queryClient.setQueryData(notificationKeys.unreadCount(), context.count);
      }
    },
    onSuccess: (result) => {
      queryClient.setQueryData<UnreadCount>(notificationKeys.unreadCount(), {
        unreadCount: result.unreadCount,
      });
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: notificationKeys.lists() }),
  });
}

export function useNotificationSettings() {
  return useQuery({ queryKey: notificationKeys.settings, queryFn: fetchNotificationSettings });
}

/** Saves at once (a switch has no Save button); optimistic, rolled back on failure. */
export function useUpdateNotificationSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: NotificationSettings) => updateNotificationSettingsRequest(input),
    onMutate: async (input) => {
      await queryClient.cancelQueries({ queryKey: notificationKeys.settings });
      const previous = queryClient.getQueryData<NotificationSettings>(notificationKeys.settings);
      queryClient.setQueryData(notificationKeys.settings, input);
      return { previous };
    },
    onError: (_error, _input, context) => {
      if (context?.previous) queryClient.setQueryData(notificationKeys.settings, context.previous);
    },
    onSuccess: (saved) => queryClient.setQueryData(notificationKeys.settings, saved),
  });
}
