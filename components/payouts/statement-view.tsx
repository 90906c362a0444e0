"use client";

import { ArrowLeft, Download } from "lucide-react";
import Link from "next/link";
import { TableHead, TableScroller, tdClasses } from "@/components/admin/table-scroller";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import {
  type StatementDetailJson,
  statementCsvUrl,
  useCreatorStatement,
} from "@/lib/payouts/hooks";
import { cn } from "@/lib/utils/cn";
import { integer, longDate, money, monthName, shortDate } from "./earnings-format";

type Line = StatementDetailJson["lines"][number];

/** The lines per GPT: engaged answers, days with answers and amount (paying users are per day). */
function byGpt(lines: Line[]) {
  const groups = new Map<
    string,
    { gptId: string; gptName: string; days: number; answers: number; micros: bigint; held: bigint }
  >();
  for (const line of lines) {
    const group = groups.get(line.gptId) ?? {
      gptId: line.gptId,
      gptName: line.gptName,
      days: 0,
      answers: 0,
      micros: 0n,
      held: 0n,
    };
    group.days += 1;
    group.answers += line.engagedAnswers;
    group.micros += BigInt(line.amountMicros);
    if (line.isHeld) group.held += BigInt(line.amountMicros);
    groups.set(line.gptId, group);
  }
  return [...groups.values()].sort((a, b) =>
    a.micros === b.micros ? 0 : a.micros > b.micros ? -1 : 1,
  );
}

function Summary({ statement }: { statement: StatementDetailJson }) {
  const clawback = BigInt(statement.clawbackMicros);
  const net = BigInt(statement.earnedMicros) - clawback;
  const items = [
    { label: "Earned", value: money(statement.earnedMicros) },
    { label: "Held for review", value: money(statement.heldMicros) },
    { label: "Refunds taken back", value: clawback > 0n ? `-${money(clawback)}` : money(0n) },
    { label: "Net", value: money(net), isStrong: true, isNegative: net < 0n },
    { label: "Engaged answers", value: integer.format(statement.engagedAnswers) },
    { label: "Paying users", value: integer.format(statement.payingUsers) },
  ];
  return (
    <dl className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-6">
      {items.map((item) => (
        <div key={item.label} className="grid gap-1 rounded-xl border bg-card p-4 shadow-xs">
          <dt className="text-sm text-muted-foreground">{item.label}</dt>
          <dd
            className={cn(
              "text-xl font-semibold tracking-tight tabular-nums",
              item.isNegative && "text-destructive",
            )}
            data-testid={`statement-${item.label.toLowerCase().replaceAll(" ", "-")}`}
          >
            {item.value}
          </dd>
        </div>
      ))}
    </dl>
  );
}

/** One closed month of the creator: totals, per GPT, per GPT per day, and the CSV. */
export function StatementView({ initial }: { initial: StatementDetailJson }) {
  const { data: statement } = useCreatorStatement(initial.month, initial);
  const gpts = byGpt(statement.lines);
  const total = BigInt(statement.earnedMicros) + BigInt(statement.heldMicros);
  return (
    <div className="grid gap-8">
      <div className="grid gap-3">
        <Link
          href="/creator/earnings"
          className="inline-flex w-fit items-center gap-1.5 rounded-sm text-sm text-muted-foreground outline-none hover:text-foreground focus-visible:ring-2 focus-visible:ring-ring"
        >
          <ArrowLeft aria-hidden className="size-4" />
          All earnings
        </Link>
        <PageHeader
          className="pb-0"
          title={`${monthName(statement.month)} statement`}
          description={`Your share of ${monthName(statement.month)}'s revenue pool, per GPT and per UTC day. Available for payout from ${longDate(statement.availableAt)}.`}
          actions={
            <Button asChild variant="outline">
              <a href={statementCsvUrl(statement.month)} download>
                <Download aria-hidden="true" />
                Download CSV
              </a>
            </Button>
          }
        />
      </div>
      <Summary statement={statement} />

      <section aria-labelledby="statement-gpts-heading" className="grid gap-3">
        <h2 id="statement-gpts-heading" className="text-lg font-semibold tracking-tight">
          By GPT
        </h2>
        <TableScroller label="Statement by GPT table">
          <table className="w-full text-sm whitespace-nowrap">
            <caption className="sr-only">Engaged answers and amount per GPT</caption>
            <TableHead
              columns={[
                { label: "GPT" },
                { label: "Days with answers", isNumeric: true },
                { label: "Engaged answers", isNumeric: true },
                { label: "Amount", isNumeric: true },
              ]}
            />
            <tbody className="divide-y">
              {gpts.map((gpt) => (
                <tr key={gpt.gptId}>
                  <th scope="row" className={`${tdClasses} text-left font-medium`}>
                    <span className="flex items-center gap-2">
                      {gpt.gptName}
                      {gpt.held > 0n ? <Badge variant="warning">Held</Badge> : null}
                    </span>
                  </th>
                  <td className={`${tdClasses} text-right tabular-nums`}>
                    {integer.format(gpt.days)}
                  </td>
                  <td className={`${tdClasses} text-right tabular-nums`}>
                    {integer.format(gpt.answers)}
                  </td>
                  <td className={`${tdClasses} text-right tabular-nums`}>{money(gpt.micros)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroller>
      </section>

      <section aria-labelledby="statement-lines-heading" className="grid gap-3">
        <div className="grid gap-1">
          <h2 id="statement-lines-heading" className="text-lg font-semibold tracking-tight">
            Per GPT per day
          </h2>
          <p className="text-sm text-muted-foreground">
            One line per GPT per UTC day. Engaged answers count up to a daily cap per user per GPT
            (see{" "}
            <Link href="/docs/revenue-share" className="text-primary underline underline-offset-4">
              how earnings are calculated
            </Link>
            ). Held lines belong to a GPT removed by moderators and wait for review.
          </p>
        </div>
        {statement.lines.length === 0 ? (
          <p className="rounded-xl border border-dashed px-4 py-6 text-center text-sm text-muted-foreground">
            No GPT of yours earned in this month; the statement only carries refunds taken back.
          </p>
        ) : (
          <TableScroller label="Statement lines table">
            <table className="w-full text-sm whitespace-nowrap">
              <caption className="sr-only">Statement lines, one per GPT per day</caption>
              <TableHead
                columns={[
                  { label: "Date" },
                  { label: "GPT" },
                  { label: "Engaged answers", isNumeric: true },
                  { label: "Paying users", isNumeric: true },
                  { label: "Amount", isNumeric: true },
                ]}
              />
              <tbody className="divide-y">
                {statement.lines.map((line) => (
                  <tr key={`${line.day}-${line.gptId}`} data-testid="statement-line">
                    <td className={tdClasses}>{shortDate(line.day)}</td>
                    <td className={tdClasses}>
                      <span className="flex items-center gap-2">
                        {line.gptName}
                        {line.isHeld ? <Badge variant="warning">Held</Badge> : null}
                      </span>
                    </td>
                    <td className={`${tdClasses} text-right tabular-nums`}>
                      {integer.format(line.engagedAnswers)}
                    </td>
                    <td className={`${tdClasses} text-right tabular-nums`}>
                      {integer.format(line.payingUsers)}
                    </td>
                    <td className={`${tdClasses} text-right tabular-nums`}>
                      {money(line.amountMicros)}
                    </td>
                  </tr>
                ))}
              </tbody>
              <tfoot className="border-t bg-muted/40 font-medium">
                <tr>
                  <th scope="row" colSpan={2} className={`${tdClasses} text-left`}>
                    Total
                  </th>
                  <td className={`${tdClasses} text-right tabular-nums`}>
                    {integer.format(statement.engagedAnswers)}
                  </td>
                  <td className={`${tdClasses} text-right tabular-nums`}>
                    {integer.format(statement.payingUsers)}
                  </td>
                  <td className={`${tdClasses} text-right tabular-nums`} data-testid="lines-total">
                    {money(total)}
                  </td>
                </tr>
                {BigInt(statement.clawbackMicros) > 0n ? (
                  <tr>
                    <th scope="row" colSpan={4} className={`${tdClasses} text-left`}>
                      Refunds and disputes taken back
                    </th>
                    <td className={`${tdClasses} text-right text-destructive tabular-nums`}>
                      -{money(statement.clawbackMicros)}
                    </td>
                  </tr>
                ) : null}
              </tfoot>
            </table>
          </TableScroller>
        )}
      </section>
    </div>
  );
}
