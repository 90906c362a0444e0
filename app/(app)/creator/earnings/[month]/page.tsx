import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { CreatorNav } from "@/components/creator/creator-nav";
import { StatementView } from "@/components/payouts/statement-view";
import { getActor } from "@/lib/auth/session";
import { isAppError } from "@/lib/errors";
import { getCreatorStatement } from "@/lib/payouts/creator-earnings";
import { isMonth, monthLabel } from "@/lib/payouts/months";
import { jsonify } from "@/lib/utils/jsonify";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ month: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { month } = await params;
  return { title: isMonth(month) ? `${monthLabel(month)} statement` : "Statement" };
}

/** Creator → Earnings → one closed month's statement (another's, or no statement: 404). */
export default async function CreatorStatementPage({ params }: Props) {
  const { month } = await params;
  const actor = await getActor();
  if (!actor) redirect(`/sign-in?callbackUrl=/creator/earnings/${encodeURIComponent(month)}`);
  const statement = await getCreatorStatement({ actor, month }).catch((error) => {
    if (isAppError(error) && error.code === "not_found") notFound();
    throw error;
  });
  return (
    <main className="mx-auto w-full max-w-6xl px-4 py-8 sm:py-10">
      <CreatorNav hasEarnings />
      <StatementView initial={jsonify(statement)} />
    </main>
  );
}
