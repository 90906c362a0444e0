"use client";

import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";

export default function AdminError({ reset }: { error: Error; reset: () => void }) {
  return (
    <div className="grid max-w-xl gap-4">
      <Alert variant="destructive">
        <AlertTitle>The admin area could not load</AlertTitle>
        <AlertDescription>
          <p>
            Something went wrong on our side. Try again; if it keeps failing, check the server log.
          </p>
        </AlertDescription>
      </Alert>
      <div>
        <Button variant="outline" onClick={reset}>
          Try again
        </Button>
      </div>
    </div>
  );
}
