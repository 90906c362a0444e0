import {
  invitationInputSchema,
  inviteToInstance,
  listInvitations,
} from "@/lib/accounts/invitations";
import { route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

/** GET → { invitations }: the newest 100, with their status. */
export const GET = route({ access: "admin" }, async ({ actor }) => ({
  invitations: await listInvitations({ actor }),
}));

/** POST { email } → the invitation: mails a 14-day sign-up link bound to that address. */
export const POST = route(
  { access: "admin", body: invitationInputSchema },
  async ({ actor, body }) =>
    Response.json(await inviteToInstance({ actor, input: body }), { status: 201 }),
);
