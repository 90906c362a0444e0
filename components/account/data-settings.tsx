import type { AccountDataFacts } from "@/lib/accounts/data-schemas";
import { DataExportCard } from "./data-export-card";
import { DeleteAccountCard } from "./delete-account-card";

/** Settings → Your data: download everything, or delete the account. */
export function DataSettings({ facts }: { facts: AccountDataFacts }) {
  return (
    <div className="grid gap-6">
      <DataExportCard />
      <DeleteAccountCard facts={facts} />
    </div>
  );
}
