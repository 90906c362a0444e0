import {
  Activity,
  Bot,
  type LucideIcon,
  MessagesSquare,
  Rocket,
  Users,
  Wallet,
} from "lucide-react";
import type { AdminOverview } from "@/lib/admin/queries";
import { formatMicrosAsUsd, formatTokenCount } from "@/lib/models/pricing";

type Stat = { label: string; value: string; detail?: string; icon: LucideIcon };

const integer = new Intl.NumberFormat("en-US");

function statsOf(overview: AdminOverview): Stat[] {
  const { usage } = overview;
  const days = `last ${usage.windowDays} days`;
  return [
    {
      label: "Users",
      value: integer.format(overview.userCount),
      detail: overview.bannedUserCount
        ? `${integer.format(overview.bannedUserCount)} banned`
        : "None banned",
      icon: Users,
    },
    {
      label: "GPTs",
      value: integer.format(overview.gptCount),
      detail: `${integer.format(overview.gptCount - overview.publishedGptCount)} unpublished`,
      icon: Bot,
    },
    {
      label: "Published GPTs",
      value: integer.format(overview.publishedGptCount),
      detail: "With a live version",
      icon: Rocket,
    },
    {
      label: "Conversations",
      value: integer.format(overview.conversationCount),
      detail: "Excluding previews",
      icon: MessagesSquare,
    },
    {
      label: "Usage cost",
      value: formatMicrosAsUsd(usage.costMicros),
      detail: `${integer.format(usage.eventCount)} replies, ${days}`,
      icon: Wallet,
    },
    {
      label: "Tokens",
      value: formatTokenCount(usage.inputTokens + usage.outputTokens),
      detail: `${formatTokenCount(usage.inputTokens)} in · ${formatTokenCount(usage.outputTokens)} out, ${days}`,
      icon: Activity,
    },
  ];
}

export function AdminStats({ overview }: { overview: AdminOverview }) {
  return (
    <dl className="grid grid-cols-2 gap-3 sm:grid-cols-3 xl:grid-cols-6">
      {statsOf(overview).map(({ label, value, detail, icon: Icon }) => (
        <div key={label} className="flex flex-col gap-1 rounded-xl border bg-card p-4 shadow-xs">
          <dt className="flex items-center justify-between gap-2 text-sm text-muted-foreground">
            {label}
            <Icon aria-hidden="true" className="size-4 shrink-0" />
          </dt>
          <dd className="text-2xl font-semibold tracking-tight tabular-nums">{value}</dd>
          {detail ? <dd className="text-xs text-muted-foreground">{detail}</dd> : null}
        </div>
      ))}
    </dl>
  );
}
