import type { AuditEntry } from "./audit-schemas";

/**
 * What an audit entry did, as a phrase that follows the actor's name ("banned alice@example.com —
 * reason: spam"). Pure and client-safe. Actions without a phrase of their own (new ones included)
 * still read sensibly: the action's words and the target.
 */
export function describeAuditEntry(entry: Pick<AuditEntry, "action" | "target" | "data">): string {
  const data = asRecord(entry.data);
  const text = (key: string) => (typeof data[key] === "string" ? (data[key] as string) : null);
  const target =
    entry.target.label === "Deleted account"
      ? "a deleted account"
      : (text("email") ?? entry.target.label ?? `${entry.target.type} ${entry.target.id}`);
  const reason = text("reason");
  const withReason = (phrase: string) => (reason ? `${phrase} — reason: ${reason}` : phrase);
  switch (entry.action) {
    case "user.ban":
      return withReason(`banned ${target}`);
    case "user.unban":
      return `unbanned ${target}`;
    case "user.role": {
      const from = text("from");
      const to = text("to");
      return from && to
        ? `changed ${target}'s role from ${roleLabel(from)} to ${roleLabel(to)}`
        : `changed ${target}'s role`;
    }
    case "user.reset-link":
      return `sent a password reset link to ${target}`;
    case "user.invite":
      return `invited ${target}`;
    case "user.invite.revoke":
      return `revoked an invitation${text("email") ? ` to ${text("email")}` : ""}`;
    case "gpt.feature":
      return `featured ${gptName(entry, text("slug"))}`;
    case "gpt.unfeature":
      return `removed ${gptName(entry, text("slug"))} from Featured`;
    case "report.dismiss":
      return withReason(`dismissed a report on ${gptName(entry, null)}`);
    case "report.unlist":
      return withReason(`unlisted ${gptName(entry, null)} after a report`);
    case "report.remove":
      return withReason(`removed ${gptName(entry, null)} after a report`);
    case "report.restore":
      return withReason(`restored ${gptName(entry, null)}`);
    case "model.create":
      return `added the model ${text("displayName") ?? entry.target.id}`;
    case "model.update":
      return `updated the model ${text("displayName") ?? entry.target.id}`;
    case "plan.create":
      return `created the plan ${text("name") ?? entry.target.id}`;
    case "plan.update":
      return `updated the plan ${text("name") ?? entry.target.id}`;
    case "settings.update":
      return "updated the instance settings";
    case "sign-up-rules.update":
      return "updated the sign-up rules";
    case "billing-settings.update":
      return "updated the billing settings";
    case "payout-settings.update":
      return "updated the payout settings";
    case "payouts.run":
      return "ran the payouts";
    case "revenue-pool.close":
      return `closed the revenue pool of ${entry.target.id}`;
    default:
      return withReason(`${entry.action.replace(/[.-]/g, " ")} · ${target}`);
  }
}

/** A readable name for an action in the filter's select ("user.reset-link" → "User reset link"). */
export function actionLabel(action: string): string {
  const words = action.replace(/[.-]/g, " ");
  return words.charAt(0).toUpperCase() + words.slice(1);
}

function gptName(entry: Pick<AuditEntry, "target">, slug: string | null): string {
  if (entry.target.type === "Gpt" && entry.target.label) return `“${entry.target.label}”`;
  if (slug) return `/g/${slug}`;
  return entry.target.type === "Gpt" ? `a GPT (${entry.target.id})` : "a GPT";
}

function roleLabel(role: string): string {
  return role === "ADMIN" ? "Admin" : role === "MODERATOR" ? "Moderator" : "User";
}

function asRecord(value: unknown): Record<string, unknown> {
  return value && typeof value === "object" && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};
}
