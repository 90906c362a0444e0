import { describe, expect, it } from "vitest";
import {
  normalizeDomain,
  startDomainVerificationSchema,
  txtRecordNames,
  txtRecordValue,
  wellKnownUrl,
} from "@/lib/users/domain/domain-rules";

describe("[PROFILE]: domain to verify", () => {
  it("accepts hostnames and lower-cases them", () => {
    expect(normalizeDomain("Example.COM")).toEqual({ domain: "example.com" });
    expect(normalizeDomain(" docs.my-site.co.uk. ")).toEqual({ domain: "docs.my-site.co.uk" });
    expect(normalizeDomain("xn--bcher-kva.example")).toEqual({ domain: "xn--bcher-kva.example" });
  });

  it("refuses schemes, paths and ports with a message saying to enter the domain only", () => {
    expect(normalizeDomain("https://example.com")).toEqual({
      error: "Enter the domain only, without https:// or a path (e.g. example.com).",
    });
    expect(normalizeDomain("example.com/about")).toHaveProperty("error");
    expect(normalizeDomain("example.com:8080")).toEqual({
      error: "Enter the domain without a port or IP address (e.g. example.com).",
    });
  });

  it("refuses IP addresses, localhost and single-label names", () => {
    for (const ip of ["127.0.0.1", "10.0.0.1", "8.8.8.8", "2130706433", "0x7f000001", "[::1]"]) {
      expect(normalizeDomain(ip), ip).toHaveProperty("error");
    }
    expect(normalizeDomain("localhost")).toEqual({
      error: "localhost cannot be verified. Enter a public domain name.",
    });
    expect(normalizeDomain("app.localhost")).toHaveProperty("error");
    expect(normalizeDomain("intranet")).toEqual({
      error: "Enter a full domain name, such as example.com.",
    });
    expect(normalizeDomain("a@example.com")).toHaveProperty("error");
    expect(normalizeDomain("-bad.example.com")).toHaveProperty("error");
    expect(normalizeDomain("under_score.example.com")).toHaveProperty("error");
  });

  it("the route schema gives the normalised domain or the reason as an issue", () => {
    expect(startDomainVerificationSchema.parse({ domain: "Example.com" })).toEqual({
      domain: "example.com",
    });
    const refused = startDomainVerificationSchema.safeParse({ domain: "localhost" });
    expect(refused.error?.issues[0].message).toMatch(/localhost cannot be verified/);
  });

  it("names the TXT record and the well-known file the creator publishes", () => {
    expect(txtRecordValue("tok")).toBe("atelier-verify=tok");
    expect(txtRecordNames("example.com")).toEqual(["example.com", "_atelier.example.com"]);
    expect(wellKnownUrl("example.com")).toBe(
      "https://example.com/.well-known/atelier-verification.txt",
    );
  });
});
