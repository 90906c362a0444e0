"use client";

import { CheckCheck, Download } from "lucide-react";
import { useEffect, useState } from "react";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Tabs, TabsContent, TabsList, TabsTrigger } from "@/components/ui/tabs";
import { Textarea } from "@/components/ui/textarea";
import type { OpenApiPreview } from "@/lib/gpt-actions/types";
import { type FieldErrorMap, firstError } from "./auth-draft";
import { OpenApiPreviewSummary } from "./openapi-preview-summary";
import type { OpenApiDraft } from "./use-openapi-draft";

/** Problems announce themselves (role="alert"); the rest is said politely. */
function announce(isPreviewing: boolean, preview: OpenApiPreview | null): string {
  if (isPreviewing) return "Checking the document…";
  if (!preview?.ok) return "";
  const count = preview.operations.length;
  return `Document is valid: ${count === 1 ? "1 operation" : `${count} operations`}.`;
}

/**
 * Step 1 for an OpenAPI action: paste a document (JSON or YAML) or import it from a URL. The
 * server's parse shows below; a document without a server URL asks for one.
 */
export function OpenApiSource({
  draft,
  serverUrl,
  onServerUrlChange,
  needsServerUrl,
  errors,
}: {
  draft: OpenApiDraft;
  serverUrl: string;
  onServerUrlChange: (value: string) => void;
  needsServerUrl: boolean;
  errors: FieldErrorMap;
}) {
  const [tab, setTab] = useState(draft.sourceUrl ? "url" : "paste");
  const schemaTextError = firstError(errors, "schemaText");
  // The document's own error sits under Paste: show that tab so the error (and focus) can land.
  useEffect(() => {
    if (schemaTextError) setTab("paste");
  }, [schemaTextError]);
  const shown = draft.preview ?? draft.lastResult?.preview ?? null;

  return (
    <div className="grid gap-4">
      <Tabs value={tab} onValueChange={setTab}>
        <TabsList aria-label="Where the document comes from" className="w-full sm:w-fit">
          <TabsTrigger value="paste">Paste</TabsTrigger>
          <TabsTrigger value="url">Import from URL</TabsTrigger>
        </TabsList>
        <TabsContent value="paste" className="grid gap-2">
          <Field
            id="action-schema-text"
            label="OpenAPI document"
            isRequired
            error={schemaTextError}
            description="OpenAPI 3.x or Swagger 2.0, as JSON or YAML. Checked as you type."
          >
            <Textarea
              value={draft.text}
              rows={12}
              spellCheck={false}
              autoCapitalize="off"
              autoCorrect="off"
              placeholder={'openapi: 3.1.0\ninfo:\n  title: My API\n  version: "1.0"\n...'}
              className="max-h-[50dvh] min-h-48 font-mono text-xs md:text-xs"
              onChange={(event) => draft.setText(event.target.value)}
            />
          </Field>
          <div>
            <Button
              type="button"
              variant="outline"
              size="sm"
              disabled={!draft.text.trim()}
              isLoading={draft.isPreviewing}
              onClick={draft.validate}
            >
              {draft.isPreviewing ? null : <CheckCheck aria-hidden="true" />}
              Validate
            </Button>
          </div>
        </TabsContent>
        <TabsContent value="url" className="grid gap-2">
          <Field
            id="action-import-url"
            label="Document URL"
            error={firstError(errors, "sourceUrl")}
            description="Fetched by the server. You can edit the imported text under Paste."
          >
            <Input
              type="url"
              inputMode="url"
              value={draft.importUrl}
              placeholder="https://api.example.com/openapi.json"
              autoComplete="off"
              onChange={(event) => draft.setImportUrl(event.target.value)}
              onKeyDown={(event) => {
                if (event.key !== "Enter") return;
                event.preventDefault();
                draft.importFromUrl();
              }}
            />
          </Field>
          <div>
            <Button
              type="button"
              variant="outline"
              size="sm"
              isLoading={draft.isPreviewing}
              onClick={draft.importFromUrl}
            >
              {draft.isPreviewing ? null : <Download aria-hidden="true" />}
              Import
            </Button>
          </div>
        </TabsContent>
      </Tabs>

      <div className="grid gap-2">
        {draft.isPreviewing ? (
          <p aria-hidden="true" className="text-sm text-muted-foreground">
            Checking the document…
          </p>
        ) : null}
        {draft.requestError ? (
          <Alert variant="destructive">
            <AlertDescription className="text-destructive">{draft.requestError}</AlertDescription>
          </Alert>
        ) : null}
        {shown ? <OpenApiPreviewSummary preview={shown} /> : null}
      </div>
      <p role="status" aria-live="polite" className="sr-only">
        {announce(draft.isPreviewing, shown)}
      </p>

      {needsServerUrl ? (
        <Field
          id="action-server-url"
          label="Server URL"
          isRequired
          error={firstError(errors, "serverUrl")}
          description="The document names no absolute server, so say where its paths live."
        >
          <Input
            type="url"
            inputMode="url"
            value={serverUrl}
            placeholder="https://api.example.com/v1"
            autoComplete="off"
            required
            onChange={(event) => onServerUrlChange(event.target.value)}
          />
        </Field>
      ) : null}
    </div>
  );
}
