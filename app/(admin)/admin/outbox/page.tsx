import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { OutboxView } from "@/components/admin/outbox/outbox-view";
import { getActor } from "@/lib/auth/session";
import { listOutbox } from "@/lib/mail/outbox-queries";
import { outboxQuerySchema } from "@/lib/mail/outbox-schemas";

export const metadata: Metadata = { title: "Outbox" };

type OutboxPageProps = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function AdminOutboxPage({ searchParams }: OutboxPageProps) {
  // Layouts and pages render in parallel: the page checks the role itself.
  const actor = await getActor();
  if (actor?.role !== "ADMIN") notFound();
  const requested = (await searchParams).status;
  const query = outboxQuerySchema.safeParse({
    status: Array.isArray(requested) ? requested[0] : requested,
  });
  const status = query.success ? query.data.status : null;
  const page = await listOutbox({ actor, status });
  return <OutboxView key={status ?? "all"} initialPage={page} />;
}
