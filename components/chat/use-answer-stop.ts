"use client";

import { type RefObject, useRef, useState } from "react";
import { toast } from "sonner";
import { stopAnswerRequest } from "./answer-requests";

/**
 * Stop for a chat on the turn engine: the answer is written by the server whether or not a page
 * reads it, so Stop ends the local stream (the partial answer shows as stopped at once) and asks
 * the server to stop it. `isStopping` stays true until the server has saved the stopped answer,
 * so the next message never races it.
 */
export function useAnswerStop({
  isStoppingRef: givenRef,
  whenResponded,
  stopStream,
  conversationId,
  onStopped,
}: {
  /** Optional: a ref the caller reads in its own callbacks (true while stopping). */
  isStoppingRef?: RefObject<boolean>;
  /** Resolves once a turn still starting has its response (its answer exists from then on). */
  whenResponded: () => Promise<void>;
  /** Ends the local stream and marks the partial answer as stopped. */
  stopStream: () => Promise<void>;
  conversationId: () => string | undefined;
  /** After the server saved the stopped answer (`messageId` null: it had already ended). */
  onStopped?: (conversationId: string, messageId: string | null) => Promise<void> | void;
}) {
  const [isStopping, setIsStopping] = useState(false);
  const ownRef = useRef(false);
  const isStoppingRef = givenRef ?? ownRef;

  async function stopAnswer() {
    if (isStoppingRef.current) return;
    isStoppingRef.current = true;
    setIsStopping(true);
    try {
      await whenResponded();
      await stopStream();
      const id = conversationId();
      if (!id) return;
      const { messageId } = await stopAnswerRequest(id);
      await onStopped?.(id, messageId);
    } catch (error) {
      toast.error(
        `The answer could not be stopped. ${error instanceof Error ? error.message : ""}`.trim(),
      );
    } finally {
      isStoppingRef.current = false;
      setIsStopping(false);
    }
  }

  return { isStopping, isStoppingRef, stopAnswer };
}
