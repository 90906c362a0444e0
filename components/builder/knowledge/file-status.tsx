import { CircleAlert, CircleCheck, Clock, LoaderCircle } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import type { KnowledgeFileView } from "@/lib/knowledge/types";

const badges = {
  QUEUED: { label: "Queued", variant: "secondary", icon: Clock },
  PROCESSING: { label: "Processing", variant: "secondary", icon: LoaderCircle },
  READY: { label: "Ready", variant: "success", icon: CircleCheck },
  FAILED: { label: "Failed", variant: "destructive", icon: CircleAlert },
} as const;

/** The ingestion status of a stored file as a badge ("Processing 40%"). */
export function FileStatusBadge({
  file,
}: {
  file: Pick<KnowledgeFileView, "status" | "progress">;
}) {
  const { label, variant, icon: Icon } = badges[file.status];
  return (
    <Badge variant={variant} data-testid="knowledge-file-status">
      <Icon
        aria-hidden="true"
        className={file.status === "PROCESSING" ? "animate-spin" : undefined}
      />
      {label}
      {file.status === "PROCESSING" ? (
        <span className="tabular-nums">{Math.round(file.progress)}%</span>
      ) : null}
    </Badge>
  );
}
