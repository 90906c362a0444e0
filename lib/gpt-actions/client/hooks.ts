"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { gptKeys } from "@/lib/gpts/hooks";
import type { CreateActionInput, PreviewOpenApiInput, UpdateActionInput } from "../schemas";
import {
  connectionStatusRequest,
  createActionRequest,
  deleteActionRequest,
  listActionCallsRequest,
  listActionsRequest,
  previewOpenApiRequest,
  refreshMcpToolsRequest,
  testActionRequest,
  updateActionRequest,
} from "./api-client";

export const actionKeys = {
  all: ["gpt-actions"] as const,
  list: (gptId: string) => [...actionKeys.all, "list", gptId] as const,
  calls: (gptId: string) => [...actionKeys.all, "calls", gptId] as const,
  connection: (gptId: string, actionId: string) =>
    [...actionKeys.all, "connection", gptId, actionId] as const,
};

/**
 * Actions belong to the draft, so a change to them is an unpublished change: refresh the list and
 * the editor's GPT (whatever reads "Unpublished changes" from it).
 */
function useInvalidateActions(gptId: string) {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: actionKeys.list(gptId) }),
      queryClient.invalidateQueries({ queryKey: gptKeys.editor(gptId) }),
    ]);
}

/** The GPT's actions. Idle for a GPT not created yet (null). */
export function useActions(gptId: string | null) {
  return useQuery({
    queryKey: actionKeys.list(gptId ?? ""),
    queryFn: () => listActionsRequest(gptId ?? ""),
    select: (data) => data.actions,
    enabled: gptId !== null,
  });
}

/**
 * Whether the draft's actions differ from the published version's (same query as useActions):
 * actions are not form fields, so the editor ORs this into "Unpublished changes".
 */
export function useHasUnpublishedActionChanges(gptId: string | null) {
  return useQuery({
    queryKey: actionKeys.list(gptId ?? ""),
    queryFn: () => listActionsRequest(gptId ?? ""),
    select: (data) => data.hasUnpublishedChanges,
    enabled: gptId !== null,
  });
}

/** Parses a document (pasted or imported from a URL) without saving it. */
export function usePreviewOpenApi(gptId: string) {
  return useMutation({
    mutationKey: [...actionKeys.list(gptId), "preview"],
    mutationFn: (input: PreviewOpenApiInput) => previewOpenApiRequest(gptId, input),
  });
}

export function useCreateAction(gptId: string) {
  const invalidate = useInvalidateActions(gptId);
  return useMutation({
    mutationKey: [...actionKeys.list(gptId), "create"],
    mutationFn: async (input: CreateActionInput) =>
      (await createActionRequest(gptId, input)).action,
    onSuccess: invalidate,
  });
}

export function useUpdateAction(gptId: string) {
  const invalidate = useInvalidateActions(gptId);
  return useMutation({
    mutationKey: [...actionKeys.list(gptId), "update"],
    mutationFn: async ({ actionId, input }: { actionId: string; input: UpdateActionInput }) =>
      (await updateActionRequest(gptId, actionId, input)).action,
    onSuccess: invalidate,
  });
}

export function useDeleteAction(gptId: string) {
  const invalidate = useInvalidateActions(gptId);
  return useMutation({
    mutationKey: [...actionKeys.list(gptId), "delete"],
    mutationFn: (actionId: string) => deleteActionRequest(gptId, actionId),
    onSettled: invalidate,
  });
}

/** MCP: asks the server for its tools again; new tools arrive enabled. */
export function useRefreshMcpTools(gptId: string) {
  const invalidate = useInvalidateActions(gptId);
  return useMutation({
    mutationKey: [...actionKeys.list(gptId), "refresh"],
    mutationFn: async (actionId: string) => (await refreshMcpToolsRequest(gptId, actionId)).action,
    onSuccess: invalidate,
  });
}

/** One test call per Run (a mutation, so nothing refetches it); the call log gains a row. */
export function useTestAction(gptId: string, actionId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationKey: [...actionKeys.list(gptId), "test", actionId],
    mutationFn: (input: { operationKey: string; args: Record<string, unknown> }) =>
      testActionRequest(gptId, actionId, input),
    onSettled: () => queryClient.invalidateQueries({ queryKey: actionKeys.calls(gptId) }),
  });
}

export function useActionCalls(gptId: string, enabled = true) {
  return useQuery({
    queryKey: actionKeys.calls(gptId),
    queryFn: async () => (await listActionCallsRequest(gptId)).calls,
    enabled,
    staleTime: 0,
  });
}

/** Whether the signed-in user has connected their account for an OAuth action. */
export function useConnectionStatus(gptId: string, actionId: string, enabled: boolean) {
  return useQuery({
    queryKey: actionKeys.connection(gptId, actionId),
    queryFn: async () => (await connectionStatusRequest(gptId, actionId)).isConnected,
    enabled,
    staleTime: 0,
  });
}
