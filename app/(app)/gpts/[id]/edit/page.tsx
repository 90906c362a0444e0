import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { GptEditor } from "@/components/builder/gpt-editor";
import { getActor } from "@/lib/auth/session";
import { getCapabilityAvailability } from "@/lib/gpts/capability-availability";
import { getGptForEditor, listCategories } from "@/lib/gpts/queries";
import { listEnabledModels } from "@/lib/models/queries";

export const metadata: Metadata = { title: "Edit GPT" };

/** Owner only: the query is scoped to the actor, so someone else's GPT is a 404. */
export default async function EditGptPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await getActor();
  if (!actor) redirect(`/sign-in?callbackUrl=${encodeURIComponent(`/gpts/${id}/edit`)}`);
  const [gpt, models, categories] = await Promise.all([
    getGptForEditor({ actor, gptId: id }),
    listEnabledModels(),
    listCategories(),
  ]);
  if (!gpt) notFound();
  return (
    <GptEditor
      key={gpt.id}
      gpt={gpt}
      models={models}
      categories={categories}
      capabilityAvailability={getCapabilityAvailability()}
      isAdmin={actor.role === "ADMIN"}
    />
  );
}
