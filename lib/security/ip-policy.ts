import ipaddr from "ipaddr.js";

/**
 * Which addresses the egress guard may connect to. Pure, no I/O.
 *
 * Only public unicast is allowed: IPv4 in ipaddr's "unicast" range and IPv6 in its "unicast"
 * range that also lies in global unicast 2000::/3. IPv6 forms that carry an IPv4 address
 * (mapped, compatible, SIIT, NAT64, 6to4, Teredo) are judged by the embedded IPv4, because that is
 * where the packets end up.
 */
export type AddressClass = { isPublic: boolean; range: string };

const globalUnicast = ipaddr.IPv6.parse("2000::");
const ipv4Compatible = ipaddr.IPv6.parse("::");
const nat64WellKnown = ipaddr.IPv6.parse("64:ff9b::");

export function isPublicUnicastAddress(ip: string): boolean {
  return classifyAddress(ip).isPublic;
}

export function classifyAddress(ip: string): AddressClass {
  const literal = ip.startsWith("[") && ip.endsWith("]") ? ip.slice(1, -1) : ip;
  // Only canonical spellings: "0x7f.1" or "2130706433" must never reach here as a public name.
  if (ipaddr.IPv4.isValidFourPartDecimal(literal)) {
    return classifyIPv4(ipaddr.IPv4.parse(literal));
  }
  if (!ipaddr.IPv6.isValid(literal)) return { isPublic: false, range: "invalid" };
  const address = ipaddr.IPv6.parse(literal);
  // A zone id ties the address to a local interface: never a public destination.
  if (address.zoneId) return { isPublic: false, range: "zoned" };
  return classifyIPv6(address);
}

function classifyIPv4(address: ipaddr.IPv4): AddressClass {
  const range = address.range();
  return { isPublic: range === "unicast", range };
}

function classifyIPv6(address: ipaddr.IPv6): AddressClass {
  const range = address.range();
  const embedded = embeddedIPv4(address, range);
  if (embedded === "refuse") return { isPublic: false, range };
  if (embedded) {
    const inner = classifyIPv4(embedded);
    return { isPublic: inner.isPublic, range: `${range}(${inner.range})` };
  }
  return { isPublic: range === "unicast" && address.match(globalUnicast, 3), range };
}

/** The IPv4 address an IPv6 form carries, "refuse" when it cannot be known, null when none. */
function embeddedIPv4(address: ipaddr.IPv6, range: string): ipaddr.IPv4 | "refuse" | null {
  const bytes = address.toByteArray();
  const v4At = (offset: number, xor = 0) =>
    new ipaddr.IPv4(bytes.slice(offset, offset + 4).map((byte) => byte ^ xor));
  switch (range) {
    case "ipv4Mapped":
    case "rfc6145":
      return v4At(12);
    case "6to4":
      return v4At(2);
    case "teredo": {
      // Server in bits 32..63, client (obfuscated by XOR) in the last 32 bits: both must be public.
      const server = v4At(4);
      const client = v4At(12, 0xff);
      return classifyIPv4(server).isPublic ? client : server;
    }
    case "rfc6052":
      // 64:ff9b::/96 carries the IPv4 in the last 32 bits. The local-use 64:ff9b:1::/48 may use any
      // prefix length, so where its IPv4 sits is operator-defined: refuse it outright.
      return address.match(nat64WellKnown, 96) ? v4At(12) : "refuse";
    default:
      break;
  }
  // Deprecated IPv4-compatible ::a.b.c.d (ipaddr calls it "unicast"); :: and ::1 have ranges.
  if (range === "unicast" && address.match(ipv4Compatible, 96)) return v4At(12);
  return null;
}
