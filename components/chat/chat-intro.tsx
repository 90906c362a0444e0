import { GptAvatar } from "@/components/ui/gpt-avatar";
import { cn } from "@/lib/utils/cn";
import type { ChatPanelProps } from "./chat-panel";

/** An empty chat: the GPT's avatar, name, byline and starters (or the GPT page's own header). */
export function ChatIntro({
  gptName,
  avatarSrc,
  avatarColor,
  description,
  creatorName,
  conversationCount,
  starters = [],
  onStarter,
  introExtras,
  intro,
  introFooter,
}: ChatPanelProps & { onStarter?: (text: string) => void }) {
  return (
    <div className={cn("flex flex-col items-center gap-3 text-center", !intro && "pt-8 sm:pt-16")}>
      {intro ?? (
        <>
          <GptAvatar name={gptName} src={avatarSrc} color={avatarColor} size="xl" />
          <h2 className="text-2xl font-semibold tracking-tight">{gptName}</h2>
          {description && <p className="max-w-md text-sm text-muted-foreground">{description}</p>}
          {creatorName && (
            <p className="text-xs text-muted-foreground">
              By {creatorName}
              {conversationCount !== undefined && (
                <>
                  {" · "}
                  <span data-testid="conversation-count">
                    {conversationCount.toLocaleString("en-US")} conversation
                    {conversationCount === 1 ? "" : "s"}
                  </span>
                </>
              )}
            </p>
          )}
          {introExtras}
        </>
      )}
      {starters.length > 0 && (
        <ul
          className="mt-6 grid w-full max-w-2xl gap-2 sm:grid-cols-2"
          aria-label="Conversation starters"
        >
          {starters.map((starter) => (
            <li key={starter}>
              <button
                type="button"
                disabled={!onStarter}
                onClick={() => onStarter?.(starter)}
                className="h-full w-full rounded-xl border bg-card px-4 py-3 text-left text-sm transition-colors hover:bg-accent focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring disabled:cursor-default disabled:hover:bg-card"
              >
                {starter}
              </button>
            </li>
          ))}
        </ul>
      )}
      {introFooter}
    </div>
  );
}
