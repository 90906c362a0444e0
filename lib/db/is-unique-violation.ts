import { Prisma } from "../generated/prisma/client";

/**
 * A unique index refused the write (Prisma P2002, or PostgreSQL 23505 surfacing through a driver
 * adapter, e.g. for a partial index Prisma does not know about). Callers turn it into a 409: the
 * index, not a read-then-write check, is what holds under concurrent requests.
 */
export function isUniqueViolation(error: unknown): boolean {
  if (error instanceof Prisma.PrismaClientKnownRequestError) {
    if (error.code === "P2002") return true;
  }
  const text = error instanceof Error ? `${error.message} ${String(error.cause ?? "")}` : "";
  return /23505|unique constraint/i.test(text);
}
