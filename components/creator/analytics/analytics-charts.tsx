"use client";

import type { ReactNode } from "react";
import {
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";
import { dayLabel } from "@/lib/analytics/days";
import type { AnalyticsDay } from "@/lib/analytics/types";
import { centsOf, compactUsd, formatUsd } from "./analytics-format";

/**
 * The dashboard's charts. Visual only: the Table tab carries the same figures for screen readers,
 * so the charts are hidden from them (as in Admin → Billing). No animation: the figures are there
 * at once, also on a phone redrawing after a rotation.
 */

const axisTick = { fill: "var(--color-muted-foreground)", fontSize: 12 };
const tooltipStyle = {
  background: "var(--color-popover)",
  border: "1px solid var(--color-border)",
  borderRadius: "0.5rem",
  color: "var(--color-popover-foreground)",
  fontSize: 12,
};

function ChartFrame({ testId, children }: { testId: string; children: ReactNode }) {
  return (
    <div aria-hidden="true" className="h-56 w-full min-w-0 sm:h-64" data-testid={testId}>
      <ResponsiveContainer
        width="100%"
        height="100%"
        initialDimension={{ width: 320, height: 224 }}
      >
        {children as never}
      </ResponsiveContainer>
    </div>
  );
}

const withLabels = <T extends { day: string }>(rows: T[]) =>
  rows.map((row) => ({ ...row, label: dayLabel(row.day) }));

function axes({
  yFormatter,
  domain,
  valueFormatter,
}: {
  yFormatter?: (value: number) => string;
  domain?: [number, number];
  valueFormatter?: (value: number) => string;
} = {}) {
  return [
    <CartesianGrid key="grid" vertical={false} stroke="var(--color-border)" />,
    <XAxis
      key="x"
      dataKey="label"
      tickLine={false}
      axisLine={false}
      tick={axisTick}
      minTickGap={16}
    />,
    <YAxis
      key="y"
      width={48}
      tickLine={false}
      axisLine={false}
      tick={axisTick}
      allowDecimals={Boolean(yFormatter)}
      tickFormatter={yFormatter}
      domain={domain}
    />,
    <Tooltip
      key="tooltip"
      contentStyle={tooltipStyle}
      cursor={{ fill: "var(--color-muted)", opacity: 0.5 }}
      formatter={(value) =>
        valueFormatter && typeof value === "number" ? valueFormatter(value) : String(value)
      }
    />,
    <Legend key="legend" wrapperStyle={{ fontSize: 12 }} />,
  ];
}

/** Answers, conversations and users per day. */
export function ActivityChart({ days }: { days: AnalyticsDay[] }) {
  return (
    <ChartFrame testId="chart-activity">
      <LineChart
        data={withLabels(days)}
        margin={{ top: 8, right: 8, bottom: 0, left: 0 }}
        accessibilityLayer={false}
      >
        {axes()}
        <Line
          type="monotone"
          dataKey="answers"
          name="Answers"
          stroke="var(--color-primary)"
          strokeWidth={2}
          dot={days.length <= 7}
          isAnimationActive={false}
        />
        <Line
          type="monotone"
          dataKey="conversations"
          name="Conversations"
          stroke="var(--color-success)"
          strokeWidth={2}
          dot={days.length <= 7}
          isAnimationActive={false}
        />
        <Line
          type="monotone"
          dataKey="users"
          name="Users"
          stroke="var(--color-warning)"
          strokeWidth={2}
          dot={days.length <= 7}
          isAnimationActive={false}
        />
      </LineChart>
    </ChartFrame>
  );
}

/** The average stars of each day's reviews (days without a review are skipped over). */
export function RatingChart({ days }: { days: AnalyticsDay[] }) {
  const data = withLabels(days).map((day) => ({
    ...day,
    rating: day.reviews > 0 ? Math.round((day.ratingSum / day.reviews) * 100) / 100 : null,
  }));
  return (
    <ChartFrame testId="chart-rating">
      <LineChart
        data={data}
        margin={{ top: 8, right: 8, bottom: 0, left: 0 }}
        accessibilityLayer={false}
      >
        {axes({ yFormatter: (value) => value.toFixed(0), domain: [1, 5] })}
        <Line
          type="monotone"
          dataKey="rating"
          name="Average rating"
          stroke="var(--color-warning)"
          strokeWidth={2}
          connectNulls
          isAnimationActive={false}
        />
      </LineChart>
    </ChartFrame>
  );
}

/** Thumbs up and down per day, stacked. */
export function ThumbsChart({ days }: { days: AnalyticsDay[] }) {
  return (
    <ChartFrame testId="chart-thumbs">
      <BarChart
        data={withLabels(days)}
        margin={{ top: 8, right: 8, bottom: 0, left: 0 }}
        accessibilityLayer={false}
      >
        {axes()}
        <Bar
          dataKey="thumbsUp"
          name="Thumbs up"
          stackId="thumbs"
          fill="var(--color-success)"
          maxBarSize={24}
          isAnimationActive={false}
        />
        <Bar
          dataKey="thumbsDown"
          name="Thumbs down"
          stackId="thumbs"
          fill="var(--color-destructive)"
          maxBarSize={24}
          isAnimationActive={false}
        />
      </BarChart>
    </ChartFrame>
  );
}

/** Earnings per day in dollars (from closed months' statements). */
export function EarningsChart({ days }: { days: AnalyticsDay[] }) {
  const data = withLabels(days).map((day) => ({
    ...day,
    earnings: Number(centsOf(day.earnedMicros)) / 100,
  }));
  return (
    <ChartFrame testId="chart-earnings">
      <BarChart
        data={data}
        margin={{ top: 8, right: 8, bottom: 0, left: 0 }}
        accessibilityLayer={false}
      >
        {axes({
          yFormatter: (dollars) => compactUsd.format(dollars),
          valueFormatter: (dollars) => formatUsd(String(Math.round(dollars * 1_000_000))),
        })}
        <Bar
          dataKey="earnings"
          name="Earnings"
          fill="var(--color-primary)"
          maxBarSize={24}
          isAnimationActive={false}
        />
      </BarChart>
    </ChartFrame>
  );
}
