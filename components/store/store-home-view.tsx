import { Store } from "lucide-react";
import Link from "next/link";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import type { StoreHome } from "@/lib/store/home-queries";
import { CategoryNav } from "./category-nav";
import { StoreRow } from "./store-row";
import { StoreSearchForm } from "./store-search-form";

/** The store home: hero with search and category chips, then the rows. */
export function StoreHomeView({ home, isSignedIn }: { home: StoreHome; isSignedIn: boolean }) {
  return (
    <main className="mx-auto max-w-6xl px-4 pb-16">
      <section className="mx-auto max-w-2xl py-10 text-center sm:py-14">
        <h1 className="text-4xl font-semibold tracking-tight sm:text-5xl">GPTs</h1>
        <p className="mx-auto mt-3 max-w-xl text-muted-foreground">
          Discover and create custom versions of ChatGPT-style assistants that combine instructions,
          extra knowledge and skills.
        </p>
        <StoreSearchForm className="mt-6" inputId="home-search" />
      </section>
      {home.isEmpty ? (
        <EmptyState
          icon={Store}
          title="The store is empty"
          description="No GPT has been published publicly yet. Create one and publish it as Public to list it here."
          action={
            <Button asChild>
              <Link href={isSignedIn ? "/gpts/new" : "/sign-up?callbackUrl=/gpts/new"}>
                Create a GPT
              </Link>
            </Button>
          }
        />
      ) : (
        <>
          <div className="mb-10">
            <CategoryNav categories={home.categories} allLabel="All" />
          </div>
          <div className="space-y-12">
            {home.rows.map((row) => (
              <StoreRow key={row.id} row={row} />
            ))}
          </div>
          <section className="mt-14 flex flex-col items-center gap-3 rounded-2xl border bg-muted/40 px-6 py-10 text-center">
            <h2 className="text-lg font-semibold">Build your own GPT</h2>
            <p className="max-w-md text-sm text-muted-foreground">
              Give it instructions, knowledge and actions, then publish it to this store.
            </p>
            <Button asChild>
              <Link href={isSignedIn ? "/gpts/new" : "/sign-up?callbackUrl=/gpts/new"}>
                Create a GPT
              </Link>
            </Button>
          </section>
        </>
      )}
    </main>
  );
}
