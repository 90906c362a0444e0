import Link from "next/link";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { PageHeader } from "@/components/ui/page-header";
import type { AdminHome } from "@/lib/admin/queries";
import type { Actor } from "@/lib/auth/session";
import { AdminStats } from "./admin-stats";
import { GptsSection } from "./gpts-section";
import { UsersSection } from "./users-section";

type AdminOverviewViewProps = { actor: Actor; home: AdminHome; q?: string };

export function AdminOverviewView({ actor, home, q }: AdminOverviewViewProps) {
  const { overview, users, gpts } = home;
  return (
    <div className="grid gap-10">
      <div className="grid gap-6">
        <PageHeader
          className="pb-0"
          title="Overview"
          description="People, GPTs and model spend across this Atelier instance."
        />
        {overview.enabledModelCount === 0 ? (
          <Alert variant="warning">
            <AlertTitle>No model is configured</AlertTitle>
            <AlertDescription>
              <p>
                Nobody can chat until a model is enabled.{" "}
                <Link href="/admin/models" className="font-medium underline underline-offset-4">
                  Add a model
                </Link>{" "}
                with any OpenAI-compatible endpoint.
              </p>
            </AlertDescription>
          </Alert>
        ) : null}
        <section aria-label="Summary">
          <AdminStats overview={overview} />
        </section>
      </div>
      <UsersSection actor={actor} users={users.users} total={users.total} q={q} />
      <GptsSection gpts={gpts.gpts} total={gpts.total} />
    </div>
  );
}
