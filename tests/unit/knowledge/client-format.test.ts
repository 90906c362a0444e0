import { describe, expect, it } from "vitest";
import { gptIdFromEditorPath } from "@/lib/knowledge/client/editor-path";
import { formatBytes, formatLimitsSummary } from "@/lib/knowledge/client/format";
import { parseSettingsForm } from "@/lib/knowledge/client/instance-settings";

const MB = 1024 * 1024;

describe("[KNOWLEDGE]: limits and sizes as the builder shows them", () => {
  it("summarises files, the size limit and the creator's storage", () => {
    expect(
      formatLimitsSummary(
        {
          maxFilesPerGpt: 20,
          maxFileBytes: 50 * MB,
          maxTokensPerFile: 2_000_000,
          maxBytesPerCreator: 1024 * MB,
        },
        { files: 3, creatorBytes: 120 * MB },
      ),
    ).toBe("3 of 20 files · up to 50 MB each · 120 MB of 1 GB used");
  });

  it("formats sizes in binary units", () => {
    expect(formatBytes(512)).toBe("512 B");
    expect(formatBytes(1536)).toBe("1.5 KB");
    expect(formatBytes(4.25 * MB)).toBe("4.3 MB");
  });

  it("reads the GPT id from the editor's address only", () => {
    expect(gptIdFromEditorPath("/gpts/abc123/edit")).toBe("abc123");
    expect(gptIdFromEditorPath("/gpts/new")).toBeNull();
    expect(gptIdFromEditorPath(null)).toBeNull();
  });
});

describe("[ADMIN]: knowledge limits form", () => {
  const values = {
    knowledgeMaxFilesPerGpt: "20",
    knowledgeMaxFileMb: "50",
    knowledgeMaxTokensPerFile: "2000000",
    knowledgeMaxMbPerCreator: "1024",
    embeddingModelConfigId: null,
    egressAllowlist: [],
    egressAllowedPorts: "",
    actionMaxCallsPerTurn: "8",
    chatBurstMessages: "10",
    chatMessagesPerMinute: "20",
    chatDailyMessages: "500",
    gptDailySpendCapDollars: "20.00",
    instanceDailySpendCapDollars: "100.00",
  };

  it("turns typed limits into numbers", () => {
    const parsed = parseSettingsForm(values);
    expect(parsed.isValid && parsed.settings.knowledgeMaxFileMb).toBe(50);
  });

  it("reports empty, fractional and zero limits next to their fields", () => {
    const parsed = parseSettingsForm({
      ...values,
      knowledgeMaxFilesPerGpt: "",
      knowledgeMaxFileMb: "1.5",
      knowledgeMaxMbPerCreator: "0",
    });
    expect(parsed.isValid).toBe(false);
    if (parsed.isValid) return;
    expect(Object.keys(parsed.fieldErrors).sort()).toEqual([
      "knowledgeMaxFileMb",
      "knowledgeMaxFilesPerGpt",
      "knowledgeMaxMbPerCreator",
    ]);
  });

  it("chat limits: 0 days and caps are allowed; each bad count or amount is reported at its field", () => {
    const valid = parseSettingsForm({
      ...values,
      chatDailyMessages: "0",
      gptDailySpendCapDollars: "0",
    });
    expect(valid.isValid && valid.settings).toMatchObject({
      chatDailyMessages: 0,
      gptDailySpendCapDollars: "0.00",
    });
    const invalid = parseSettingsForm({
      ...values,
      chatBurstMessages: "0",
      chatMessagesPerMinute: "10001",
      chatDailyMessages: "",
      gptDailySpendCapDollars: "-3",
      instanceDailySpendCapDollars: "1.0000001",
    });
    expect(invalid.isValid).toBe(false);
    if (invalid.isValid) return;
    expect(invalid.fieldErrors).toEqual({
      chatBurstMessages: "Must be at least 1.",
      chatMessagesPerMinute: "At most 10,000.",
      chatDailyMessages: "Enter a number of messages.",
      gptDailySpendCapDollars: "Use 0 or more; 0 means no cap.",
      instanceDailySpendCapDollars: "Use at most 6 decimal places (a micro-dollar).",
    });
  });
});
