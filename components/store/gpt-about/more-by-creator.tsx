import { ArrowRight } from "lucide-react";
import Link from "next/link";
import { GptCard } from "@/components/store/gpt-card";
import type { StoreGptCard } from "@/lib/store/card";
import { AboutSection } from "./about-section";

/** The creator's other listed GPTs; nothing at all when there are none. */
export function MoreByCreator({
  creatorName,
  creatorHandle,
  gpts,
}: {
  creatorName: string;
  creatorHandle: string | null;
  gpts: StoreGptCard[];
}) {
  if (gpts.length === 0) return null;
  return (
    <AboutSection
      title={`More by ${creatorName}`}
      testId="more-by-creator"
      action={
        creatorHandle ? (
          <Link
            href={`/u/${creatorHandle}`}
            className="inline-flex shrink-0 items-center gap-1 rounded-sm text-sm text-muted-foreground hover:text-foreground focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring"
          >
            View profile
            <ArrowRight aria-hidden="true" className="size-3.5" />
          </Link>
        ) : null
      }
    >
      <ul className="grid gap-3 sm:grid-cols-2">
        {gpts.map((gpt) => (
          <li key={gpt.id} className="min-w-0">
            <GptCard gpt={gpt} />
          </li>
        ))}
      </ul>
    </AboutSection>
  );
}
