"use client";

import { Play } from "lucide-react";
import { useId, useMemo, useState } from "react";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import {
  Dialog,
  DialogContent,
  DialogDescription,
  DialogHeader,
  DialogTitle,
} from "@/components/ui/dialog";
import { useConnectionStatus, useTestAction } from "@/lib/gpt-actions/client/hooks";
import type { ActionOperationView, ActionView } from "@/lib/gpt-actions/types";
import { OAuthConnectNote } from "./oauth-connect-note";
import { operationLabel } from "./operation-row";
import { argFieldsOf, bodySkeleton, buildArgs } from "./test-args";
import { TestArgsFields } from "./test-args-fields";
import { TestResultView } from "./test-result-view";

type TestOperationDialogProps = {
  gptId: string;
  action: ActionView;
  operation: ActionOperationView;
  isOpen: boolean;
  onOpenChange: (isOpen: boolean) => void;
};

/** Runs one saved operation with arguments typed here, through the same runtime as the chat. */
export function TestOperationDialog({ isOpen, onOpenChange, ...props }: TestOperationDialogProps) {
  const { action, operation } = props;
  return (
    <Dialog open={isOpen} onOpenChange={onOpenChange}>
      <DialogContent className="max-w-2xl max-sm:h-dvh max-sm:max-h-dvh max-sm:w-screen max-sm:max-w-none max-sm:rounded-none max-sm:border-0">
        <DialogHeader className="text-left">
          <DialogTitle className="break-words">Test {operationLabel(operation)}</DialogTitle>
          <DialogDescription className="break-words">
            {operation.method === "TOOL" ? "Tool" : `${operation.method} ${operation.path}`} on{" "}
            {action.domain}. Runs right away with the saved credentials (your own account for
            OAuth); nothing asks first.
          </DialogDescription>
        </DialogHeader>
        <TestOperationForm {...props} />
      </DialogContent>
    </Dialog>
  );
}

function TestOperationForm({
  gptId,
  action,
  operation,
}: Omit<TestOperationDialogProps, "isOpen" | "onOpenChange">) {
  const idPrefix = useId();
  const fields = useMemo(() => argFieldsOf(operation), [operation]);
  const [values, setValues] = useState(() =>
    Object.fromEntries(fields.map((field) => [field.name, field.initial])),
  );
  const [bodyText, setBodyText] = useState(() =>
    operation.requestBody
      ? JSON.stringify(bodySkeleton(operation.requestBody.schema), null, 2)
      : "",
  );
  const [errors, setErrors] = useState<Record<string, string>>({});
  const test = useTestAction(gptId, action.id);
  const isOAuth = action.auth.kind === "oauth";
  const connection = useConnectionStatus(gptId, action.id, isOAuth);
  const isBlockedByOAuth = isOAuth && connection.data === false;
  const body = operation.requestBody
    ? {
        text: bodyText,
        isRequired: operation.requestBody.required,
        contentType: operation.requestBody.contentType,
      }
    : null;

  function run() {
    const result = buildArgs({ fields, values, body });
    if (!result.isValid) {
      setErrors(result.errors);
      requestAnimationFrame(() => {
        document
          .querySelector<HTMLElement>(`[data-test-form="${idPrefix}"] [aria-invalid="true"]`)
          ?.focus();
      });
      return;
    }
    setErrors({});
    test.mutate({ operationKey: operation.key, args: result.args });
  }

  const announcement = test.isPending
    ? "Running…"
    : test.data
      ? test.data.response
        ? `Response ${test.data.response.status} ${test.data.response.statusText} in ${test.data.durationMs} ms.`
        : `No response: ${test.data.error ?? "the call failed"}.`
      : "";

  return (
    <div className="grid gap-5">
      {isOAuth ? (
        <OAuthConnectNote gptId={gptId} actionId={action.id} domain={action.domain} />
      ) : null}
      <form
        noValidate
        data-test-form={idPrefix}
        className="grid gap-4"
        onSubmit={(event) => {
          event.preventDefault();
          // Portalled inside the action editor and the GPT form: keep this submit to ourselves.
          event.stopPropagation();
          run();
        }}
      >
        <TestArgsFields
          idPrefix={idPrefix}
          fields={fields}
          values={values}
          errors={errors}
          body={body}
          onChange={(name, value) => setValues((current) => ({ ...current, [name]: value }))}
          onBodyChange={setBodyText}
        />
        <div>
          <Button type="submit" isLoading={test.isPending} disabled={isBlockedByOAuth}>
            {test.isPending ? null : <Play aria-hidden="true" />}
            Run
          </Button>
        </div>
      </form>
      <p role="status" aria-live="polite" className="sr-only">
        {announcement}
      </p>
      {test.isError ? (
        <Alert variant="destructive">
          <AlertDescription className="text-destructive">{test.error.message}</AlertDescription>
        </Alert>
      ) : null}
      {test.data && !test.isPending ? <TestResultView result={test.data} /> : null}
    </div>
  );
}
