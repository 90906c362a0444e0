import {
  type AuthInput,
  type CreateActionInput,
  createActionSchema,
  type UpdateActionInput,
  updateActionSchema,
} from "@/lib/gpt-actions/schemas";
import type {
  ActionAuthView,
  ApiKeyPlacement,
  OAuthTokenAuthMethod,
} from "@/lib/gpt-actions/types";

export type AuthKind = ActionAuthView["kind"];

/** The auth form as typed. Secrets start empty: the API never returns a stored one. */
export type AuthDraft = {
  kind: AuthKind;
  placement: ApiKeyPlacement;
  name: string;
  secret: string;
  clientId: string;
  clientSecret: string;
  authorizeUrl: string;
  tokenUrl: string;
  scopes: string;
  tokenAuthMethod: OAuthTokenAuthMethod;
  /** The creator chose "Replace" for the stored secret (or there is none to keep). */
  isReplacingSecret: boolean;
};

export const EMPTY_AUTH_DRAFT: AuthDraft = {
  kind: "none",
  placement: "header",
  name: "",
  secret: "",
  clientId: "",
  clientSecret: "",
  authorizeUrl: "",
  tokenUrl: "",
  scopes: "",
  tokenAuthMethod: "client_secret_post",
  isReplacingSecret: false,
};

export function authDraftFrom(auth: ActionAuthView | null | undefined): AuthDraft {
  if (!auth || auth.kind === "none") return EMPTY_AUTH_DRAFT;
  if (auth.kind === "api_key") {
    return { ...EMPTY_AUTH_DRAFT, kind: "api_key", placement: auth.placement, name: auth.name };
  }
  const { clientId, authorizeUrl, tokenUrl, scopes, tokenAuthMethod } = auth;
  return {
    ...EMPTY_AUTH_DRAFT,
    kind: "oauth",
    clientId,
    authorizeUrl,
    tokenUrl,
    scopes,
    tokenAuthMethod,
  };
}

/** A stored secret is kept only for the same kind of auth it was saved with. */
export function hasStoredSecret(saved: ActionAuthView | null | undefined, kind: AuthKind): boolean {
  if (!saved || saved.kind === "none" || saved.kind !== kind) return false;
  return saved.hasSecret;
}

/** Leaving a secret empty sends no field, which keeps the stored one (or sets none). */
export function toAuthInput(draft: AuthDraft): AuthInput {
  if (draft.kind === "none") return { kind: "none" };
  if (draft.kind === "api_key") {
    const secret = draft.secret.trim();
    return {
      kind: "api_key",
      placement: draft.placement,
      name: draft.placement === "header" || draft.placement === "query" ? draft.name.trim() : "",
      ...(secret ? { secret } : {}),
    };
  }
  const clientSecret = draft.clientSecret.trim();
  return {
    kind: "oauth",
    clientId: draft.clientId.trim(),
    authorizeUrl: draft.authorizeUrl.trim(),
    tokenUrl: draft.tokenUrl.trim(),
    scopes: draft.scopes.trim(),
    tokenAuthMethod: draft.tokenAuthMethod,
    ...(clientSecret ? { clientSecret } : {}),
  };
}

export type FieldErrorMap = Record<string, string[]>;

/** The API's own rules, checked before sending (same messages as the server's field errors). */
export function checkActionInput(
  input: { create: CreateActionInput } | { update: UpdateActionInput },
  auth: { draft: AuthDraft; saved: ActionAuthView | null | undefined },
): FieldErrorMap {
  const result =
    "create" in input
      ? createActionSchema.safeParse(input.create)
      : updateActionSchema.safeParse(input.update);
  const errors: FieldErrorMap = {};
  if (!result.success) {
    for (const issue of result.error.issues) {
      const key = issue.path.join(".") || "form";
      errors[key] = [...(errors[key] ?? []), issue.message];
    }
  }
  const { draft, saved } = auth;
  // "Replace" left empty still keeps the stored key, so only a missing one is an error.
  if (draft.kind === "api_key" && !draft.secret.trim() && !hasStoredSecret(saved, draft.kind)) {
    errors["auth.secret"] = ["Enter the API key."];
  }
  return errors;
}

export function firstError(errors: FieldErrorMap, key: string): string | null {
  return errors[key]?.[0] ?? null;
}
