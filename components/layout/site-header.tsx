import { Search } from "lucide-react";
import Link from "next/link";
import { PastDueBanner } from "@/components/billing/past-due-banner";
import { NotificationBell } from "@/components/notifications/notification-bell";
import { ThemeToggle } from "@/components/ui/theme-toggle";
import type { Actor } from "@/lib/auth/session";
import { isBillingEnabled } from "@/lib/billing/stripe";
import { BrandLink } from "./brand-link";
import { UserMenu } from "./user-menu";

/** The top bar shared by the store, builder and admin (and, when a renewal failed, why). */
export function SiteHeader({ actor }: { actor: Actor | null }) {
  return (
    <>
      <header className="sticky top-0 z-30 border-b bg-background/85 backdrop-blur supports-[backdrop-filter]:bg-background/70">
        <div className="mx-auto flex h-14 max-w-6xl items-center gap-2 px-4 sm:gap-4">
          <BrandLink />
          <nav aria-label="Main" className="hidden items-center gap-1 text-sm sm:flex">
            <Link
              href="/"
              className="rounded-md px-3 py-1.5 text-muted-foreground hover:bg-accent hover:text-foreground"
            >
              Explore
            </Link>
            {actor && (
              <>
                <Link
                  href="/chat"
                  className="rounded-md px-3 py-1.5 text-muted-foreground hover:bg-accent hover:text-foreground"
                >
                  Chats
                </Link>
                <Link
                  href="/gpts"
                  className="rounded-md px-3 py-1.5 text-muted-foreground hover:bg-accent hover:text-foreground"
                >
                  My GPTs
                </Link>
              </>
            )}
            {(actor?.role === "ADMIN" || actor?.role === "MODERATOR") && (
              <Link
                href={actor.role === "ADMIN" ? "/admin" : "/admin/reports"}
                className="rounded-md px-3 py-1.5 text-muted-foreground hover:bg-accent hover:text-foreground"
              >
                {actor.role === "ADMIN" ? "Admin" : "Moderation"}
              </Link>
            )}
          </nav>
          <div className="ml-auto flex items-center gap-2">
            <search className="hidden md:block">
              <form action="/search" method="get" className="relative">
                <label htmlFor="header-search" className="sr-only">
                  Search GPTs
                </label>
                <Search
                  aria-hidden
                  className="pointer-events-none absolute top-1/2 left-2.5 size-4 -translate-y-1/2 text-muted-foreground"
                />
                <input
                  id="header-search"
                  type="search"
                  name="q"
                  placeholder="Search GPTs"
                  maxLength={200}
                  autoComplete="off"
                  className="h-8 w-44 rounded-full border border-input bg-background pr-3 pl-8 text-sm outline-none transition-[width,box-shadow] placeholder:text-muted-foreground focus-visible:w-60 focus-visible:border-ring focus-visible:ring-2 focus-visible:ring-ring/30 lg:w-56"
                />
              </form>
            </search>
            <Link
              href="/search"
              aria-label="Search GPTs"
              className="inline-flex size-9 items-center justify-center rounded-md text-muted-foreground hover:bg-accent hover:text-foreground md:hidden"
            >
              <Search className="size-4" aria-hidden />
            </Link>
            {actor ? <NotificationBell /> : null}
            <ThemeToggle />
            {actor ? (
              <UserMenu
                name={actor.name ?? actor.email}
                email={actor.email}
                isAdmin={actor.role === "ADMIN"}
                isModerator={actor.role === "MODERATOR"}
                hasBilling={isBillingEnabled()}
              />
            ) : (
              <>
                <Link
                  href="/sign-in"
                  className="rounded-md px-3 py-1.5 text-sm font-medium hover:bg-accent"
                >
                  Sign in
                </Link>
                <Link
                  href="/sign-up"
                  className="hidden rounded-md bg-primary px-3 py-1.5 text-sm font-medium text-primary-foreground hover:bg-primary/90 sm:inline-block"
                >
                  Sign up
                </Link>
              </>
            )}
          </div>
        </div>
      </header>
      <PastDueBanner actor={actor} />
    </>
  );
}
