import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ReviewQueue } from "@/components/moderation/review/review-queue";
import { getActor, isModerator } from "@/lib/auth/session";
import { listListingReviews } from "@/lib/moderation/review/queries";
import { reviewQueueFilterSchema } from "@/lib/moderation/review/schemas";

export const metadata: Metadata = { title: "Listing reviews" };

type ReviewsPageProps = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function AdminReviewsPage({ searchParams }: ReviewsPageProps) {
  // Layouts and pages render in parallel: the page checks the role itself.
  const actor = await getActor();
  if (!actor || !isModerator(actor)) notFound();
  const filter = reviewQueueFilterSchema.parse((await searchParams).status ?? "pending");
  const page = await listListingReviews({ actor, filter });
  return <ReviewQueue key={filter} initialPage={page} />;
}
