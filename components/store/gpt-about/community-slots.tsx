/**
 * The GPT page's pieces built elsewhere (reviews and reports: components/reviews and
 * components/moderation; pins: components/chat), gathered here so the page composes them in one
 * place and their props stay in step with the payload.
 */
import { KeepInSidebarButton } from "@/components/chat/keep-in-sidebar-button";
import { ReportGptButton } from "@/components/moderation/report-gpt-button";
import { GptReviewsSection } from "@/components/reviews/gpt-reviews-section";

export function ReviewsSlot(props: {
  gptId: string;
  isOwner: boolean;
  isSignedIn: boolean;
  signInHref: string;
}) {
  return <GptReviewsSection {...props} />;
}

export function ReportSlot({
  gptId,
  gptName,
  signInHref,
}: {
  gptId: string;
  gptName: string;
  signInHref?: string;
}) {
  return <ReportGptButton gptId={gptId} gptName={gptName} signInHref={signInHref} />;
}

/** Signed-in visitors only: pins live in the chat sidebar, which visitors do not have. */
export function KeepInSidebarSlot({
  gpt,
  isSignedIn,
}: {
  gpt: {
    id: string;
    slug: string;
    name: string;
    avatarUrl: string | null;
    avatarColor: string | null;
  };
  isSignedIn: boolean;
}) {
  if (!isSignedIn) return null;
  return (
    <KeepInSidebarButton
      gptId={gpt.id}
      gptName={gpt.name}
      gptSlug={gpt.slug}
      avatarUrl={gpt.avatarUrl}
      avatarColor={gpt.avatarColor}
    />
  );
}
