import { unpinGpt } from "@/lib/chat/pins/unpin-gpt";
import { route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

/** DELETE: hide a GPT from the sidebar (idempotent). */
export const DELETE = route<undefined, { gptId: string }>({ access: "user" }, ({ actor, params }) =>
  unpinGpt({ actor, gptId: params.gptId }),
);
