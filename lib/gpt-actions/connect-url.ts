/** Where the browser goes (a popup) to connect the signed-in user's account for an OAuth action. */
export function connectActionUrl({
  gptId,
  actionId,
  promptId,
}: {
  gptId: string;
  actionId: string;
  promptId?: string;
}): string {
  const params = new URLSearchParams({ gptId, actionId });
  if (promptId) params.set("promptId", promptId);
  return `/api/actions/oauth/start?${params}`;
}
