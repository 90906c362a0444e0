"use client";

import { RefreshCw } from "lucide-react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { useRefreshMcpTools } from "@/lib/gpt-actions/client/hooks";
import type { ActionView } from "@/lib/gpt-actions/types";
import { type FieldErrorMap, firstError } from "./auth-draft";

/** Step 1 for an MCP action: the server's URL. The server is asked for its tools on save. */
export function McpSource({
  gptId,
  url,
  saved,
  errors,
  onUrlChange,
  onRefreshed,
}: {
  gptId: string;
  url: string;
  saved: ActionView | null;
  errors: FieldErrorMap;
  onUrlChange: (url: string) => void;
  onRefreshed: (action: ActionView) => void;
}) {
  const refresh = useRefreshMcpTools(gptId);
  return (
    <div className="grid gap-3">
      <Field
        id="action-mcp-url"
        label="MCP server URL"
        isRequired
        error={firstError(errors, "serverUrl")}
        description="A Streamable HTTP endpoint. Its tools are listed when you save."
      >
        <Input
          type="url"
          inputMode="url"
          value={url}
          placeholder="https://mcp.example.com/mcp"
          autoComplete="off"
          required
          onChange={(event) => onUrlChange(event.target.value)}
        />
      </Field>
      {saved ? (
        <div>
          <Button
            type="button"
            variant="outline"
            size="sm"
            isLoading={refresh.isPending}
            onClick={() =>
              refresh.mutate(saved.id, {
                onSuccess: (action) => {
                  onRefreshed(action);
                  toast.success(`Tools refreshed: ${action.operations.length} listed.`);
                },
                onError: (error) => toast.error(error.message),
              })
            }
          >
            {refresh.isPending ? null : <RefreshCw aria-hidden="true" />}
            Refresh tools
          </Button>
        </div>
      ) : null}
    </div>
  );
}
