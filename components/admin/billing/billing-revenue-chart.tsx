"use client";

import {
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";
import type { BillingOverviewJson } from "@/lib/billing/overview";
import { centsOf, compactUsd, formatCents, monthLabel } from "./billing-format";

const SERIES = [
  { key: "subscriptions", name: "Subscriptions", color: "var(--color-primary)", stack: "in" },
  { key: "creditsSold", name: "Credits sold", color: "var(--color-success)", stack: "in" },
  { key: "refunds", name: "Refunds", color: "var(--color-warning)", stack: "back" },
  { key: "disputes", name: "Disputes", color: "var(--color-destructive)", stack: "back" },
] as const;

/** Keeps the tooltip in the series' order (recharts sorts by name otherwise). */
const seriesOrder = (dataKey: unknown) => SERIES.findIndex((series) => series.key === dataKey);

/**
 * Money in (subscriptions + credits sold) next to money given back, per month. Visual only: the
 * table below carries the same figures for screen readers, so the chart is hidden from them.
 */
export function RevenueChart({ monthly }: { monthly: BillingOverviewJson["monthly"] }) {
  const data = monthly.map((row) => ({
    month: monthLabel(row.month, "short"),
    subscriptions: Number(centsOf(row.subscriptionRevenueMicros)),
    creditsSold: Number(centsOf(row.creditsSoldMicros)),
    refunds: Number(centsOf(row.refundsMicros)),
    disputes: Number(centsOf(row.disputesMicros)),
  }));
  return (
    <div aria-hidden="true" className="h-64 w-full min-w-0 sm:h-72">
      <ResponsiveContainer
        width="100%"
        height="100%"
        initialDimension={{ width: 320, height: 256 }}
      >
        <BarChart
          data={data}
          margin={{ top: 8, right: 8, bottom: 0, left: 0 }}
          accessibilityLayer={false}
        >
          <CartesianGrid vertical={false} stroke="var(--color-border)" />
          <XAxis
            dataKey="month"
            tickLine={false}
            axisLine={false}
            tick={{ fill: "var(--color-muted-foreground)", fontSize: 12 }}
            minTickGap={8}
          />
          <YAxis
            width={56}
            tickLine={false}
            axisLine={false}
            tick={{ fill: "var(--color-muted-foreground)", fontSize: 12 }}
            tickFormatter={(cents: number) => compactUsd.format(cents / 100)}
          />
          <Tooltip
            itemSorter={(item) => seriesOrder(item.dataKey)}
            cursor={{ fill: "var(--color-muted)", opacity: 0.5 }}
            contentStyle={{
              background: "var(--color-popover)",
              border: "1px solid var(--color-border)",
              borderRadius: "0.5rem",
              color: "var(--color-popover-foreground)",
              fontSize: 12,
            }}
            formatter={(value) =>
              typeof value === "number" ? formatCents(BigInt(value)) : String(value)
            }
          />
          <Legend itemSorter={null} wrapperStyle={{ fontSize: 12 }} />
          {SERIES.map((series) => (
            <Bar
              key={series.key}
              dataKey={series.key}
              name={series.name}
              stackId={series.stack}
              fill={series.color}
              maxBarSize={28}
            />
          ))}
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
