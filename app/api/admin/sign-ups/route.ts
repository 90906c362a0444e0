import {
  getSignUpRulesForAdmin,
  saveSignUpRules,
  signUpRulesInputSchema,
} from "@/lib/accounts/sign-up-rules";
import { route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

/** GET → { policy, allowedDomains }: who may create an account. */
export const GET = route({ access: "admin" }, async ({ actor }) =>
  getSignUpRulesForAdmin({ actor }),
);

/** PUT { policy, allowedDomains } → the saved rules (audited). */
export const PUT = route(
  { access: "admin", body: signUpRulesInputSchema },
  async ({ actor, body }) => saveSignUpRules({ actor, input: body }),
);
