import { Store } from "lucide-react";
import Link from "next/link";
import { GptCard } from "@/components/store/gpt-card";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { getActor } from "@/lib/auth/session";
import { listStoreGpts } from "@/lib/gpts/queries";

/** Store home: popular GPTs, then a row per category. */
export default async function StoreHomePage() {
  const [actor, gpts] = await Promise.all([getActor(), listStoreGpts()]);
  const categories = [
    ...new Set(gpts.map((gpt) => gpt.categoryName).filter((name): name is string => Boolean(name))),
  ];
  return (
    <main className="mx-auto max-w-6xl px-4 pb-16">
      <section className="py-12 text-center sm:py-16">
        <h1 className="text-3xl font-semibold tracking-tight sm:text-5xl">GPTs</h1>
        <p className="mx-auto mt-3 max-w-xl text-muted-foreground">
          Discover and create custom versions of ChatGPT-style assistants that combine instructions,
          extra knowledge and skills.
        </p>
        <div className="mt-6 flex justify-center gap-3">
          <Button asChild>
            <Link href={actor ? "/gpts/new" : "/sign-up?callbackUrl=/gpts/new"}>Create a GPT</Link>
          </Button>
        </div>
      </section>
      {gpts.length === 0 ? (
        <EmptyState
          icon={Store}
          title="The store is empty"
          description="No GPT has been published publicly yet. Create one and publish it as Public to list it here."
        />
      ) : (
        <div className="space-y-12">
          <section aria-labelledby="popular-heading">
            <h2 id="popular-heading" className="mb-4 text-xl font-semibold">
              Popular
            </h2>
            <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
              {gpts.slice(0, 12).map((gpt) => (
                <GptCard key={gpt.id} gpt={gpt} />
              ))}
            </div>
          </section>
          {categories.map((category) => (
            <section key={category} aria-label={category}>
              <h2 className="mb-4 text-xl font-semibold">{category}</h2>
              <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
                {gpts
                  .filter((gpt) => gpt.categoryName === category)
                  .slice(0, 6)
                  .map((gpt) => (
                    <GptCard key={gpt.id} gpt={gpt} />
                  ))}
              </div>
            </section>
          ))}
        </div>
      )}
    </main>
  );
}
