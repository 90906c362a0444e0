import { Compass, MessageSquare } from "lucide-react";
import Link from "next/link";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { GptAvatar } from "@/components/ui/gpt-avatar";
import type { GptTile } from "@/lib/chat/pins/gpt-tile";

function TileRow({ id, title, tiles }: { id: string; title: string; tiles: GptTile[] }) {
  if (tiles.length === 0) return null;
  return (
    <section aria-labelledby={id} className="grid gap-3">
      <h2 id={id} className="text-sm font-medium text-muted-foreground">
        {title}
      </h2>
      <ul className="grid grid-cols-2 gap-2 sm:grid-cols-3 lg:grid-cols-4">
        {tiles.map((tile) => (
          <li key={tile.gptId}>
            <Link
              href={`/g/${tile.slug}`}
              className="flex h-full items-center gap-3 rounded-xl border bg-card p-3 text-sm font-medium transition-colors hover:bg-accent focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring"
            >
              <span aria-hidden="true" className="flex">
                <GptAvatar name={tile.name} src={tile.avatarUrl} color={tile.avatarColor} />
              </span>
              <span className="min-w-0 flex-1 truncate">{tile.name}</span>
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** /chat: quick starts from the GPTs the user pinned and used lately, and the way to the store. */
export function ChatHome({ pinned, recent }: { pinned: GptTile[]; recent: GptTile[] }) {
  const pinnedIds = new Set(pinned.map((tile) => tile.gptId));
  const recentOnly = recent.filter((tile) => !pinnedIds.has(tile.gptId));
  const isNew = pinned.length === 0 && recent.length === 0;
  return (
    <div className="flex-1 overflow-y-auto">
      <div className="mx-auto grid w-full max-w-3xl gap-8 px-4 pt-6 pb-10 sm:pt-16">
        <div className="grid gap-1 text-center">
          <h1 className="text-2xl font-semibold tracking-tight">What shall we work on?</h1>
          <p className="text-sm text-muted-foreground">
            Pick a GPT to start a new chat, or continue one from the sidebar.
          </p>
        </div>
        {isNew ? (
          <EmptyState
            icon={MessageSquare}
            title="No chats yet"
            description="Find a GPT in the store and start your first conversation. GPTs you keep in the sidebar show up here too."
            action={
              <Button asChild>
                <Link href="/">
                  <Compass aria-hidden /> Explore GPTs
                </Link>
              </Button>
            }
          />
        ) : (
          <>
            <TileRow id="home-pinned" title="Kept in sidebar" tiles={pinned} />
            <TileRow id="home-recent" title="Recently used" tiles={recentOnly} />
            <div className="flex justify-center">
              <Button variant="outline" asChild>
                <Link href="/">
                  <Compass aria-hidden /> Explore the GPT Store
                </Link>
              </Button>
            </div>
          </>
        )}
      </div>
    </div>
  );
}
