import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { AnalyticsDashboard } from "@/components/creator/analytics/analytics-dashboard";
import { CreatorNav } from "@/components/creator/creator-nav";
import { getCreatorAnalytics } from "@/lib/analytics/queries";
import { analyticsQuerySchema, parseAnalyticsQuery } from "@/lib/analytics/schemas";
import { getActor } from "@/lib/auth/session";
import { isBillingEnabled } from "@/lib/billing/stripe";
import { isAppError } from "@/lib/errors";

export const metadata: Metadata = { title: "Analytics" };
export const dynamic = "force-dynamic";

type SearchParams = Record<string, string | string[] | undefined>;

/** Creator → Analytics: ?range=7|30|90&gptId= (a bad range falls back to the default). */
export default async function CreatorAnalyticsPage({
  searchParams,
}: {
  searchParams: Promise<SearchParams>;
}) {
  const actor = await getActor();
  if (!actor) redirect("/sign-in?callbackUrl=/creator/analytics");
  const params = await searchParams;
  let query = analyticsQuerySchema.parse({});
  try {
    query = parseAnalyticsQuery(params);
  } catch {
    query = { ...query, gptId: typeof params.gptId === "string" ? params.gptId || null : null };
  }
  const analytics = await getCreatorAnalytics({
    actor,
    gptId: query.gptId,
    rangeDays: query.range,
  }).catch((error) => {
    if (isAppError(error) && error.code === "not_found") notFound();
    throw error;
  });
  return (
    <main className="mx-auto w-full max-w-6xl px-4 py-8 sm:py-10">
      <CreatorNav hasEarnings={isBillingEnabled()} />
      <AnalyticsDashboard
        initial={analytics}
        initialView={{ range: query.range, gptId: query.gptId }}
      />
    </main>
  );
}
