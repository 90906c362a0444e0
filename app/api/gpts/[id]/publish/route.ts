import { publishGpt } from "@/lib/gpts/publish-gpt";
import { publishGptSchema } from "@/lib/gpts/schemas";
import { route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

/**
 * Snapshots the saved draft (and its ready knowledge files) as the next version →
 * `{ versionId, number, slug, visibility, knowledgeFileCount, knowledgeFilesProcessing,
 * knowledgeFilesFailed }` (files still processing or failed are left out of the version).
 */
export const POST = route<typeof publishGptSchema, { id: string }>(
  { access: "user", body: publishGptSchema },
  ({ actor, body, params }) => publishGpt({ actor, gptId: params.id, input: body }),
);
