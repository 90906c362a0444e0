import { creatorLimitMessage, fileSizeMessage, filesPerGptMessage } from "../files/upload-rules";
import type { KnowledgeLimits } from "../types";
import type { KnowledgeUsage } from "./api-client";

export type PrecheckFile = { name: string; size: number };

export type PrecheckResult<F extends PrecheckFile> = {
  accepted: F[];
  rejected: { file: F; message: string }[];
};

/** The server's own limit messages (lib/knowledge/files/upload-rules.ts), so both read the same. */
export const knowledgeLimitMessages = {
  tooManyFiles: (max: number) => filesPerGptMessage(max),
  fileTooLarge: (maxBytes: number) => fileSizeMessage(maxBytes),
  creatorQuota: (maxBytes: number, usedBytes: number) => creatorLimitMessage(maxBytes, usedBytes),
  empty: (name: string) => `${name} is empty.`,
};

/**
 * Which picked files can be uploaded under the instance limits, counting what is already stored
 * (`usage`) and what is still on its way up (`pending`). The server re-checks every upload; this
 * only saves creators a wasted upload. Files are taken in order until a limit is reached.
 */
export function precheckKnowledgeFiles<F extends PrecheckFile>({
  files,
  limits,
  usage,
  pending = { files: 0, bytes: 0 },
}: {
  files: F[];
  limits: KnowledgeLimits;
  usage: KnowledgeUsage;
  pending?: { files: number; bytes: number };
}): PrecheckResult<F> {
  const result: PrecheckResult<F> = { accepted: [], rejected: [] };
  let count = usage.files + pending.files;
  let bytes = usage.creatorBytes + pending.bytes;
  for (const file of files) {
    let message: string | null = null;
    if (file.size === 0) message = knowledgeLimitMessages.empty(file.name);
    else if (file.size > limits.maxFileBytes) {
      message = knowledgeLimitMessages.fileTooLarge(limits.maxFileBytes);
    } else if (count + 1 > limits.maxFilesPerGpt) {
      message = knowledgeLimitMessages.tooManyFiles(limits.maxFilesPerGpt);
    } else if (bytes + file.size > limits.maxBytesPerCreator) {
      message = knowledgeLimitMessages.creatorQuota(limits.maxBytesPerCreator, usage.creatorBytes);
    }
    if (message) {
      result.rejected.push({ file, message });
      continue;
    }
    count += 1;
    bytes += file.size;
    result.accepted.push(file);
  }
  return result;
}
