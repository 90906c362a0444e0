import { ImageResponse } from "next/og";
import { getGptPage } from "@/lib/gpts/gpt-page-query";
import { getAvatarColor, getInitials } from "@/lib/utils/avatar-colors";

export const alt = "A GPT on Atelier";
export const size = { width: 1200, height: 630 };
export const contentType = "image/png";
// Drawn per request from the database (the build never opens it), so it follows each publish.
export const dynamic = "force-dynamic";

const compact = new Intl.NumberFormat("en-US", { notation: "compact", maximumFractionDigits: 1 });

/**
 * The social card of a GPT page, drawn with next/og's bundled font (no network). Read as a
 * signed-out visitor: a private GPT's name never ends up in an image. Uploaded avatars are WebP,
 * which the renderer cannot draw, so the card shows the initials avatar in the GPT's colour.
 */
export default async function OpenGraphImage({ params }: { params: Promise<{ slug: string }> }) {
  const gpt = await getGptPage({ actor: null, slug: (await params).slug });
  if (!gpt) return new ImageResponse(<Brand large />, size);
  const color = getAvatarColor(gpt.name, gpt.avatarColor);
  const stats = [
    gpt.rating === null
      ? null
      : `Rated ${gpt.rating.toFixed(1)} (${compact.format(gpt.ratingCount)})`,
    gpt.categoryName ? clip(gpt.categoryName, 30) : null,
    `${compact.format(gpt.conversationCount)} conversations`,
  ].filter(Boolean);
  return new ImageResponse(
    <div
      style={{
        width: "100%",
        height: "100%",
        display: "flex",
        flexDirection: "column",
        justifyContent: "space-between",
        padding: 72,
        background: "linear-gradient(135deg, #ffffff 0%, #eef2ff 100%)",
        color: "#0f172a",
      }}
    >
      <div style={{ display: "flex", alignItems: "center", gap: 48 }}>
        <div
          style={{
            width: 180,
            height: 180,
            borderRadius: 90,
            display: "flex",
            alignItems: "center",
            justifyContent: "center",
            background: color.background,
            color: color.foreground,
            fontSize: 72,
            flexShrink: 0,
          }}
        >
          {clip(getInitials(gpt.name), 3) || "AI"}
        </div>
        <div style={{ display: "flex", flexDirection: "column", gap: 12, minWidth: 0 }}>
          <div style={{ fontSize: 68, lineHeight: 1.1, display: "flex" }}>
            {clip(gpt.name, 40) || "A GPT"}
          </div>
          <div style={{ fontSize: 32, color: "#475569", display: "flex" }}>
            By {clip(gpt.creatorName, 40)}
          </div>
        </div>
      </div>
      <div style={{ fontSize: 34, lineHeight: 1.35, color: "#334155", display: "flex" }}>
        {clip(gpt.description, 150)}
      </div>
      <div style={{ display: "flex", justifyContent: "space-between", alignItems: "center" }}>
        <div style={{ display: "flex", gap: 28, fontSize: 28, color: "#475569" }}>
          {stats.map((stat) => (
            <span key={stat}>{stat}</span>
          ))}
        </div>
        <Brand />
      </div>
    </div>,
    size,
  );
}

// Only what the bundled font draws: for any other glyph (emoji, CJK…) next/og would fetch a font
// or an emoji image from a CDN at request time, which must not happen for user content (and
// cannot offline).
const UNDRAWABLE = /[^\u0020-\u024F\u2010-\u2027\u20AC]+/gu;

function clip(text: string, max: number): string {
  const drawable = text.replace(UNDRAWABLE, " ").replace(/\s+/g, " ").trim();
  return drawable.length > max ? `${drawable.slice(0, max - 1).trimEnd()}…` : drawable;
}

function Brand({ large = false }: { large?: boolean }) {
  const brand = (
    <div style={{ display: "flex", fontSize: large ? 96 : 32, color: "#4f46e5" }}>Atelier</div>
  );
  if (!large) return brand;
  return (
    <div
      style={{
        width: "100%",
        height: "100%",
        display: "flex",
        alignItems: "center",
        justifyContent: "center",
        background: "#ffffff",
      }}
    >
      {brand}
    </div>
  );
}
