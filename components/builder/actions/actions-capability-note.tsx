import { CapabilityOffNote } from "@/components/builder/configure/capability-off-note";
import type { CapabilityAvailability } from "@/lib/gpts/capabilities";

/** Actions can be set up and saved while the capability is off; the GPT calls them once it is on. */
export function ActionsCapabilityNote({
  availability,
  onTurnOn,
}: {
  availability: CapabilityAvailability["actions"];
  onTurnOn: () => void;
}) {
  return (
    <CapabilityOffNote
      capability="actions"
      title="Actions are off"
      message="Actions you add here are saved, but your GPT only calls them when Actions is on."
      availability={availability}
      onTurnOn={onTurnOn}
      testId="actions-off-note"
    />
  );
}
