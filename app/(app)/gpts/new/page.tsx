import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { GptEditor } from "@/components/builder/gpt-editor";
import { getActor } from "@/lib/auth/session";
import { getCapabilityAvailability } from "@/lib/gpts/capability-availability";
import { listCategories } from "@/lib/gpts/queries";
import { listEnabledModels } from "@/lib/models/queries";

export const metadata: Metadata = { title: "Create a GPT" };

/** Opens the full editor at once; the GPT is created by its first save. */
export default async function NewGptPage() {
  const actor = await getActor();
  if (!actor) redirect("/sign-in?callbackUrl=/gpts/new");
  const [models, categories] = await Promise.all([listEnabledModels(), listCategories()]);
  return (
    <GptEditor
      gpt={null}
      models={models}
      categories={categories}
      capabilityAvailability={getCapabilityAvailability()}
      isAdmin={actor.role === "ADMIN"}
    />
  );
}
