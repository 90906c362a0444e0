import { deleteMessageFeedback } from "@/lib/feedback/delete-message-feedback";
import { setMessageFeedbackSchema } from "@/lib/feedback/schemas";
import { setMessageFeedback } from "@/lib/feedback/set-message-feedback";
import { route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

type Params = { id: string };

/** Thumbs up/down (and an optional note for the creator) on an answer in one's own chat. */
export const PUT = route<typeof setMessageFeedbackSchema, Params>(
  { access: "user", body: setMessageFeedbackSchema },
  ({ actor, body, params }) => setMessageFeedback({ actor, messageId: params.id, input: body }),
);

export const DELETE = route<undefined, Params>({ access: "user" }, ({ actor, params }) =>
  deleteMessageFeedback({ actor, messageId: params.id }),
);
