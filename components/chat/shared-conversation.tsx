import { MessageSquare, Plug } from "lucide-react";
import Link from "next/link";
import { Button } from "@/components/ui/button";
import { GptAvatar } from "@/components/ui/gpt-avatar";
import { textOf } from "@/lib/chat/schemas";
import type { SharedConversation as SharedConversationData } from "@/lib/chat/share/share-queries";
import { actionHostsOf } from "@/lib/chat/share/snapshot";
import { citationsOf } from "@/lib/knowledge/citations/types";
import { MessageBubble } from "./message-bubble";

const dateFormat = new Intl.DateTimeFormat("en-US", { dateStyle: "long", timeZone: "UTC" });

/** A shared conversation, read-only: the same bubbles as the chat, no composer. */
export function SharedConversation({ shared }: { shared: SharedConversationData }) {
  const { gpt } = shared;
  return (
    <main className="mx-auto flex w-full max-w-3xl flex-col gap-6 px-4 py-6 sm:py-10">
      <header className="flex flex-col gap-3 border-b pb-5 sm:flex-row sm:items-center sm:justify-between">
        <div className="flex min-w-0 items-center gap-3">
          <GptAvatar name={gpt.name} src={gpt.avatarUrl} color={gpt.avatarColor} size="lg" />
          <div className="min-w-0">
            <h1 className="truncate text-xl font-semibold tracking-tight">{shared.title}</h1>
            <p className="text-sm text-muted-foreground">
              Shared conversation with {gpt.name} ·{" "}
              <time dateTime={shared.sharedAt}>{dateFormat.format(new Date(shared.sharedAt))}</time>
            </p>
          </div>
        </div>
        {gpt.slug && (
          <Button asChild className="self-start sm:self-auto">
            <Link href={`/g/${gpt.slug}`}>
              <MessageSquare aria-hidden /> Chat with {gpt.name}
            </Link>
          </Button>
        )}
      </header>
      <ol className="flex flex-col gap-6" aria-label="Messages" data-testid="shared-messages">
        {shared.messages.map((message) => {
          const hosts = actionHostsOf(message.parts);
          return (
            <li key={message.id} className="flex flex-col gap-2">
              {hosts.length > 0 && (
                <p className="flex items-center gap-1.5 pl-11 text-xs text-muted-foreground">
                  <Plug className="size-3.5" aria-hidden /> Used {hosts.join(", ")}
                </p>
              )}
              <MessageBubble
                author={message.role}
                text={textOf(message.parts)}
                citations={citationsOf(message.parts)}
                gptName={message.gpt.name}
                gptAvatar={{ src: message.gpt.avatarUrl, color: message.gpt.avatarColor }}
                status={message.status}
              />
            </li>
          );
        })}
      </ol>
      <p className="border-t pt-4 text-center text-xs text-muted-foreground">
        A read-only copy made by its author. Messages sent after it was shared are not included.
      </p>
    </main>
  );
}
