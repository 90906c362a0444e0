import { Badge } from "@/components/ui/badge";
import type { ActionCallLogEntry } from "@/lib/gpt-actions/types";
import { formatAbsoluteTime, formatRelativeTime } from "@/lib/utils/format-time";
import { statusVariant } from "./action-format";
import { MethodBadge } from "./method-badge";

const SOURCE_LABELS: Record<ActionCallLogEntry["source"], string> = {
  CHAT: "Chat",
  PREVIEW: "Preview",
  TEST: "Test",
};

/** The recent calls, newest first; scrolls sideways on narrow screens. */
export function CallLogTable({ calls }: { calls: ActionCallLogEntry[] }) {
  return (
    <div className="overflow-x-auto rounded-lg border">
      <table className="w-full min-w-[40rem] text-left text-sm">
        <caption className="sr-only">Action calls, newest first</caption>
        <thead className="bg-muted/50 text-xs text-muted-foreground">
          <tr>
            {["Time", "Operation", "Method", "Domain", "Status", "Latency", "Error"].map((name) => (
              <th key={name} scope="col" className="px-3 py-2 font-medium whitespace-nowrap">
                {name}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y">
          {calls.map((call) => (
            <tr key={call.id} className="align-top">
              <td className="px-3 py-2 whitespace-nowrap">
                <time dateTime={call.createdAt} title={formatAbsoluteTime(call.createdAt)}>
                  {formatRelativeTime(call.createdAt)}
                </time>
              </td>
              <td className="px-3 py-2">
                <span className="font-mono text-xs break-all">{call.operation}</span>
                <span className="block text-xs text-muted-foreground">
                  {SOURCE_LABELS[call.source]}
                </span>
              </td>
              <td className="px-3 py-2">
                <MethodBadge method={call.method} />
              </td>
              <td className="px-3 py-2 font-mono text-xs break-all">{call.domain}</td>
              <td className="px-3 py-2">
                {/* An MCP tool answers without an HTTP status: no status and no error is a success. */}
                {call.status === null && !call.error ? (
                  <Badge variant="success">Done</Badge>
                ) : (
                  <Badge variant={statusVariant(call.status)}>{call.status ?? "No response"}</Badge>
                )}
              </td>
              <td className="px-3 py-2 whitespace-nowrap tabular-nums">{call.latencyMs} ms</td>
              <td className="max-w-60 px-3 py-2 text-xs break-words text-destructive">
                {call.error ?? <span className="text-muted-foreground">—</span>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
