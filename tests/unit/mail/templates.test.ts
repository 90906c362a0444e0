import { describe, expect, it } from "vitest";
import { EMAIL_KINDS, emailKindLabel } from "@/lib/mail/kinds";
import { escapeHtml } from "@/lib/mail/layout";
import {
  changeEmail,
  emailChanged,
  invitation,
  passwordChanged,
  resetPassword,
  verifyEmail,
} from "@/lib/mail/templates";

const url = "https://atelier.example.com/reset-password?token=abc123&email=ada%40example.com";
/** How the URL must appear inside an href and as text in the HTML: & escaped. */
const urlInHtml =
  "https://atelier.example.com/reset-password?token=abc123&amp;email=ada%40example.com";

const hostile = `<script>alert("x")</script> & 'friends'`;

const everyTemplate = [
  ["verifyEmail", () => verifyEmail({ name: "Ada", url })],
  ["resetPassword", () => resetPassword({ name: "Ada", url, expiresInMinutes: 30 })],
  ["changeEmail", () => changeEmail({ name: "Ada", url, newEmail: "ada@new.example.com" })],
  ["passwordChanged", () => passwordChanged({ name: "Ada", when: new Date(), resetUrl: url })],
  ["invitation", () => invitation({ inviterName: "Grace", url })],
] as const;

describe("[MAIL]: email templates", () => {
  it.each(everyTemplate)(
    "%s: the link is in the text, and in the HTML as a button and as plain text",
    (_, build) => {
      const email = build();
      expect(email.text).toContain(url);
      expect(email.html).toContain(`href="${urlInHtml}"`);
      // The button and the "copy this link" line each carry it.
      expect(email.html.split(`href="${urlInHtml}"`)).toHaveLength(3);
      expect(email.html).toContain(`>${urlInHtml}</a>`);
      expect(email.html).toContain("Atelier");
      expect(email.subject).not.toMatch(/[\r\n]/);
    },
  );

  it("escapes names and addresses in the HTML, and keeps them readable in the text", () => {
    const emails = [
      verifyEmail({ name: hostile, url }),
      resetPassword({ name: hostile, url, expiresInMinutes: 60 }),
      changeEmail({ name: hostile, url, newEmail: `a${hostile}@example.com` }),
      emailChanged({ name: hostile, newEmail: "new@example.com" }),
      passwordChanged({ name: hostile, when: new Date() }),
      invitation({ inviterName: hostile, url }),
    ];
    for (const email of emails) {
      expect(email.html).not.toContain("<script>");
      expect(email.html).toContain(
        "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;friends&#39;",
      );
      expect(email.text).toContain(`<script>alert("x")</script>`);
    }
  });

  it("a name with line breaks cannot add a header line to the subject", () => {
    const email = invitation({ inviterName: "Grace\r\nBcc: everyone@example.com", url });
    expect(email.subject).toBe("Grace Bcc: everyone@example.com invited you to Atelier");
    expect(email.subject).not.toMatch(/[\r\n]/);
  });

  it("refuses links that are not http(s)", () => {
    expect(() => verifyEmail({ name: "Ada", url: "javascript:alert(1)" })).toThrow(/http/);
    expect(() => resetPassword({ name: "Ada", url: "/relative", expiresInMinutes: 5 })).toThrow();
  });

  it("greets by name, or plainly without one", () => {
    expect(verifyEmail({ name: "Ada", url }).text.startsWith("Hi Ada,")).toBe(true);
    expect(verifyEmail({ name: null, url }).text.startsWith("Hi,")).toBe(true);
    expect(verifyEmail({ name: "   ", url }).text.startsWith("Hi,")).toBe(true);
  });

  it("says how long a reset link works", () => {
    expect(resetPassword({ url, expiresInMinutes: 30 }).text).toContain("for 30 minutes");
    expect(resetPassword({ url, expiresInMinutes: 60 }).text).toContain("for 1 hour");
    expect(resetPassword({ url, expiresInMinutes: 120 }).html).toContain("for 2 hours");
  });

  it("names the new address in an email change and the time of a password change (UTC)", () => {
    expect(changeEmail({ url, newEmail: "ada@new.example.com" }).text).toContain(
      "ada@new.example.com",
    );
    const notice = emailChanged({ name: "Ada", newEmail: "ada@new.example.com" });
    expect(notice.text).toContain("ada@new.example.com");
    expect(notice.html).not.toContain("<a ");
    const changed = passwordChanged({ name: "Ada", when: new Date("2026-12-07T14:05:00Z") });
    expect(changed.text).toContain("7 December 2026 at 14:05 UTC");
    expect(changed.text).not.toContain("https://");
    expect(changed.html).not.toContain("<a ");
  });

  it("escapeHtml covers the five characters that matter in elements and attributes", () => {
    expect(escapeHtml(`&<>"'`)).toBe("&amp;&lt;&gt;&quot;&#39;");
  });

  it("every kind has a label", () => {
    for (const kind of EMAIL_KINDS) expect(emailKindLabel(kind)).not.toBe(kind);
    expect(emailKindLabel("something-new")).toBe("something-new");
  });
});
