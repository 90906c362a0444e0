import { describe, expect, it } from "vitest";
import { actionCallsOf, isAwaitingUser } from "@/components/chat/action-calls-of";
import { ACTION_CALL_PART_TYPE, type ActionCallPartData } from "@/lib/gpt-actions/types";

function call(toolCallId: string, overrides: Partial<ActionCallPartData> = {}): ActionCallPartData {
  return {
    toolCallId,
    actionId: "action-1",
    domain: "api.example.com",
    operation: "getWeather",
    method: "GET",
    state: "running",
    request: { method: "GET", url: "https://api.example.com/weather?city=Paris", body: null },
    isConsequential: false,
    ...overrides,
  };
}

const part = (data: ActionCallPartData, id = data.toolCallId) => ({
  type: ACTION_CALL_PART_TYPE,
  id,
  data,
});

describe("[CHAT]: action calls from message parts", () => {
  it("returns the action calls in stream order, skipping text and other data parts", () => {
    const parts = [
      { type: "step-start" },
      part(call("a", { state: "done" })),
      { type: "text", text: "It is sunny." },
      { type: "data-citations", data: { citations: [] } },
      part(call("b", { state: "denied", domain: "calendar.example.com" })),
    ];
    expect(actionCallsOf(parts).map((found) => [found.toolCallId, found.state])).toEqual([
      ["a", "done"],
      ["b", "denied"],
    ]);
  });

  it("keeps a re-sent call at its first position with its latest state", () => {
    const parts = [
      part(call("a", { state: "awaiting_consent", promptId: "p1" })),
      part(call("b", { state: "done" })),
      part(
        call("a", {
          state: "done",
          result: { status: 200, latencyMs: 42, error: null, preview: "{}", isTruncated: false },
        }),
      ),
    ];
    const calls = actionCallsOf(parts);
    expect(calls.map((found) => found.toolCallId)).toEqual(["a", "b"]);
    expect(calls[0]?.state).toBe("done");
    expect(calls[0]?.result?.status).toBe(200);
  });

  it("ignores malformed parts instead of crashing on stored history", () => {
    const parts = [
      null,
      "text",
      { type: ACTION_CALL_PART_TYPE },
      { type: ACTION_CALL_PART_TYPE, id: "x", data: { toolCallId: "x" } },
      { type: ACTION_CALL_PART_TYPE, id: "y", data: { ...call("y"), state: "exploded" } },
      { type: ACTION_CALL_PART_TYPE, id: "z", data: { ...call("z"), request: null } },
      part(call("ok")),
    ];
    expect(actionCallsOf(parts).map((found) => found.toolCallId)).toEqual(["ok"]);
  });

  it("returns nothing for messages without parts", () => {
    expect(actionCallsOf(undefined)).toEqual([]);
    expect(actionCallsOf({})).toEqual([]);
    expect(actionCallsOf([])).toEqual([]);
  });

  it("treats consent and connection prompts as waiting for the user", () => {
    expect(isAwaitingUser(call("a", { state: "awaiting_consent" }))).toBe(true);
    expect(isAwaitingUser(call("a", { state: "awaiting_connection" }))).toBe(true);
    expect(isAwaitingUser(call("a", { state: "running" }))).toBe(false);
    expect(isAwaitingUser(call("a", { state: "done" }))).toBe(false);
  });
});
