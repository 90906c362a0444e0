import { notFound, redirect } from "next/navigation";
import type { ReactNode } from "react";
import { SiteHeader } from "@/components/layout/site-header";
import { getActor, isModerator } from "@/lib/auth/session";

/**
 * Admins and moderators (who see only the moderation pages; each page checks its own role);
 * everyone else gets a 404 (the admin area's existence is not advertised).
 */
export default async function AdminLayout({ children }: { children: ReactNode }) {
  const actor = await getActor();
  if (!actor) redirect("/sign-in?callbackUrl=/admin");
  if (!isModerator(actor)) notFound();
  return (
    <>
      <SiteHeader actor={actor} />
      {children}
    </>
  );
}
