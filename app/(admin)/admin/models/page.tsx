import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ModelsManager } from "@/components/admin/models-manager";
import { getActor } from "@/lib/auth/session";
import { listModelsForAdmin } from "@/lib/models/queries";

export const metadata: Metadata = { title: "Models" };

export default async function AdminModelsPage() {
  // Layouts and pages render in parallel: the page checks the role itself.
  const actor = await getActor();
  if (actor?.role !== "ADMIN") notFound();
  const models = await listModelsForAdmin({ actor });
  return <ModelsManager initialModels={models} />;
}
