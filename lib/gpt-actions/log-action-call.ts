import "server-only";
import { prisma } from "../db";

/**
 * One row of the creator's call log. Operation, status, timing and a short error only: never a
 * request or response body, never a URL with its query (it may carry a key).
 */
export async function logActionCall(entry: {
  gptId: string;
  actionId: string;
  userId: string | null;
  conversationId: string | null;
  source: "CHAT" | "PREVIEW" | "TEST";
  operation: string;
  method: string;
  domain: string;
  status: number | null;
  latencyMs: number;
  error: string | null;
}): Promise<void> {
  try {
    await prisma.actionCall.create({
      data: { ...entry, error: entry.error?.slice(0, 500) ?? null },
    });
  } catch (error) {
    // The log must never break the call it describes.
    console.error("[atelier] could not log an action call", (error as Error).message);
  }
}
