import type { KnowledgeFileView } from "../types";

type FileState = Pick<KnowledgeFileView, "id" | "name" | "status" | "error">;

/**
 * What changed between two polls of the file list, as sentences for a screen reader's live
 * region: a file became ready or failed. Files seen for the first time are not announced (the
 * upload row already said so), nor is progress (too chatty).
 */
export function describeStatusChanges(previous: FileState[], next: FileState[]): string[] {
  const before = new Map(previous.map((file) => [file.id, file.status]));
  const messages: string[] = [];
  for (const file of next) {
    const was = before.get(file.id);
    if (was === undefined || was === file.status) continue;
    if (file.status === "READY") messages.push(`${file.name} is ready.`);
    else if (file.status === "FAILED") {
      messages.push(`${file.name} failed${file.error ? `: ${file.error}` : "."}`);
    } else if (file.status === "PROCESSING" && was === "QUEUED") {
      messages.push(`Processing ${file.name}.`);
    } else if (file.status === "QUEUED" && was === "FAILED") {
      messages.push(`${file.name} is queued again.`);
    }
  }
  return messages;
}
