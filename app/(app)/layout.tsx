import { redirect } from "next/navigation";
import type { ReactNode } from "react";
import { SiteHeader } from "@/components/layout/site-header";
import { getActor } from "@/lib/auth/session";

/** Signed-in area (builder, My GPTs). Each page and API still authorises on its own. */
export default async function AppLayout({ children }: { children: ReactNode }) {
  const actor = await getActor();
  if (!actor) redirect("/sign-in");
  return (
    <>
      <SiteHeader actor={actor} />
      {children}
    </>
  );
}
