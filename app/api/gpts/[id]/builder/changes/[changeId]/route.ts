import { applyBuilderProposal } from "@/lib/builder/apply-builder-proposal";
import { dismissBuilderProposal } from "@/lib/builder/dismiss-builder-proposal";
import { builderChangeActionSchema } from "@/lib/builder/schemas";
import { undoBuilderChange } from "@/lib/builder/undo-builder-change";
import { route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

type Params = { id: string; changeId: string };

const actions = {
  undo: undoBuilderChange,
  apply: applyBuilderProposal,
  dismiss: dismissBuilderProposal,
};

/** Undo an applied change, or apply / dismiss a proposed one → BuilderChangeActionResult. */
export const POST = route<typeof builderChangeActionSchema, Params>(
  { access: "user", body: builderChangeActionSchema },
  ({ actor, body, params }) =>
    actions[body.action]({
      actor,
      gptId: params.id,
      changeId: params.changeId,
      revision: body.revision,
    }),
);
