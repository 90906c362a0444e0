import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { ChatPanel } from "@/components/chat/chat-panel";
import { getActor } from "@/lib/auth/session";
import { getConversation } from "@/lib/chat/queries";
import { getGptPage } from "@/lib/gpts/queries";
import { hasAnyEnabledModel } from "@/lib/models/queries";

type Props = { params: Promise<{ id: string }> };

export const metadata: Metadata = { title: "Chat" };

export default async function ConversationPage({ params }: Props) {
  const { id } = await params;
  const actor = await getActor();
  if (!actor) redirect(`/sign-in?callbackUrl=${encodeURIComponent(`/c/${id}`)}`);
  const conversation = await getConversation({ actor, conversationId: id });
  if (!conversation) notFound();
  if (conversation.isPreview) redirect(`/gpts/${conversation.gptId}/edit`);
  const gpt = await getGptPage({ actor, slug: conversation.gptSlug });
  if (!gpt) notFound();
  const hasModel = await hasAnyEnabledModel();
  return (
    <ChatPanel
      key={conversation.id}
      gptId={gpt.id}
      gptName={gpt.name}
      description={gpt.description}
      creatorName={gpt.creatorName}
      conversationCount={gpt.conversationCount}
      starters={gpt.conversationStarters}
      conversationId={conversation.id}
      initialMessages={conversation.messages}
      noModel={hasModel ? undefined : { isAdmin: actor.role === "ADMIN" }}
    />
  );
}
