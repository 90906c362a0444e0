import {
  type LucideIcon,
  MessageSquare,
  MessagesSquare,
  Minus,
  Repeat,
  Star,
  ThumbsUp,
  TrendingDown,
  TrendingUp,
  Users,
  Wallet,
} from "lucide-react";
import type { AnalyticsTotals, ReturningUsers } from "@/lib/analytics/types";
import { cn } from "@/lib/utils/cn";
import {
  type Change,
  countChange,
  formatPercent,
  formatRating,
  formatUsd,
  integer,
  pointsChange,
  starsChange,
} from "./analytics-format";

type Stat = {
  label: string;
  value: string;
  change: Change;
  detail: string;
  icon: LucideIcon;
};

function returningDetail(returning: ReturningUsers, when: string): string {
  if (returning.cohort === 0) return "No first-time users to follow yet";
  return `${integer.format(returning.returned)} of ${integer.format(returning.cohort)} came back ${when}`;
}

function statsOf(current: AnalyticsTotals, previous: AnalyticsTotals): Stat[] {
  return [
    {
      label: "Answers",
      value: integer.format(current.answers),
      change: countChange(current.answers, previous.answers),
      detail: `${integer.format(previous.answers)} before`,
      icon: MessageSquare,
    },
    {
      label: "Conversations",
      value: integer.format(current.conversations),
      change: countChange(current.conversations, previous.conversations),
      detail: `${integer.format(previous.conversations)} before`,
      icon: MessagesSquare,
    },
    {
      label: "Unique users",
      value: integer.format(current.users),
      change: countChange(current.users, previous.users),
      detail: `${integer.format(current.newUsers)} new`,
      icon: Users,
    },
    {
      label: "Returning day 1",
      value: formatPercent(current.returningDay1.rate),
      change: pointsChange(current.returningDay1.rate, previous.returningDay1.rate),
      detail: returningDetail(current.returningDay1, "the next day"),
      icon: Repeat,
    },
    {
      label: "Returning day 7",
      value: formatPercent(current.returningDay7.rate),
      change: pointsChange(current.returningDay7.rate, previous.returningDay7.rate),
      detail: returningDetail(current.returningDay7, "a week later"),
      icon: Repeat,
    },
    {
      label: "Thumbs up",
      value: formatPercent(current.thumbsUpRatio),
      change: pointsChange(current.thumbsUpRatio, previous.thumbsUpRatio),
      detail: `${integer.format(current.thumbsUp)} up · ${integer.format(current.thumbsDown)} down`,
      icon: ThumbsUp,
    },
    {
      label: "Average rating",
      value: formatRating(current.averageRating),
      change: starsChange(current.averageRating, previous.averageRating),
      detail: `${integer.format(current.reviews)} ${current.reviews === 1 ? "review" : "reviews"}`,
      icon: Star,
    },
    {
      label: "Earnings",
      value: formatUsd(current.earnedMicros),
      change: countChange(Number(current.earnedMicros), Number(previous.earnedMicros)),
      detail:
        current.heldMicros !== "0"
          ? `${formatUsd(current.heldMicros)} held for review`
          : "From closed months",
      icon: Wallet,
    },
  ];
}

const changeIcons = { up: TrendingUp, down: TrendingDown, flat: Minus };

function ChangeLabel({ change, rangeDays }: { change: Change; rangeDays: number }) {
  if (!change) return <span className="text-muted-foreground">No earlier data</span>;
  const Icon = changeIcons[change.direction];
  return (
    <span
      className={cn(
        "inline-flex items-center gap-1 font-medium",
        change.direction === "up" && "text-success",
        change.direction === "down" && "text-destructive",
        change.direction === "flat" && "text-muted-foreground",
      )}
    >
      <Icon aria-hidden="true" className="size-3.5" />
      {change.text}
      <span className="sr-only"> compared with the previous {rangeDays} days</span>
    </span>
  );
}

/** The period's headline figures, each with its change against the period before. */
export function AnalyticsStatCards({
  current,
  previous,
  rangeDays,
}: {
  current: AnalyticsTotals;
  previous: AnalyticsTotals;
  rangeDays: number;
}) {
  return (
    <div className="grid gap-2">
      <dl className="grid grid-cols-2 gap-3 lg:grid-cols-4" data-testid="analytics-stats">
        {statsOf(current, previous).map(({ label, value, change, detail, icon: Icon }) => (
          <div
            key={label}
            className="flex min-w-0 flex-col gap-1 rounded-xl border bg-card p-4 shadow-xs"
            data-testid={`stat-${label.toLowerCase().replaceAll(" ", "-")}`}
          >
            <dt className="flex items-center justify-between gap-2 text-sm text-muted-foreground">
              {label}
              <Icon aria-hidden="true" className="size-4 shrink-0" />
            </dt>
            <dd className="text-2xl font-semibold tracking-tight tabular-nums">{value}</dd>
            <dd className="text-xs">
              <ChangeLabel change={change} rangeDays={rangeDays} />
            </dd>
            <dd className="truncate text-xs text-muted-foreground" title={detail}>
              {detail}
            </dd>
          </div>
        ))}
      </dl>
      <p className="text-xs text-muted-foreground">
        Returning users: of the people whose first answer from these GPTs came 1 (or 7) days
        earlier, the share who got an answer again on that day. Days still in progress are not
        counted yet. Changes compare with the {rangeDays} days before.
      </p>
    </div>
  );
}
