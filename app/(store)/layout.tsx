import type { ReactNode } from "react";
import { SiteHeader } from "@/components/layout/site-header";
import { getActor } from "@/lib/auth/session";

export default async function StoreLayout({ children }: { children: ReactNode }) {
  const actor = await getActor();
  return (
    <>
      <SiteHeader actor={actor} />
      {children}
    </>
  );
}
