import { SearchX } from "lucide-react";
import Link from "next/link";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";

export default function GptEditorNotFound() {
  return (
    <main className="mx-auto w-full max-w-4xl px-4 py-10">
      <h1 className="sr-only">GPT not found</h1>
      <EmptyState
        icon={SearchX}
        title="GPT not found"
        description="It may have been deleted, or it belongs to someone else. You can only edit your own GPTs."
        action={
          <Button asChild>
            <Link href="/gpts">Go to My GPTs</Link>
          </Button>
        }
      />
    </main>
  );
}
