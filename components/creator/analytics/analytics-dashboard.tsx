"use client";

import { BarChart3, Download, MessageSquare } from "lucide-react";
import Link from "next/link";
import { useEffect, useState } from "react";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { LoadErrorAlert } from "@/components/ui/load-error-alert";
import { PageHeader } from "@/components/ui/page-header";
import { Spinner } from "@/components/ui/spinner";
import { Tabs, TabsContent, TabsList, TabsTrigger } from "@/components/ui/tabs";
import { type AnalyticsView, useCreatorAnalytics } from "@/lib/analytics/hooks";
import { analyticsApiUrl } from "@/lib/analytics/schemas";
import type { CreatorAnalytics } from "@/lib/analytics/types";
import { ActivityChart, EarningsChart, RatingChart, ThumbsChart } from "./analytics-charts";
import { AnalyticsControls } from "./analytics-controls";
import { utcTimeLabel } from "./analytics-format";
import { AnalyticsStatCards } from "./analytics-stat-cards";
import { ActionErrorsTable, DailyTable } from "./analytics-tables";
import { KnowledgeGaps } from "./knowledge-gaps";

const DESCRIPTION = "How people use your GPTs, day by day (UTC), compared with the period before.";

/** Keeps the address bar on the view shown (a reload or a shared link opens the same one). */
function useViewInAddressBar(view: AnalyticsView) {
  useEffect(() => {
    const url = new URL(window.location.href);
    url.searchParams.set("range", String(view.range));
    if (view.gptId) url.searchParams.set("gptId", view.gptId);
    else url.searchParams.delete("gptId");
    if (url.href !== window.location.href) window.history.replaceState(null, "", url);
  }, [view]);
}

function ChartCard({
  title,
  description,
  className,
  children,
}: {
  title: string;
  description: string;
  className?: string;
  children: React.ReactNode;
}) {
  return (
    <Card className={className ? `min-w-0 ${className}` : "min-w-0"}>
      <CardHeader>
        <CardTitle as="h3">{title}</CardTitle>
        <CardDescription>{description}</CardDescription>
      </CardHeader>
      <CardContent className="px-2 sm:px-6">{children}</CardContent>
    </Card>
  );
}

function Figures({ data }: { data: CreatorAnalytics }) {
  const { current, previous } = data.totals;
  const showGpt = data.gptId === null;
  return (
    <div className="grid gap-10">
      <AnalyticsStatCards current={current} previous={previous} rangeDays={data.rangeDays} />
      <section aria-labelledby="analytics-daily-heading" className="grid gap-3">
        <h2 id="analytics-daily-heading" className="text-lg font-semibold tracking-tight">
          Day by day
        </h2>
        <Tabs defaultValue="charts">
          <TabsList aria-label="Show the days as">
            <TabsTrigger value="charts">Charts</TabsTrigger>
            <TabsTrigger value="table">Table</TabsTrigger>
          </TabsList>
          <TabsContent value="charts" className="grid gap-6 lg:grid-cols-2">
            <ChartCard
              className="lg:col-span-2"
              title="Activity"
              description="Answers given, conversations started and people who got an answer."
            >
              <ActivityChart days={data.days} />
            </ChartCard>
            <ChartCard title="Rating" description="Average stars of the reviews written each day.">
              <RatingChart days={data.days} />
            </ChartCard>
            <ChartCard title="Thumbs" description="Thumbs up and down given to answers.">
              <ThumbsChart days={data.days} />
            </ChartCard>
            <ChartCard
              className="lg:col-span-2"
              title="Earnings"
              description="Your share of the revenue pool per day, in dollars, once a month is closed."
            >
              <EarningsChart days={data.days} />
            </ChartCard>
          </TabsContent>
          <TabsContent value="table">
            <DailyTable days={data.days} />
          </TabsContent>
        </Tabs>
      </section>

      <div className="grid gap-10 xl:grid-cols-2">
        <section
          aria-labelledby="analytics-gaps-heading"
          className="grid min-w-0 content-start gap-3"
        >
          <div className="grid gap-1">
            <h2 id="analytics-gaps-heading" className="text-lg font-semibold tracking-tight">
              Knowledge gaps
            </h2>
            <p className="text-sm text-muted-foreground">
              Questions your knowledge files could not answer (nothing above the minimum score),
              most asked first.{" "}
              {current.knowledgeMisses > 0 ? `${current.knowledgeMisses} in this period.` : null}
            </p>
          </div>
          {data.knowledgeGaps.length > 0 ? (
            <KnowledgeGaps gaps={data.knowledgeGaps} showGpt={showGpt} />
          ) : (
            <p className="rounded-xl border border-dashed px-4 py-6 text-center text-sm text-muted-foreground">
              No unanswered questions in this period.
            </p>
          )}
        </section>
        <section
          aria-labelledby="analytics-actions-heading"
          className="grid min-w-0 content-start gap-3"
        >
          <div className="grid gap-1">
            <h2 id="analytics-actions-heading" className="text-lg font-semibold tracking-tight">
              Action errors
            </h2>
            <p className="text-sm text-muted-foreground">
              Calls to your actions that failed in chats, by operation.{" "}
              {current.actionCalls > 0
                ? `${current.actionErrors} of ${current.actionCalls} calls failed in this period.`
                : null}
            </p>
          </div>
          {data.actionErrors.length > 0 ? (
            <ActionErrorsTable groups={data.actionErrors} showGpt={showGpt} />
          ) : (
            <p className="rounded-xl border border-dashed px-4 py-6 text-center text-sm text-muted-foreground">
              No failed action calls in this period.
            </p>
          )}
        </section>
      </div>
    </div>
  );
}

/** Creator → Analytics: one GPT or all of them, over 7, 30 or 90 days. */
export function AnalyticsDashboard({
  initial,
  initialView,
}: {
  initial: CreatorAnalytics;
  initialView: AnalyticsView;
}) {
  const [view, setView] = useState<AnalyticsView>(initialView);
  const query = useCreatorAnalytics(view, initial);
  useViewInAddressBar(view);
  const data = query.data;
  const isUpdating = query.isFetching && query.isPlaceholderData;

  if (initial.gpts.length === 0) {
    return (
      <div className="grid gap-6">
        <PageHeader className="pb-0" title="Analytics" description={DESCRIPTION} />
        <EmptyState
          icon={BarChart3}
          title="No GPTs yet"
          description="Create and publish a GPT: how people use it shows up here."
          action={
            <Button asChild>
              <Link href="/gpts/new">Create a GPT</Link>
            </Button>
          }
        />
      </div>
    );
  }

  const shownGpt = view.gptId ? initial.gpts.find((gpt) => gpt.id === view.gptId) : null;
  return (
    <div className="grid gap-6">
      <PageHeader
        className="pb-0"
        title="Analytics"
        description={DESCRIPTION}
        actions={
          <Button asChild variant="outline">
            <a href={analyticsApiUrl({ ...view, format: "csv" })} download>
              <Download aria-hidden="true" />
              Download CSV
            </a>
          </Button>
        }
      />
      <AnalyticsControls view={view} gpts={initial.gpts} onChange={setView} />
      {query.isError ? (
        <LoadErrorAlert
          title="These figures could not be loaded"
          message={query.error.message}
          isRetrying={query.isFetching}
          onRetry={() => query.refetch()}
          testId="analytics-error"
        />
      ) : null}
      <div aria-busy={isUpdating || (!data && query.isPending)} className="grid gap-6">
        {isUpdating ? (
          <p className="flex items-center gap-2 text-sm text-muted-foreground">
            <Spinner size="sm" label="Updating figures" /> Updating…
          </p>
        ) : null}
        {!data ? (
          query.isPending ? (
            <Spinner label="Loading figures" className="py-16" size="lg" />
          ) : null
        ) : !data.hasUsage ? (
          <EmptyState
            icon={MessageSquare}
            title="No conversations yet"
            description={`Once people chat with ${shownGpt ? shownGpt.name : "your GPTs"}, their answers, users, ratings and earnings appear here. Previews don't count.`}
          />
        ) : (
          <Figures data={data} />
        )}
        {data ? (
          <p className="text-xs text-muted-foreground">
            Figures are up to the minute.{" "}
            {data.rollupComputedTo
              ? `Daily totals were last rolled up at ${utcTimeLabel(data.rollupComputedTo)}; later activity is counted live.`
              : "Daily totals have not been rolled up yet; everything is counted live."}
          </p>
        ) : null}
      </div>
    </div>
  );
}
