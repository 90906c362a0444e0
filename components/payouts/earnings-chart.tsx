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
import { formatCents } from "@/components/admin/billing/billing-format";
import { compactUsd, monthName } from "./earnings-format";

export type ChartSeries = { key: string; name: string; color: string };

/**
 * Bars per month, in cents, oldest first. Visual only: a table next to it carries the same
 * figures for screen readers, so the chart is hidden from them.
 */
export function MonthBarChart({
  rows,
  series,
  testId,
}: {
  rows: ({ month: string } & Record<string, number | string>)[];
  series: ChartSeries[];
  testId?: string;
}) {
  const data = rows.map((row) => ({ ...row, label: monthName(row.month, "short") }));
  return (
    <div aria-hidden="true" className="h-56 w-full min-w-0 sm:h-64" data-testid={testId}>
      <ResponsiveContainer
        width="100%"
        height="100%"
        initialDimension={{ width: 320, height: 224 }}
      >
        <BarChart
          data={data}
          margin={{ top: 8, right: 8, bottom: 0, left: 0 }}
          accessibilityLayer={false}
        >
          <CartesianGrid vertical={false} stroke="var(--color-border)" />
          <XAxis
            dataKey="label"
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
          {series.length > 1 ? <Legend wrapperStyle={{ fontSize: 12 }} /> : null}
          {series.map((item) => (
            <Bar
              key={item.key}
              dataKey={item.key}
              name={item.name}
              stackId="month"
              fill={item.color}
              maxBarSize={36}
            />
          ))}
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
