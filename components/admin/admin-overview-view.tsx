import { Users } from "lucide-react";
import Link from "next/link";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import type { AdminHome } from "@/lib/admin/queries";
import { AdminStats } from "./admin-stats";
import { GptsSection } from "./gpts-section";

export function AdminOverviewView({ home }: { home: AdminHome }) {
  const { overview, gpts } = home;
  return (
    <div className="grid gap-10">
      <div className="grid gap-6">
        <PageHeader
          className="pb-0"
          title="Overview"
          description="People, GPTs and model spend across this Atelier instance."
          actions={
            <Button asChild variant="outline">
              <Link href="/admin/users">
                <Users aria-hidden="true" />
                Manage users
              </Link>
            </Button>
          }
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
      <GptsSection gpts={gpts.gpts} total={gpts.total} />
    </div>
  );
}
