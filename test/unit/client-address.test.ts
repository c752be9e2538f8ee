import { clientAddress, parseTrust } from "../../lib/http/client-address.cjs";
import { parseConfig } from "../../lib/config";

describe("who the client is (TRUSTED_PROXIES)", () => {
  it("trusts no header by default: the socket's address, whatever the client sent", () => {
    expect(clientAddress("6.6.6.6", "::ffff:203.0.113.9", parseTrust(""))).toBe("203.0.113.9");
    expect(clientAddress(undefined, "203.0.113.9", parseTrust(undefined))).toBe("203.0.113.9");
  });

  it("with a hop count, takes the address the outermost trusted proxy saw", () => {
    // client -> proxy A (appends the client) -> proxy B (appends A) -> us (socket: B)
    expect(clientAddress("6.6.6.6, 198.51.100.7, 10.0.0.2", "10.0.0.3", parseTrust("2"))).toBe("198.51.100.7");
    expect(clientAddress("198.51.100.7", "10.0.0.3", parseTrust("1"))).toBe("198.51.100.7");
    expect(clientAddress(undefined, "10.0.0.3", parseTrust("1"))).toBe("10.0.0.3"); // fewer entries than hops
  });

  it("with addresses and ranges, walks from the socket past the trusted ones", () => {
    const trust = parseTrust("10.0.0.0/8, 127.0.0.1");
    expect(clientAddress("6.6.6.6, 198.51.100.7, 10.1.2.3", "127.0.0.1", trust)).toBe("198.51.100.7");
    expect(clientAddress("6.6.6.6", "203.0.113.9", trust)).toBe("203.0.113.9"); // a client straight at us
  });

  it("refuses a setting it cannot read, naming it", () => {
    expect(() => parseTrust("10.0.0.0/8, proxy.example")).toThrow(/"proxy.example" is not an address or CIDR range/);
    expect(() => parseConfig({ TRUSTED_PROXIES: "nonsense" })).toThrow(/TRUSTED_PROXIES: a hop count/);
  });
});
