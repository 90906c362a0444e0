"use client";

import { useEffect, useState } from "react";
import { useCreateAction, useUpdateAction } from "@/lib/gpt-actions/client/hooks";
import type { CreateActionInput, UpdateActionInput } from "@/lib/gpt-actions/schemas";
import type { ActionView } from "@/lib/gpt-actions/types";
import { ApiError } from "@/lib/gpts/api-client";
import type { ActionKind } from "./add-action-menu";
import {
  type AuthDraft,
  authDraftFrom,
  checkActionInput,
  type FieldErrorMap,
  toAuthInput,
} from "./auth-draft";
import { type OpenApiDraft, useOpenApiDraft } from "./use-openapi-draft";

function disabledKeysOf(action: ActionView | null): Set<string> {
  return new Set(
    action?.operations.filter((operation) => !operation.isEnabled).map((op) => op.key),
  );
}

/**
 * The action editor's state: the source (OpenAPI text or MCP URL), auth, enabled operations and
 * privacy policy, and Save. After the first save the editor keeps editing the saved action, so
 * its operations can be tested (and an MCP server's tools appear) without reopening.
 */
export function useActionEditor({
  gptId,
  kind,
  action: initialAction,
}: {
  gptId: string;
  kind: ActionKind;
  action: ActionView | null;
}) {
  const [saved, setSaved] = useState(initialAction);
  const openapiDraft = useOpenApiDraft({
    gptId,
    initialText: initialAction?.schemaText ?? "",
    initialSourceUrl: initialAction?.sourceUrl ?? null,
  });
  const [mcpUrl, setMcpUrl] = useState(kind === "mcp" ? (initialAction?.serverUrl ?? "") : "");
  const [serverUrl, setServerUrl] = useState(
    kind === "openapi" ? (initialAction?.serverUrl ?? "") : "",
  );
  const [auth, setAuth] = useState<AuthDraft>(() => authDraftFrom(initialAction?.auth));
  const [isAuthTouched, setIsAuthTouched] = useState(initialAction !== null);
  const [isAuthSuggested, setIsAuthSuggested] = useState(false);
  const [privacyPolicyUrl, setPrivacyPolicyUrl] = useState(initialAction?.privacyPolicyUrl ?? "");
  const [disabledKeys, setDisabledKeys] = useState(() => disabledKeysOf(initialAction));
  const [errors, setErrors] = useState<FieldErrorMap>({});
  const [saveError, setSaveError] = useState<string | null>(null);
  const createAction = useCreateAction(gptId);

  // A new document (typed, pasted or imported) makes the last save's complaints about it stale.
  function clearDocumentErrors() {
    setErrors((current) => {
      if (!current.schemaText && !current.sourceUrl) return current;
      const { schemaText: _schemaText, sourceUrl: _sourceUrl, ...rest } = current;
      return rest;
    });
  }
  const openapi: OpenApiDraft = {
    ...openapiDraft,
    setText: (value) => {
      clearDocumentErrors();
      openapiDraft.setText(value);
    },
    importFromUrl: () => {
      clearDocumentErrors();
      openapiDraft.importFromUrl();
    },
  };
  const updateAction = useUpdateAction(gptId);

  const preview = openapi.preview;
  const lastOk = openapi.lastResult?.preview.ok ? openapi.lastResult.preview : null;
  const suggestedAuth = preview?.ok ? preview.suggestedAuth : null;

  // A new action starts from the auth the document declares, until the creator changes it.
  useEffect(() => {
    if (isAuthTouched || !suggestedAuth) return;
    setAuth(authDraftFrom(suggestedAuth));
    setIsAuthSuggested(suggestedAuth.kind !== "none");
  }, [isAuthTouched, suggestedAuth]);

  const isSourceUnchanged = saved !== null && (kind === "mcp" || openapi.text === saved.schemaText);
  const operations =
    kind === "mcp"
      ? (saved?.operations ?? [])
      : preview?.ok
        ? preview.operations
        : isSourceUnchanged
          ? (saved?.operations ?? [])
          : (lastOk?.operations ?? []);
  const testableKeys = new Set(
    isSourceUnchanged ? (saved?.operations ?? []).map((operation) => operation.key) : [],
  );
  const needsServerUrl = kind === "openapi" && (preview?.ok ? preview : lastOk)?.serverUrl === null;

  function buildInput(): { create: CreateActionInput } | { update: UpdateActionInput } {
    const shared = {
      auth: toAuthInput(auth),
      privacyPolicyUrl: privacyPolicyUrl.trim(),
      disabledOperations: operations.map((op) => op.key).filter((key) => disabledKeys.has(key)),
    };
    if (saved) {
      const isOpenApi = kind === "openapi";
      return {
        update: {
          ...shared,
          ...(isOpenApi && openapi.text !== saved.schemaText ? { schemaText: openapi.text } : {}),
          sourceUrl: isOpenApi ? (openapi.sourceUrl ?? "") : "",
          ...(isOpenApi
            ? needsServerUrl
              ? { serverUrl: serverUrl.trim() }
              : {}
            : { serverUrl: mcpUrl.trim() }),
        },
      };
    }
    if (kind === "mcp") {
      return { create: { ...shared, kind: "mcp", serverUrl: mcpUrl.trim() } };
    }
    return {
      create: {
        ...shared,
        kind: "openapi",
        schemaText: openapi.text,
        sourceUrl: openapi.sourceUrl ?? "",
        serverUrl: needsServerUrl ? serverUrl.trim() : "",
      },
    };
  }

  function adopt(action: ActionView) {
    setSaved(action);
    setAuth(authDraftFrom(action.auth));
    setIsAuthTouched(true);
    setIsAuthSuggested(false);
    setDisabledKeys(disabledKeysOf(action));
  }

  /** Resolves with the saved action, or null when the form or the server refused it. */
  async function save(): Promise<ActionView | null> {
    const input = buildInput();
    const found = checkActionInput(input, { draft: auth, saved: saved?.auth });
    if (needsServerUrl && !serverUrl.trim()) found.serverUrl = ["Enter the server URL."];
    setSaveError(null);
    setErrors(found);
    if (Object.keys(found).length > 0) return null;
    try {
      const action =
        "create" in input
          ? await createAction.mutateAsync(input.create)
          : await updateAction.mutateAsync({ actionId: saved!.id, input: input.update });
      adopt(action);
      return action;
    } catch (error) {
      if (error instanceof ApiError) {
        setErrors(error.fieldErrors);
        setSaveError(error.message);
      } else {
        setSaveError("Something went wrong. Please try again.");
      }
      return null;
    }
  }

  return {
    kind,
    saved,
    adopt,
    openapi,
    mcpUrl,
    setMcpUrl,
    serverUrl,
    setServerUrl,
    needsServerUrl,
    auth,
    isAuthSuggested,
    patchAuth: (patch: Partial<AuthDraft>) => {
      setIsAuthTouched(true);
      setIsAuthSuggested(false);
      setAuth((current) => ({ ...current, ...patch }));
    },
    privacyPolicyUrl,
    setPrivacyPolicyUrl,
    operations,
    testableKeys,
    disabledKeys,
    toggleOperation: (key: string, isEnabled: boolean) =>
      setDisabledKeys((keys) => {
        const next = new Set(keys);
        if (isEnabled) next.delete(key);
        else next.add(key);
        return next;
      }),
    errors,
    saveError,
    isSaving: createAction.isPending || updateAction.isPending,
    save,
  };
}

export type ActionEditor = ReturnType<typeof useActionEditor>;
