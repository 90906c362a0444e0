import { Power } from "lucide-react";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import type { CapabilityAvailability } from "@/lib/gpts/capabilities";

/**
 * Shown while the "Knowledge retrieval" capability is off: files can be prepared, but the GPT
 * does not read them until it is on. One click turns it on (when this instance can serve it).
 */
export function KnowledgeCapabilityNote({
  availability,
  onTurnOn,
}: {
  availability: CapabilityAvailability["knowledge"];
  onTurnOn: () => void;
}) {
  return (
    <Alert data-testid="knowledge-off-note">
      <AlertTitle>Knowledge retrieval is off</AlertTitle>
      <AlertDescription>
        <p>Your GPT only uses these files when Knowledge retrieval is on.</p>
        {availability.isAvailable ? (
          <div>
            <Button type="button" size="sm" variant="outline" className="mt-1" onClick={onTurnOn}>
              <Power aria-hidden="true" />
              Turn on Knowledge retrieval
            </Button>
          </div>
        ) : (
          <p>
            <span className="font-medium text-foreground">Not available: </span>
            {availability.reason}
          </p>
        )}
      </AlertDescription>
    </Alert>
  );
}
