import { route } from "@/lib/http/route";
import { startDomainVerificationSchema } from "@/lib/users/domain/domain-rules";
import { removeDomainVerification } from "@/lib/users/domain/remove-domain-verification";
import { startDomainVerification } from "@/lib/users/domain/start-domain-verification";

export const dynamic = "force-dynamic";

/** `{ domain }` → DomainState with a fresh token to publish (DNS TXT or well-known file). */
export const POST = route<typeof startDomainVerificationSchema>(
  { access: "user", body: startDomainVerificationSchema },
  ({ actor, body }) => startDomainVerification({ actor, input: body }),
);

/** Removes the verified domain and any pending attempt → DomainState. */
export const DELETE = route({ access: "user" }, ({ actor }) => removeDomainVerification({ actor }));
