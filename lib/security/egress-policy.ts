import "server-only";
import { env } from "../env";
import type { InstanceSettings } from "../generated/prisma/client";
import { getInstanceSettings } from "../settings/instance-settings";
import type { EgressPolicy } from "./egress";

/** EGRESS_ALLOWLIST entries, lower-cased as the guard compares them. */
function envAllowlist(): string[] {
  return (env.EGRESS_ALLOWLIST ?? "")
    .split(",")
    .map((entry) => entry.trim().toLowerCase())
    .filter(Boolean);
}

/**
 * The policy every request on behalf of a creator or user runs under: the admin's allowlist and
 * extra ports (Admin → Settings) plus EGRESS_ALLOWLIST from the environment.
 */
export async function getEgressPolicy(
  settings?: Pick<InstanceSettings, "egressAllowlist" | "egressAllowedPorts">,
): Promise<EgressPolicy> {
  const { egressAllowlist, egressAllowedPorts } = settings ?? (await getInstanceSettings());
  return {
    allowlist: [...new Set([...egressAllowlist.map((e) => e.toLowerCase()), ...envAllowlist()])],
    allowedPorts: egressAllowedPorts,
  };
}
