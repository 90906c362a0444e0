import { describe, expect, it } from "vitest";
import { classifyAddress, isPublicUnicastAddress } from "@/lib/security/ip-policy";

const refused: [label: string, ip: string][] = [
  ["IPv4 loopback", "127.0.0.1"],
  ["IPv4 loopback, top of 127/8", "127.255.255.254"],
  ["private 10/8", "10.0.0.1"],
  ["private 172.16/12", "172.16.0.1"],
  ["private 172.16/12, top", "172.31.255.255"],
  ["private 192.168/16", "192.168.1.1"],
  ["link-local", "169.254.1.1"],
  ["cloud metadata", "169.254.169.254"],
  ["CGNAT 100.64/10", "100.64.0.1"],
  ["CGNAT 100.64/10, top", "100.127.255.254"],
  ["this network 0/8", "0.0.0.0"],
  ["this network 0/8, non-zero", "0.1.2.3"],
  ["multicast", "224.0.0.1"],
  ["multicast, top", "239.255.255.255"],
  ["broadcast", "255.255.255.255"],
  ["IETF protocol assignments 192.0.0/24", "192.0.0.8"],
  ["TEST-NET-1", "192.0.2.1"],
  ["benchmark 198.18/15", "198.19.0.1"],
  ["TEST-NET-2", "198.51.100.7"],
  ["TEST-NET-3", "203.0.113.9"],
  ["reserved 240/4", "240.0.0.1"],
  ["IPv6 unspecified", "::"],
  ["IPv6 loopback", "::1"],
  ["IPv6 loopback, bracketed", "[::1]"],
  ["ULA fc00::/7", "fc00::1"],
  ["ULA fd00::/8", "fd12:3456::1"],
  ["IPv6 link-local", "fe80::1"],
  ["IPv6 link-local with zone", "fe80::1%eth0"],
  ["IPv6 multicast", "ff02::1"],
  ["IPv6 site-local (deprecated)", "fec0::1"],
  ["IPv6 documentation", "2001:db8::1"],
  ["IPv6 benchmarking", "2001:2::1"],
  ["IPv6 discard-only", "100::1"],
  ["outside 2000::/3", "4000::1"],
  ["IPv4-mapped loopback", "::ffff:127.0.0.1"],
  ["IPv4-mapped loopback, hex", "::ffff:7f00:1"],
  ["IPv4-mapped metadata", "::ffff:169.254.169.254"],
  ["IPv4-mapped private", "::ffff:10.0.0.1"],
  ["IPv4-compatible loopback", "::127.0.0.1"],
  ["IPv4-compatible private", "::192.168.0.1"],
  ["IPv4-translated (SIIT) loopback", "::ffff:0:7f00:1"],
  ["NAT64 loopback", "64:ff9b::7f00:1"],
  ["NAT64 metadata", "64:ff9b::169.254.169.254"],
  ["NAT64 local-use /48 (position of the IPv4 is operator-defined)", "64:ff9b:1::808:808"],
  ["6to4 of loopback", "2002:7f00:1::1"],
  ["6to4 of private", "2002:c0a8:101::1"],
  ["Teredo with private server", "2001:0:a00:1::1"],
  ["Teredo with loopback client", "2001:0:808:808::80ff:fffe"],
  ["not an address", "example.com"],
  ["decimal spelling", "2130706433"],
  ["hex spelling", "0x7f.0.0.1"],
  ["short spelling", "127.1"],
  ["empty", ""],
];

const accepted: [label: string, ip: string][] = [
  ["Google DNS", "8.8.8.8"],
  ["Cloudflare DNS", "1.1.1.1"],
  ["just outside 172.16/12", "172.32.0.1"],
  ["just outside CGNAT", "100.128.0.1"],
  ["Cloudflare IPv6", "2606:4700::1111"],
  ["Cloudflare IPv6, bracketed", "[2606:4700::1111]"],
  ["IPv4-mapped public", "::ffff:8.8.8.8"],
  ["NAT64 of public", "64:ff9b::808:808"],
  ["6to4 of public", "2002:808:808::1"],
  ["Teredo with public server and client", "2001:0:808:808::f7f7:f7f7"],
];

describe("[SECURITY]: egress address policy", () => {
  it.each(refused)("refuses %s (%s)", (_label, ip) => {
    expect(isPublicUnicastAddress(ip)).toBe(false);
    expect(classifyAddress(ip).isPublic).toBe(false);
  });

  it.each(accepted)("accepts %s (%s)", (_label, ip) => {
    expect(isPublicUnicastAddress(ip)).toBe(true);
  });

  it("names the range, including the one an embedded IPv4 falls in", () => {
    expect(classifyAddress("10.1.2.3")).toEqual({ isPublic: false, range: "private" });
    expect(classifyAddress("169.254.169.254")).toEqual({ isPublic: false, range: "linkLocal" });
    expect(classifyAddress("::ffff:127.0.0.1")).toEqual({
      isPublic: false,
      range: "ipv4Mapped(loopback)",
    });
    expect(classifyAddress("64:ff9b::808:808")).toEqual({
      isPublic: true,
      range: "rfc6052(unicast)",
    });
    expect(classifyAddress("8.8.8.8")).toEqual({ isPublic: true, range: "unicast" });
  });
});
