"use client";

import { CopyButton } from "@/components/ui/copy-button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Select } from "@/components/ui/select";
import type { OAuthTokenAuthMethod } from "@/lib/gpt-actions/types";
import { type AuthDraft, type FieldErrorMap, firstError } from "./auth-draft";
import { SecretField } from "./secret-field";

const REDIRECT_PATH = "/api/actions/oauth/callback";

/** OAuth 2 (authorization code): the app registered at the provider, and where it sends people back. */
export function OAuthFields({
  draft,
  hasStored,
  errors,
  onChange,
}: {
  draft: AuthDraft;
  hasStored: boolean;
  errors: FieldErrorMap;
  onChange: (patch: Partial<AuthDraft>) => void;
}) {
  // Rendered only inside an open dialog, so always in the browser.
  const redirectUrl = `${typeof window === "undefined" ? "" : window.location.origin}${REDIRECT_PATH}`;
  return (
    <div className="grid gap-4">
      <div className="grid gap-2">
        <Label htmlFor="action-oauth-redirect">Redirect URL</Label>
        <div className="flex items-center gap-1">
          <Input
            id="action-oauth-redirect"
            readOnly
            value={redirectUrl}
            className="font-mono text-xs md:text-xs"
            aria-describedby="action-oauth-redirect-description"
            onFocus={(event) => event.currentTarget.select()}
          />
          <CopyButton value={redirectUrl} label="Copy redirect URL" className="size-9" />
        </div>
        <p id="action-oauth-redirect-description" className="text-sm text-muted-foreground">
          Register this as the callback (redirect) URL of your OAuth app at the provider.
        </p>
      </div>
      <div className="grid gap-4 sm:grid-cols-2 sm:items-start">
        <Field
          id="action-oauth-client-id"
          label="Client ID"
          isRequired
          error={firstError(errors, "auth.clientId")}
        >
          <Input
            value={draft.clientId}
            autoComplete="off"
            spellCheck={false}
            required
            onChange={(event) => onChange({ clientId: event.target.value })}
          />
        </Field>
        <SecretField
          id="action-oauth-client-secret"
          label="Client secret"
          value={draft.clientSecret}
          hasStored={hasStored}
          isReplacing={draft.isReplacingSecret}
          error={firstError(errors, "auth.clientSecret")}
          onChange={(clientSecret) => onChange({ clientSecret })}
          onReplacingChange={(isReplacingSecret) => onChange({ isReplacingSecret })}
        />
      </div>
      <Field
        id="action-oauth-authorize-url"
        label="Authorization URL"
        isRequired
        error={firstError(errors, "auth.authorizeUrl")}
      >
        <Input
          type="url"
          inputMode="url"
          value={draft.authorizeUrl}
          placeholder="https://provider.example.com/oauth/authorize"
          autoComplete="off"
          required
          onChange={(event) => onChange({ authorizeUrl: event.target.value })}
        />
      </Field>
      <Field
        id="action-oauth-token-url"
        label="Token URL"
        isRequired
        error={firstError(errors, "auth.tokenUrl")}
      >
        <Input
          type="url"
          inputMode="url"
          value={draft.tokenUrl}
          placeholder="https://provider.example.com/oauth/token"
          autoComplete="off"
          required
          onChange={(event) => onChange({ tokenUrl: event.target.value })}
        />
      </Field>
      <div className="grid gap-4 sm:grid-cols-2 sm:items-start">
        <Field
          id="action-oauth-scopes"
          label="Scopes"
          error={firstError(errors, "auth.scopes")}
          description="Separated by spaces, as the provider expects."
        >
          <Input
            value={draft.scopes}
            placeholder="read write"
            autoComplete="off"
            spellCheck={false}
            onChange={(event) => onChange({ scopes: event.target.value })}
          />
        </Field>
        <Field
          id="action-oauth-token-auth"
          label="Token exchange"
          error={firstError(errors, "auth.tokenAuthMethod")}
          description="How the client secret is sent to the token URL."
        >
          <Select
            value={draft.tokenAuthMethod}
            onChange={(event) =>
              onChange({ tokenAuthMethod: event.target.value as OAuthTokenAuthMethod })
            }
          >
            <option value="client_secret_post">In the request body (POST)</option>
            <option value="client_secret_basic">Basic authorization header</option>
          </Select>
        </Field>
      </div>
    </div>
  );
}
