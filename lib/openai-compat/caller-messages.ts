import type { ExternalMessage } from "../chat/external-turn";
import { AppError } from "../errors";
import type { ChatCompletionRequest } from "./schemas";

function refuse(message: string, index: number): AppError {
  return new AppError("bad_request", message, undefined, {
    details: { param: `messages.${index}.content` },
  });
}

/**
 * OpenAI's messages → the engine's: text parts joined, `developer` read as `system`. Images, audio
 * and files are refused (GPT chats are text); so are tool messages, because a GPT's actions run on
 * Atelier's side and the caller never sees its tool calls.
 */
export function toExternalMessages(messages: ChatCompletionRequest["messages"]): ExternalMessage[] {
  return messages.map((message, index) => {
    if (message.role === "tool") {
      throw new AppError(
        "bad_request",
        "Tool messages are not supported: a GPT's actions run on Atelier's side.",
        undefined,
        { details: { param: `messages.${index}.role` } },
      );
    }
    const content = message.content ?? "";
    let text: string;
    if (typeof content === "string") {
      text = content;
    } else {
      text = content
        .map((part) => {
          if (part.type !== "text" || typeof part.text !== "string") {
            throw refuse(`Only text content is supported (got a "${part.type}" part).`, index);
          }
          return part.text;
        })
        .join("\n");
    }
    return { role: message.role === "developer" ? "system" : message.role, content: text };
  });
}
