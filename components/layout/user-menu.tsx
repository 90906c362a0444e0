"use client";

import {
  BarChart3,
  Bell,
  CircleUser,
  Coins,
  Compass,
  CreditCard,
  Database,
  KeyRound,
  KeySquare,
  Link2,
  LogOut,
  MessageSquare,
  Plug,
  Settings,
  Shield,
  Wand2,
} from "lucide-react";
import Link from "next/link";
import { signOut } from "next-auth/react";
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuLabel,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";
import { GptAvatar } from "@/components/ui/gpt-avatar";

/** Account menu; on phones it also carries the main navigation the header hides. */
export function UserMenu({
  name,
  email,
  isAdmin,
  isModerator = false,
  hasBilling,
}: {
  name: string;
  email: string;
  isAdmin: boolean;
  /** A moderator (not an admin): a link to the moderation queue. */
  isModerator?: boolean;
  /** Stripe is set up: plans and credits can be bought. */
  hasBilling: boolean;
}) {
  return (
    <DropdownMenu>
      <DropdownMenuTrigger
        className="rounded-full focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring"
        aria-label="Account menu"
      >
        <GptAvatar name={name} size="sm" />
      </DropdownMenuTrigger>
      <DropdownMenuContent align="end" className="w-56">
        <DropdownMenuLabel className="font-normal">
          <div className="truncate text-sm font-medium">{name}</div>
          <div className="truncate text-xs text-muted-foreground">{email}</div>
        </DropdownMenuLabel>
        <DropdownMenuSeparator />
        <DropdownMenuItem asChild className="sm:hidden">
          <Link href="/">
            <Compass className="size-4" aria-hidden /> Explore
          </Link>
        </DropdownMenuItem>
        <DropdownMenuItem asChild>
          <Link href="/chat">
            <MessageSquare className="size-4" aria-hidden /> Chats
          </Link>
        </DropdownMenuItem>
        <DropdownMenuItem asChild>
          <Link href="/gpts">
            <Wand2 className="size-4" aria-hidden /> My GPTs
          </Link>
        </DropdownMenuItem>
        <DropdownMenuItem asChild>
          <Link href="/creator/analytics">
            <BarChart3 className="size-4" aria-hidden /> Analytics
          </Link>
        </DropdownMenuItem>
        {hasBilling ? (
          <DropdownMenuItem asChild>
            <Link href="/creator/earnings">
              <Coins className="size-4" aria-hidden /> Earnings
            </Link>
          </DropdownMenuItem>
        ) : null}
        <DropdownMenuSeparator />
        <DropdownMenuItem asChild>
          {/* /u/me redirects to the signed-in user's handle (or to settings without a profile). */}
          <Link href="/u/me">
            <CircleUser className="size-4" aria-hidden /> Your profile
          </Link>
        </DropdownMenuItem>
        <DropdownMenuItem asChild>
          <Link href="/settings/profile">
            <Settings className="size-4" aria-hidden /> Profile settings
          </Link>
        </DropdownMenuItem>
        {hasBilling ? (
          <DropdownMenuItem asChild>
            <Link href="/settings/billing">
              <CreditCard className="size-4" aria-hidden /> Plan & billing
            </Link>
          </DropdownMenuItem>
        ) : null}
        <DropdownMenuItem asChild>
          <Link href="/settings/security">
            <KeyRound className="size-4" aria-hidden /> Security
          </Link>
        </DropdownMenuItem>
        <DropdownMenuItem asChild>
          <Link href="/settings/api-keys">
            <KeySquare className="size-4" aria-hidden /> API keys
          </Link>
        </DropdownMenuItem>
        <DropdownMenuItem asChild>
          <Link href="/settings/connections">
            <Plug className="size-4" aria-hidden /> Connected accounts
          </Link>
        </DropdownMenuItem>
        <DropdownMenuItem asChild>
          <Link href="/settings/shared-links">
            <Link2 className="size-4" aria-hidden /> Shared links
          </Link>
        </DropdownMenuItem>
        <DropdownMenuItem asChild>
          <Link href="/settings/notifications">
            <Bell className="size-4" aria-hidden /> Notifications
          </Link>
        </DropdownMenuItem>
        <DropdownMenuItem asChild>
          <Link href="/settings/data">
            <Database className="size-4" aria-hidden /> Your data
          </Link>
        </DropdownMenuItem>
        {isAdmin || isModerator ? (
          <DropdownMenuItem asChild>
            <Link href={isAdmin ? "/admin" : "/admin/reports"}>
              <Shield className="size-4" aria-hidden /> {isAdmin ? "Admin" : "Moderation"}
            </Link>
          </DropdownMenuItem>
        ) : null}
        <DropdownMenuSeparator />
        <DropdownMenuItem onSelect={() => signOut({ callbackUrl: "/" })}>
          <LogOut className="size-4" aria-hidden /> Sign out
        </DropdownMenuItem>
      </DropdownMenuContent>
    </DropdownMenu>
  );
}
