import {
  FileBraces,
  FileCode,
  FileSpreadsheet,
  FileText,
  FileType,
  type LucideIcon,
} from "lucide-react";
import type { KnowledgeKind } from "@/lib/knowledge/types";
import { cn } from "@/lib/utils/cn";

const icons: Record<KnowledgeKind, LucideIcon> = {
  pdf: FileType,
  docx: FileText,
  text: FileText,
  markdown: FileText,
  html: FileCode,
  csv: FileSpreadsheet,
  json: FileBraces,
  code: FileCode,
};

/** Decorative: the file's name and kind are in the row's text. */
export function FileKindIcon({ kind, className }: { kind?: KnowledgeKind; className?: string }) {
  const Icon = kind ? icons[kind] : FileText;
  return (
    <span
      aria-hidden="true"
      className={cn(
        "flex size-9 shrink-0 items-center justify-center rounded-md bg-muted text-muted-foreground",
        className,
      )}
    >
      <Icon className="size-4" />
    </span>
  );
}
