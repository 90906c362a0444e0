import { CapabilityOffNote } from "@/components/builder/configure/capability-off-note";
import type { CapabilityAvailability } from "@/lib/gpts/capabilities";

/** Files can be prepared while Knowledge retrieval is off; the GPT reads them once it is on. */
export function KnowledgeCapabilityNote({
  availability,
  onTurnOn,
}: {
  availability: CapabilityAvailability["knowledge"];
  onTurnOn: () => void;
}) {
  return (
    <CapabilityOffNote
      capability="knowledge"
      title="Knowledge retrieval is off"
      message="Your GPT only uses these files when Knowledge retrieval is on."
      availability={availability}
      onTurnOn={onTurnOn}
      testId="knowledge-off-note"
    />
  );
}
