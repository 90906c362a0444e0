import { Bot } from "lucide-react";
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { GptAvatar } from "@/components/ui/gpt-avatar";
import type { AdminGptRow } from "@/lib/admin/queries";
import { FeatureGptButton } from "./feature-gpt-button";
import { TableHead, TableScroller, tdClasses } from "./table-scroller";

const integer = new Intl.NumberFormat("en-US");

const visibilityLabels = { PUBLIC: "Public", LINK: "Link only", PRIVATE: "Private" } as const;

export function GptsSection({ gpts, total }: { gpts: AdminGptRow[]; total: number }) {
  return (
    <section aria-labelledby="admin-gpts-heading" className="grid gap-4">
      <div className="grid gap-1">
        <h2 id="admin-gpts-heading" className="text-lg font-semibold tracking-tight">
          GPTs
        </h2>
        <p className="text-sm text-muted-foreground">
          Every GPT on this instance, whatever its visibility, most recently changed first.
          {gpts.length < total ? ` Showing ${gpts.length} of ${integer.format(total)}.` : null}
        </p>
      </div>

      {gpts.length === 0 ? (
        <EmptyState
          icon={Bot}
          titleAs="h3"
          title="No GPTs yet"
          description="GPTs appear here as soon as a creator starts building one."
        />
      ) : (
        <TableScroller label="GPTs table">
          <table aria-labelledby="admin-gpts-heading" className="w-full text-sm whitespace-nowrap">
            <TableHead
              columns={[
                { label: "GPT" },
                { label: "Owner" },
                { label: "Visibility" },
                { label: "Status" },
                { label: "Published" },
                { label: "Conversations", isNumeric: true },
                { label: "Store" },
              ]}
            />
            <tbody className="divide-y">
              {gpts.map((gpt) => (
                <tr key={gpt.id} className="transition-colors hover:bg-muted/30">
                  <td className={tdClasses}>
                    <div className="flex items-center gap-3">
                      <span aria-hidden="true" className="flex">
                        <GptAvatar
                          name={gpt.name}
                          src={gpt.avatarUrl}
                          color={gpt.avatarColor}
                          size="md"
                        />
                      </span>
                      <div className="grid gap-0.5">
                        <div className="flex items-center gap-2">
                          {gpt.publishedVersionNumber !== null && !gpt.isDeleted ? (
                            <Link
                              href={`/g/${gpt.slug}`}
                              className="font-medium underline-offset-4 hover:text-primary hover:underline"
                            >
                              {gpt.name}
                            </Link>
                          ) : (
                            <span className="font-medium">{gpt.name}</span>
                          )}
                          {gpt.isDemo ? <Badge variant="demo">Demo</Badge> : null}
                        </div>
                        <span className="font-mono text-xs text-muted-foreground">{gpt.slug}</span>
                      </div>
                    </div>
                  </td>
                  <td className={tdClasses}>
                    <div className="grid gap-0.5">
                      <span>{gpt.owner.name ?? "—"}</span>
                      <span className="text-xs text-muted-foreground">{gpt.owner.email}</span>
                    </div>
                  </td>
                  <td className={tdClasses}>
                    <Badge variant={gpt.visibility === "PUBLIC" ? "secondary" : "outline"}>
                      {visibilityLabels[gpt.visibility]}
                    </Badge>
                  </td>
                  <td className={tdClasses}>
                    {gpt.isDeleted ? (
                      <Badge variant="outline">Deleted</Badge>
                    ) : gpt.status === "ACTIVE" ? (
                      <Badge variant="success">Active</Badge>
                    ) : gpt.status === "UNLISTED" ? (
                      <Badge variant="warning">Unlisted</Badge>
                    ) : (
                      <Badge variant="destructive">Removed</Badge>
                    )}
                  </td>
                  <td className={`${tdClasses} whitespace-nowrap`}>
                    {gpt.publishedVersionNumber !== null ? (
                      <span className="tabular-nums">v{gpt.publishedVersionNumber}</span>
                    ) : (
                      <span className="text-muted-foreground">Draft only</span>
                    )}
                  </td>
                  <td className={`${tdClasses} text-right tabular-nums`}>
                    {integer.format(gpt.conversationCount)}
                  </td>
                  <td className={tdClasses}>
                    <div className="flex items-center gap-2">
                      {gpt.featuredAt ? <Badge variant="default">Featured</Badge> : null}
                      {gpt.isListed || gpt.featuredAt ? (
                        <FeatureGptButton
                          gptId={gpt.id}
                          name={gpt.name}
                          isFeatured={gpt.featuredAt !== null}
                        />
                      ) : (
                        <span className="text-xs text-muted-foreground">Not listed</span>
                      )}
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroller>
      )}
    </section>
  );
}
