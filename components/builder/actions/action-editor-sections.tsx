"use client";

import type { ReactNode } from "react";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import type { ActionOperationView } from "@/lib/gpt-actions/types";
import { firstError } from "./auth-draft";
import { AuthFields } from "./auth-fields";
import { McpSource } from "./mcp-source";
import { OpenApiSource } from "./openapi-source";
import { OperationsList } from "./operations-list";
import type { ActionEditor } from "./use-action-editor";

/** Field errors the form shows next to a field; any other key is listed with the save error. */
const PLACED_KEYS = new Set([
  "schemaText",
  "sourceUrl",
  "serverUrl",
  "privacyPolicyUrl",
  "auth.placement",
  "auth.name",
  "auth.secret",
  "auth.clientId",
  "auth.clientSecret",
  "auth.authorizeUrl",
  "auth.tokenUrl",
  "auth.scopes",
  "auth.tokenAuthMethod",
]);

function Step({ number, title, children }: { number: number; title: string; children: ReactNode }) {
  const id = `action-editor-step-${number}`;
  return (
    <section aria-labelledby={id} className="grid gap-4">
      <h3 id={id} className="flex items-center gap-2 text-sm font-semibold">
        <span
          aria-hidden="true"
          className="flex size-6 items-center justify-center rounded-full bg-muted text-xs"
        >
          {number}
        </span>
        {title}
      </h3>
      {children}
    </section>
  );
}

/** The editor's four steps, top to bottom, and what the last save attempt said. */
export function ActionEditorSections({
  gptId,
  editor,
  onTest,
}: {
  gptId: string;
  editor: ActionEditor;
  onTest: (operation: ActionOperationView) => void;
}) {
  const { errors, kind } = editor;
  const unplaced = Object.entries(errors)
    .filter(([key]) => !PLACED_KEYS.has(key))
    .flatMap(([, messages]) => messages);
  // An OpenAPI document with its own server shows no Server URL field to put this next to.
  if (kind === "openapi" && !editor.needsServerUrl && errors.serverUrl) {
    unplaced.push(...errors.serverUrl);
  }

  return (
    <div className="grid gap-8">
      <Step number={1} title={kind === "mcp" ? "Server" : "Schema"}>
        {kind === "mcp" ? (
          <McpSource
            gptId={gptId}
            url={editor.mcpUrl}
            saved={editor.saved}
            errors={errors}
            onUrlChange={editor.setMcpUrl}
            onRefreshed={editor.adopt}
          />
        ) : (
          <OpenApiSource
            draft={editor.openapi}
            serverUrl={editor.serverUrl}
            onServerUrlChange={editor.setServerUrl}
            needsServerUrl={editor.needsServerUrl}
            errors={errors}
          />
        )}
      </Step>

      <Step number={2} title="Authentication">
        {editor.isAuthSuggested ? (
          <p className="text-sm text-muted-foreground" role="status">
            Prefilled from the security schemes the document declares. Add the secret.
          </p>
        ) : null}
        <AuthFields
          draft={editor.auth}
          saved={editor.saved?.auth ?? null}
          errors={errors}
          onChange={editor.patchAuth}
        />
      </Step>

      <Step number={3} title={kind === "mcp" ? "Tools" : "Operations"}>
        <OperationsList
          operations={editor.operations}
          disabledKeys={editor.disabledKeys}
          testableKeys={editor.testableKeys}
          emptyMessage={
            kind === "mcp"
              ? "The server’s tools are listed when you save."
              : "Paste or import a document to see its operations."
          }
          onToggle={editor.toggleOperation}
          onTest={onTest}
        />
      </Step>

      <Step number={4} title="Privacy policy">
        <Field
          id="action-privacy-policy-url"
          label="Privacy policy URL"
          error={firstError(errors, "privacyPolicyUrl")}
          description="Required before this GPT can be public."
        >
          <Input
            type="url"
            inputMode="url"
            value={editor.privacyPolicyUrl}
            placeholder="https://example.com/privacy"
            autoComplete="off"
            onChange={(event) => editor.setPrivacyPolicyUrl(event.target.value)}
          />
        </Field>
      </Step>

      {editor.saveError || unplaced.length > 0 ? (
        <Alert variant="destructive" data-testid="action-save-error">
          <AlertTitle>The action was not saved</AlertTitle>
          <AlertDescription className="text-destructive">
            {editor.saveError ? <p>{editor.saveError}</p> : null}
            {unplaced.length > 0 ? (
              <ul className="list-disc pl-4">
                {unplaced.map((message) => (
                  <li key={message}>{message}</li>
                ))}
              </ul>
            ) : null}
          </AlertDescription>
        </Alert>
      ) : null}
    </div>
  );
}
