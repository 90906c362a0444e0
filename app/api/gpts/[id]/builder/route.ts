import { getBuilderHistory } from "@/lib/builder/builder-queries";
import { runBuilderTurn } from "@/lib/builder/run-builder-turn";
import { builderTurnRequestSchema } from "@/lib/builder/schemas";
import { route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

type Params = { id: string };

/** The owner's Create tab chat and the changes it made → `{ conversationId, messages, changes }`. */
export const GET = route<undefined, Params>({ access: "user" }, ({ actor, params }) =>
  getBuilderHistory({ actor, gptId: params.id }),
);

/** One builder turn, streamed as an AI SDK UI message stream; `{ message, revision }`. */
export const POST = route<typeof builderTurnRequestSchema, Params>(
  { access: "user", body: builderTurnRequestSchema },
  ({ actor, body, params }) => runBuilderTurn({ actor, gptId: params.id, request: body }),
);
