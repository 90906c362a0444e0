import { GET, PUT } from "@/app/api/admin/settings/route";
import { appRequest, segment } from "./requests";

/** GET /api/admin/settings as the session stub's actor. */
export function getSettingsRoute() {
  return GET(appRequest("/api/admin/settings"), segment({}));
}

/** PUT /api/admin/settings with a JSON body, as the session stub's actor. */
export function putSettingsRoute(body: unknown) {
  return PUT(appRequest("/api/admin/settings", { method: "PUT", body }), segment({}));
}

/** What GET returns on a new instance: the schema's defaults. */
export const defaultSettingsView = {
  knowledgeMaxFilesPerGpt: 20,
  knowledgeMaxFileMb: 50,
  knowledgeMaxTokensPerFile: 2_000_000,
  knowledgeMaxMbPerCreator: 1024,
  embeddingModelConfigId: null,
  egressAllowlist: [],
  egressAllowedPorts: [],
  actionMaxCallsPerTurn: 8,
  chatBurstMessages: 10,
  chatMessagesPerMinute: 20,
  chatDailyMessages: 500,
  gptDailySpendCapDollars: "20.00",
  instanceDailySpendCapDollars: "100.00",
};
