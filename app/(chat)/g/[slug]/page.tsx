import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { GptChat } from "@/components/chat/gpt-chat";
import { GptAboutHeader } from "@/components/store/gpt-about/gpt-about-header";
import { GptAboutSections } from "@/components/store/gpt-about/gpt-about-sections";
import { appUrl } from "@/lib/env";
import { gptPath } from "@/lib/gpts/visibility";
import { hasAnyEnabledModel } from "@/lib/models/queries";
import { listMoreByCreator } from "@/lib/store/more-by-creator";
import { gptMetadata, notFoundMetadata } from "./gpt-metadata";
import { loadGptPage } from "./load-gpt-page";

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { gpt } = await loadGptPage((await params).slug);
  return gpt ? gptMetadata(gpt) : notFoundMetadata;
}

/**
 * A GPT's page is its store listing and its chat at once: the header, starters and composer lead
 * straight into a conversation; capabilities, reviews and more by the creator sit under the
 * starters. Public and link GPTs work for signed-out visitors up to chatting (sign-in prompt).
 */
export default async function GptPage({ params }: Props) {
  const { slug } = await params;
  const { actor, gpt } = await loadGptPage(slug);
  if (!gpt) notFound();
  const signInHref = `/sign-in?callbackUrl=${encodeURIComponent(gptPath(slug))}`;
  const visitorSignInHref = actor ? undefined : signInHref;
  const [hasModel, moreByCreator] = await Promise.all([
    hasAnyEnabledModel(),
    listMoreByCreator({ gptId: gpt.id }),
  ]);
  return (
    <GptChat
      gpt={gpt}
      actor={actor}
      hasModel={hasModel}
      signInHref={signInHref}
      intro={
        <GptAboutHeader
          gpt={gpt}
          shareUrl={new URL(gptPath(gpt.slug), appUrl).toString()}
          signInHref={visitorSignInHref}
        />
      }
      introFooter={
        <GptAboutSections
          gpt={gpt}
          moreByCreator={moreByCreator}
          signInHref={signInHref}
          isSignedIn={actor !== null}
        />
      }
    />
  );
}
