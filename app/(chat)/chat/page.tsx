import { MessageSquare } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { getActor } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Chats" };

export default async function ChatHomePage() {
  if (!(await getActor())) redirect("/sign-in?callbackUrl=/chat");
  return (
    <div className="grid flex-1 place-items-center p-6">
      <EmptyState
        icon={MessageSquare}
        title="Pick up a conversation or start a new one"
        description="Your conversations are listed on the left. Find a GPT in the store to start a new chat."
        action={
          <Button asChild>
            <Link href="/">Explore GPTs</Link>
          </Button>
        }
      />
    </div>
  );
}
