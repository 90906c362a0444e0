import { notFound, redirect } from "next/navigation";
import type { ReactNode } from "react";
import { SiteHeader } from "@/components/layout/site-header";
import { getActor } from "@/lib/auth/session";

/** Admins only; everyone else gets a 404 (the admin area's existence is not advertised). */
export default async function AdminLayout({ children }: { children: ReactNode }) {
  const actor = await getActor();
  if (!actor) redirect("/sign-in?callbackUrl=/admin");
  if (actor.role !== "ADMIN") notFound();
  return (
    <>
      <SiteHeader actor={actor} />
      {children}
    </>
  );
}
