import { TableHead, TableScroller, tdClasses } from "@/components/admin/table-scroller";
import { averageRatingText } from "@/lib/analytics/csv";
import { dayLabel } from "@/lib/analytics/days";
import type { ActionErrorGroup, AnalyticsDay } from "@/lib/analytics/types";
import { formatUsd, integer, utcTimeLabel } from "./analytics-format";

const numeric = `${tdClasses} text-right tabular-nums`;

/** The charts' figures, one row per day (newest first): what screen readers get. */
export function DailyTable({ days }: { days: AnalyticsDay[] }) {
  return (
    <TableScroller label="Daily figures table">
      <table className="w-full text-sm whitespace-nowrap" data-testid="analytics-table">
        <caption className="px-4 pt-3 text-left text-sm text-muted-foreground">
          Daily figures, last {days.length} days (UTC), newest first
        </caption>
        <TableHead
          columns={[
            { label: "Date" },
            { label: "Conversations", isNumeric: true },
            { label: "Answers", isNumeric: true },
            { label: "Users", isNumeric: true },
            { label: "Thumbs up", isNumeric: true },
            { label: "Thumbs down", isNumeric: true },
            { label: "Reviews", isNumeric: true },
            { label: "Avg. rating", isNumeric: true },
            { label: "Earnings", isNumeric: true },
          ]}
        />
        <tbody className="divide-y">
          {[...days].reverse().map((day) => (
            <tr key={day.day} data-testid={`analytics-row-${day.day}`}>
              <th scope="row" className={`${tdClasses} text-left font-medium`}>
                <time dateTime={day.day}>{dayLabel(day.day, "long")}</time>
              </th>
              <td className={numeric}>{integer.format(day.conversations)}</td>
              <td className={numeric}>{integer.format(day.answers)}</td>
              <td className={numeric}>{integer.format(day.users)}</td>
              <td className={numeric}>{integer.format(day.thumbsUp)}</td>
              <td className={numeric}>{integer.format(day.thumbsDown)}</td>
              <td className={numeric}>{integer.format(day.reviews)}</td>
              <td className={numeric}>{averageRatingText(day.ratingSum, day.reviews) || "–"}</td>
              <td className={numeric}>{formatUsd(day.earnedMicros)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroller>
  );
}

/** Operations whose calls failed in the period, most failures first. */
export function ActionErrorsTable({
  groups,
  showGpt,
}: {
  groups: ActionErrorGroup[];
  showGpt: boolean;
}) {
  return (
    <TableScroller label="Action errors table">
      <table className="w-full text-sm">
        <caption className="sr-only">Action operations that failed, most failures first</caption>
        <TableHead
          columns={[
            { label: "Operation" },
            ...(showGpt ? [{ label: "GPT" }] : []),
            { label: "Errors", isNumeric: true },
            { label: "Calls", isNumeric: true },
            { label: "Last error" },
          ]}
        />
        <tbody className="divide-y">
          {groups.map((group) => (
            <tr key={`${group.gptId}:${group.operation}`}>
              <th scope="row" className={`${tdClasses} text-left font-mono text-xs font-medium`}>
                {group.operation}
              </th>
              {showGpt ? (
                <td className={`${tdClasses} whitespace-nowrap`}>{group.gptName}</td>
              ) : null}
              <td className={numeric}>{integer.format(group.errors)}</td>
              <td className={numeric}>{integer.format(group.calls)}</td>
              <td className={`${tdClasses} min-w-56 text-muted-foreground`}>
                <span className="line-clamp-2 break-words text-foreground">{group.lastError}</span>
                {group.lastErrorAt ? (
                  <span className="text-xs">
                    <time dateTime={group.lastErrorAt}>{utcTimeLabel(group.lastErrorAt)}</time>
                  </span>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroller>
  );
}
