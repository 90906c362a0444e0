import { databaseKind, prisma } from "@/lib/db";
import { hasAnyEnabledModel } from "@/lib/models/queries";

export const dynamic = "force-dynamic";

/** Liveness + configuration summary for operators and tests. No secrets, no counts. */
export async function GET() {
  try {
    await prisma.$queryRaw`SELECT 1`;
    return Response.json({
      status: "ok",
      database: databaseKind(),
      modelConfigured: await hasAnyEnabledModel(),
    });
  } catch (error) {
    console.error("[atelier] health check failed", error);
    return Response.json({ status: "error", database: databaseKind() }, { status: 503 });
  }
}
