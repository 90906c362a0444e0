import { Power } from "lucide-react";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import type { CapabilityAvailability, CapabilityKey } from "@/lib/gpts/capabilities";
import { capabilityLabel } from "@/lib/gpts/capabilities";

/**
 * Shown over a capability's section while it is off (Knowledge retrieval, Actions): what is set up
 * is kept but unused until it is on. One click turns it on, when this instance can serve it.
 */
export function CapabilityOffNote({
  capability,
  title,
  message,
  availability,
  onTurnOn,
  testId,
}: {
  capability: CapabilityKey;
  title: string;
  message: string;
  availability: CapabilityAvailability[CapabilityKey];
  onTurnOn: () => void;
  testId: string;
}) {
  return (
    <Alert data-testid={testId}>
      <AlertTitle>{title}</AlertTitle>
      <AlertDescription>
        <p>{message}</p>
        {availability.isAvailable ? (
          <div>
            <Button type="button" size="sm" variant="outline" className="mt-1" onClick={onTurnOn}>
              <Power aria-hidden="true" />
              Turn on {capabilityLabel(capability)}
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
