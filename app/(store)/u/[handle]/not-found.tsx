import { UserX } from "lucide-react";
import Link from "next/link";
import { Button } from "@/components/ui/button";

export default function CreatorNotFound() {
  return (
    <main className="mx-auto flex w-full max-w-3xl flex-col items-center gap-3 px-4 py-16 text-center">
      <div className="flex size-12 items-center justify-center rounded-full bg-muted text-muted-foreground">
        <UserX aria-hidden className="size-6" />
      </div>
      <h1 className="text-xl font-semibold">Creator not found</h1>
      <p className="max-w-sm text-sm text-muted-foreground">
        There is no creator with this handle. They may have changed it.
      </p>
      <Button asChild className="mt-2">
        <Link href="/">Explore GPTs</Link>
      </Button>
    </main>
  );
}
