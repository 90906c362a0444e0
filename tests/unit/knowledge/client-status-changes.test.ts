import { describe, expect, it } from "vitest";
import { describeStatusChanges } from "@/lib/knowledge/client/status-changes";

type Status = "QUEUED" | "PROCESSING" | "READY" | "FAILED";
const file = (id: string, status: Status, error: string | null = null) => ({
  id,
  name: `${id}.pdf`,
  status,
  error,
});

describe("[KNOWLEDGE]: live announcements of file status changes", () => {
  it("announces files that became ready or failed, with the reason", () => {
    expect(
      describeStatusChanges(
        [file("a", "PROCESSING"), file("b", "PROCESSING")],
        [file("a", "READY"), file("b", "FAILED", "The PDF has no text.")],
      ),
    ).toEqual(["a.pdf is ready.", "b.pdf failed: The PDF has no text."]);
  });

  it("stays quiet about new files and unchanged ones", () => {
    expect(
      describeStatusChanges([file("a", "READY")], [file("a", "READY"), file("b", "QUEUED")]),
    ).toEqual([]);
  });
});
