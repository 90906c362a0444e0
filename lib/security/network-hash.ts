import "server-only";
import { createHmac } from "node:crypto";
import { getInstanceSecrets } from "./instance-secrets";

/**
 * A keyed hash of the address an account was created from: equal addresses give equal hashes
 * (the fraud signal "many accounts from one network" compares them), but the address itself is
 * never stored and cannot be recovered without the instance's secret.
 */
export async function networkHashOf(ip: string): Promise<string | null> {
  if (!ip || ip === "unknown") return null;
  const { authSecret } = await getInstanceSecrets();
  return createHmac("sha256", `signup-network:${authSecret}`).update(ip).digest("base64url");
}
