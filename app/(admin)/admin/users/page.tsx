import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { UsersView } from "@/components/admin/users/users-view";
import { getActor } from "@/lib/auth/session";
import { listUsersForAdmin } from "@/lib/users/queries";

export const metadata: Metadata = { title: "Users" };

type UsersPageProps = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function AdminUsersPage({ searchParams }: UsersPageProps) {
  // Layouts and pages render in parallel: the page checks the role itself (moderators get a 404).
  const actor = await getActor();
  if (actor?.role !== "ADMIN") notFound();
  const page = await listUsersForAdmin({ actor, query: await searchParams });
  return <UsersView actor={actor} page={page} />;
}
