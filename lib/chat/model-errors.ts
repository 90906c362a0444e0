import { APICallError } from "ai";
import { ModelCallError } from "../ai/chat-completion-stream";

/** What the chat shows when the model call fails: specific, short, and free of vendor internals. */
export function describeModelError(error: unknown): string {
  // Tool turns fail with the AI SDK's APICallError, plain turns with ModelCallError.
  const apiError = APICallError.isInstance(error)
    ? error
    : APICallError.isInstance((error as { cause?: unknown })?.cause)
      ? (error as { cause: APICallError }).cause
      : error instanceof ModelCallError
        ? error
        : null;
  const status = apiError?.statusCode;
  if (status === 429)
    return "The model provider is rate-limiting requests right now. Wait a moment and retry.";
  if (status === 401 || status === 403) {
    return "The model provider rejected this instance's API key. An administrator needs to check the model settings.";
  }
  if (status === 404)
    return "The model provider does not know this model. An administrator needs to check the model id.";
  if (status && status >= 500)
    return "The model provider had an internal error. Retry in a moment.";
  if (apiError) return "The model provider could not answer this request. Retry in a moment.";
  return "The answer was cut off because the connection to the model provider failed. Retry to get a full answer.";
}
