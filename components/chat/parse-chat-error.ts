/**
 * useChat surfaces HTTP errors with the raw response body as the message; our routes answer
 * `{ error: { message } }`. Streamed errors arrive as plain text already.
 */
export function parseChatError(error: Error | undefined): string | null {
  if (!error) return null;
  try {
    const body = JSON.parse(error.message) as { error?: { message?: string } };
    if (body?.error?.message) return body.error.message;
  } catch {
    // not JSON: a streamed error text
  }
  if (error.message === "Failed to fetch" || error.name === "TypeError") {
    return "Network error: the answer could not be loaded. Check your connection and retry.";
  }
  return error.message || "Something went wrong. Retry.";
}
