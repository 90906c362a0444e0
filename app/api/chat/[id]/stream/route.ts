import { resumeAnswer } from "@/lib/chat/engine/resume-answer";
import { route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

/**
 * GET: the answer being written in conversation `id`, resumed (the text so far, then live), as
 * an AI SDK UI message stream; 204 when none. The path is the AI SDK's resume convention.
 */
export const GET = route<undefined, { id: string }>({ access: "user" }, ({ actor, params }) =>
  resumeAnswer({ actor, conversationId: params.id }),
);
