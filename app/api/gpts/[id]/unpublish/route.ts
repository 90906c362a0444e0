import { unpublishGpt } from "@/lib/gpts/unpublish-gpt";
import { route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

/** Takes the GPT out of the store (versions are kept) → `{ isPublished: false }`. */
export const POST = route<undefined, { id: string }>({ access: "user" }, ({ actor, params }) =>
  unpublishGpt({ actor, gptId: params.id }),
);
