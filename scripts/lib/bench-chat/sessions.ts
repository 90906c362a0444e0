import { encode } from "next-auth/jwt";
import { SESSION_COOKIE } from "./settings";

export type BenchUser = { id: string; email: string; name: string; sessionId: string };

/** Ids are predictable so the seed (bench-sql.ts) and the cookies agree without a round trip. */
export function benchUser(index: number): BenchUser {
  return {
    id: `bench-user-${index}`,
    email: `bench-user-${index}@bench.invalid`,
    name: `Bench User ${index}`,
    sessionId: `bench-session-${index}`,
  };
}

/**
 * A session cookie as next-auth would set at sign-in (lib/auth/options.ts: JWT strategy, the
 * user id in `sub`, the UserSession id in `sid`), sealed with the AUTH_SECRET the app runs with.
 */
export async function sessionCookie(user: BenchUser, secret: string): Promise<string> {
  const token = await encode({
    token: { sub: user.id, name: user.name, email: user.email, sid: user.sessionId },
    secret,
    maxAge: 24 * 60 * 60,
  });
  return `${SESSION_COOKIE}=${token}`;
}

/**
 * Hands out users in order, each once: every request of a run comes from its own account, so a
 * per-user rate limit never shapes the figures (the limits are raised as well, see bench-sql.ts).
 */
export class UserPool {
  private next = 0;

  constructor(
    readonly size: number,
    private readonly secret: string,
  ) {}

  /** Cookies for `count` fresh users, minted before a step so minting is not timed. */
  async take(count: number): Promise<string[]> {
    if (this.next + count > this.size) {
      throw new Error(`the bench seeded ${this.size} users and needs more (${this.next + count})`);
    }
    const users = Array.from({ length: count }, (_, offset) => benchUser(this.next + offset));
    this.next += count;
    return Promise.all(users.map((user) => sessionCookie(user, this.secret)));
  }

  get used(): number {
    return this.next;
  }
}
