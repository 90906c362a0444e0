/**
 * The website widget's weight: raw and gzip sizes of the loader script (GET /embed.js) and of the
 * chat frame's document (GET /embed/<gptId>, inline CSS and script, with a typical GPT's header,
 * greeting and four starters). The goal for the loader is at most 30 KB gzip.
 *
 *   node --import tsx scripts/bench-widget.ts [--json]
 */
import { gzipSync } from "node:zlib";
import { frameDocument } from "../lib/embed/widget/frame-document";
import { LOADER_SCRIPT } from "../lib/embed/widget/loader-script";

const LOADER_GOAL_GZIP_BYTES = 30 * 1024;

const frame = frameDocument({
  content: {
    gptId: "cm4x8k2p90000abcdefghijkl",
    name: "Clay & Kiln Helper",
    avatarUrl: null,
    avatarColor: "#0f766e",
    initials: "CK",
    themeColor: "#10a37f",
    themeForeground: "#111111",
    greeting: "Hi! Ask me anything about our handmade ceramics, shipping and care.",
    starters: [
      "Do you ship abroad?",
      "Which glazes are food safe?",
      "How do I care for a raku piece?",
      "Can I order a custom set?",
    ],
  },
  nonce: "AAAAAAAAAAAAAAAAAAAAAA==",
  appUrl: "https://atelier.example",
});

const measure = (name: string, text: string) => {
  const raw = Buffer.byteLength(text, "utf8");
  const gzip = gzipSync(text, { level: 9 }).byteLength;
  return { name, rawBytes: raw, gzipBytes: gzip };
};

const rows = [measure("loader (/embed.js)", LOADER_SCRIPT), measure("frame (/embed/<id>)", frame)];
const loader = rows[0]!;
const isWithinGoal = loader.gzipBytes <= LOADER_GOAL_GZIP_BYTES;

if (process.argv.includes("--json")) {
  console.log(JSON.stringify({ rows, loaderGoalGzipBytes: LOADER_GOAL_GZIP_BYTES, isWithinGoal }));
} else {
  const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
  for (const row of rows) {
    console.log(
      `${row.name.padEnd(22)} raw ${kb(row.rawBytes).padStart(8)}  gzip ${kb(row.gzipBytes).padStart(8)}`,
    );
  }
  console.log(
    `loader goal: ≤ ${kb(LOADER_GOAL_GZIP_BYTES)} gzip → ${isWithinGoal ? "met" : "MISSED"}`,
  );
}
process.exitCode = isWithinGoal ? 0 : 1;
