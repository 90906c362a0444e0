import type { Metadata } from "next";
import { headers } from "next/headers";
import { notFound, redirect } from "next/navigation";
import type { ReactNode } from "react";
import { AdminNav } from "@/components/admin/admin-nav";
import { isModerationPath } from "@/lib/admin/moderation-paths";
import { getActor } from "@/lib/auth/session";
import { isBillingEnabled } from "@/lib/billing/stripe";

export const metadata: Metadata = { title: { default: "Admin", template: "%s · Admin · Atelier" } };

/**
 * Sub-navigation shared by every admin page; the (admin) group layout already let in admins and
 * moderators. A moderator asking for an admin-only page gets its 404 here, before loading.tsx's
 * boundary starts streaming (a page's own notFound() inside it would answer with status 200).
 * Each page still checks the role itself: the path comes from proxy.ts, which is a convenience.
 */
export default async function AdminSectionLayout({ children }: { children: ReactNode }) {
  const actor = await getActor();
  if (actor?.role === "MODERATOR") {
    const pathname = (await headers()).get("x-pathname") ?? "";
    if (pathname === "/admin") redirect("/admin/reports");
    if (!isModerationPath(pathname)) notFound();
  }
  return (
    <div className="mx-auto w-full max-w-6xl px-4 pt-4 pb-16 sm:pt-6">
      <AdminNav hasBilling={isBillingEnabled()} isModeratorOnly={actor?.role === "MODERATOR"} />
      <main id="main" className="pt-6 sm:pt-8">
        {children}
      </main>
    </div>
  );
}
