import Bowser from "bowser";

/** "Chrome on macOS", "Safari on iPhone": how the sessions list names a browser. */
export function describeUserAgent(userAgent: string | null): string {
  if (!userAgent) return "Unknown browser";
  const parsed = Bowser.parse(userAgent);
  const browser = parsed.browser.name;
  const system =
    parsed.platform.type === "mobile" && parsed.platform.model
      ? parsed.platform.model
      : parsed.os.name;
  if (browser && system) return `${browser} on ${system}`;
  return browser ?? system ?? "Unknown browser";
}
