import { listGptFeedback } from "@/lib/feedback/queries";
import { route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

type Params = { id: string };

/** The thumbs and notes a GPT's answers received: its creator (and admins) only. */
export const GET = route<undefined, Params>({ access: "user" }, ({ actor, params }) =>
  listGptFeedback({ actor, gptId: params.id }),
);
