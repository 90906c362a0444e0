import { GET, PUT } from "@/app/api/admin/settings/route";

const noParams = { params: Promise.resolve({}) };

/** GET /api/admin/settings as the session stub's actor. */
export function getSettingsRoute() {
  return GET(new Request("http://localhost/api/admin/settings"), noParams);
}

/** PUT /api/admin/settings with a JSON body, as the session stub's actor. */
export function putSettingsRoute(body: unknown) {
  return PUT(
    new Request("http://localhost/api/admin/settings", {
      method: "PUT",
      body: JSON.stringify(body),
      headers: { "content-type": "application/json" },
    }),
    noParams,
  );
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
