import { publishGpt } from "@/lib/gpts/publish-gpt";
import { publishGptSchema } from "@/lib/gpts/schemas";
import { route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

/** Snapshots the saved draft as the next version → `{ versionId, number, slug, visibility }`. */
export const POST = route<typeof publishGptSchema, { id: string }>(
  { access: "user", body: publishGptSchema },
  ({ actor, body, params }) => publishGpt({ actor, gptId: params.id, input: body }),
);
