import type { Metadata } from "next";
import type { ReactNode } from "react";
import { AdminNav } from "@/components/admin/admin-nav";
import { getActor } from "@/lib/auth/session";
import { isBillingEnabled } from "@/lib/billing/stripe";

export const metadata: Metadata = { title: { default: "Admin", template: "%s · Admin · Atelier" } };

/** Sub-navigation shared by every admin page; the (admin) group layout already checked the role. */
export default async function AdminSectionLayout({ children }: { children: ReactNode }) {
  const actor = await getActor();
  return (
    <div className="mx-auto w-full max-w-6xl px-4 pt-4 pb-16 sm:pt-6">
      <AdminNav hasBilling={isBillingEnabled()} isModeratorOnly={actor?.role === "MODERATOR"} />
      <main id="main" className="pt-6 sm:pt-8">
        {children}
      </main>
    </div>
  );
}
