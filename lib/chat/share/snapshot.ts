import { ACTION_CALL_PART_TYPE } from "../../gpt-actions/types";
import { CITATIONS_PART_TYPE, type Citation, citationsOf } from "../../knowledge/citations/types";
import { ACTION_USED_PART_TYPE, type SharedPart } from "./types";

/** "api.example.com" from a host, host:port or URL; null when it does not look like one. */
function hostOf(value: unknown): string | null {
  if (typeof value !== "string" || !value) return null;
  const candidate = value.includes("://") ? value : `https://${value}`;
  try {
    return new URL(candidate).host || null;
  } catch {
    return null;
  }
}

/**
 * The parts of a message as a shared copy keeps them: text, citations and one "Used <host>" line
 * per action host. Everything else is dropped: action calls carry the user's request bodies and
 * API results, and unknown part types may carry anything. With `hideSources` (the GPT hides its
 * knowledge sources) citations lose their file names; internal ids never leave.
 */
export function toSharedParts(parts: unknown, { hideSources }: { hideSources: boolean }) {
  if (!Array.isArray(parts)) return [];
  const shared: SharedPart[] = [];
  const hosts = new Set<string>();
  for (const part of parts) {
    if (part?.type === "text" && typeof part.text === "string") {
      shared.push({ type: "text", text: part.text });
    } else if (part?.type === ACTION_CALL_PART_TYPE) {
      const host = hostOf(part.data?.domain) ?? hostOf(part.data?.request?.url);
      if (host && !hosts.has(host)) {
        hosts.add(host);
        shared.push({ type: ACTION_USED_PART_TYPE, data: { host } });
      }
    }
  }
  const citations = citationsOf(parts).map(
    (citation): Citation => ({
      n: citation.n,
      chunkId: `shared-${citation.n}`,
      fileId: "",
      fileName: hideSources ? null : (citation.fileName ?? null),
      page: citation.page ?? null,
      heading: citation.heading ?? null,
      quote: citation.quote,
    }),
  );
  if (citations.length > 0) shared.push({ type: CITATIONS_PART_TYPE, data: { citations } });
  return shared;
}

export function actionHostsOf(parts: readonly SharedPart[]): string[] {
  return parts.flatMap((part) => (part.type === ACTION_USED_PART_TYPE ? [part.data.host] : []));
}
