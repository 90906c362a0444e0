import { GptSettingsDisclosure } from "@/components/store/gpt-settings-disclosure";
import type { GptPage } from "@/lib/gpts/gpt-page-query";
import type { StoreGptCard } from "@/lib/store/card";
import { ReviewsSlot } from "./community-slots";
import { GptCapabilities } from "./gpt-capabilities";
import { MoreByCreator } from "./more-by-creator";

/**
 * Under the starters: what someone judges a GPT by before chatting. Capabilities, the published
 * settings (only when the owner allows remixing), ratings and reviews, and more by the creator.
 */
export function GptAboutSections({
  gpt,
  moreByCreator,
  signInHref,
  isSignedIn,
}: {
  gpt: GptPage;
  moreByCreator: StoreGptCard[];
  signInHref: string;
  isSignedIn: boolean;
}) {
  return (
    <div className="mt-10 flex w-full max-w-2xl flex-col gap-10 border-t pt-8">
      <GptCapabilities gpt={gpt} />
      {gpt.settings ? <GptSettingsDisclosure settings={gpt.settings} /> : null}
      <ReviewsSlot
        gptId={gpt.id}
        isOwner={gpt.isOwner}
        isSignedIn={isSignedIn}
        signInHref={signInHref}
      />
      <MoreByCreator
        creatorName={gpt.creatorName}
        creatorHandle={gpt.creatorHandle}
        gpts={moreByCreator}
      />
    </div>
  );
}
