// Who the client is, decided once per request before Next.js sees it (installed into `next start` by
// client-address-preload.cjs, see lib/cli/next-start.ts). Next.js keeps a client's own X-Forwarded-For and only fills the
// header in when it is absent, so a client that reaches us directly could name any address and escape
// every per-client limit. Here the header is rewritten to the one address TRUSTED_PROXIES allows:
// - unset (the default): no header is trusted; the socket's address is the client;
// - a hop count N: N proxies in front of us each appended the address they saw; the client is the entry
//   N from the right of "X-Forwarded-For, socket address";
// - a list of addresses or CIDR ranges: walking from the socket leftwards, the first address outside them.
// Plain CommonJS so that node loads it before Next.js starts; lib/config.ts validates the setting with it.
const http = require("node:http");
const net = require("node:net");

/** @typedef {{ hops: number } | { ranges: import("node:net").BlockList } | { none: true }} Trust */

/** @param {string | undefined} setting @returns {Trust} */
function parseTrust(setting) {
  const value = (setting ?? "").trim();
  if (!value) return { none: true };
  if (/^\d+$/.test(value)) return { hops: Number(value) };
  const ranges = new net.BlockList();
  for (const entry of value.split(",").map((s) => s.trim()).filter(Boolean)) {
    const [address, bits] = entry.split("/");
    const family = net.isIPv6(address) ? "ipv6" : net.isIPv4(address) ? "ipv4" : undefined;
    if (!family || (bits !== undefined && !/^\d+$/.test(bits))) throw new Error(`"${entry.slice(0, 60)}" is not an address or CIDR range`);
    if (bits === undefined) ranges.addAddress(address, family);
    else ranges.addSubnet(address, Number(bits), family);
  }
  return { ranges };
}

const bare = (address) => (address ?? "").replace(/^::ffff:/, "");

/** @param {string | undefined} forwarded @param {string | undefined} socketAddress @param {Trust} trust */
function clientAddress(forwarded, socketAddress, trust) {
  const socket = bare(socketAddress) || "unknown";
  if ("none" in trust) return socket;
  const chain = [...(forwarded ?? "").split(",").map((s) => bare(s.trim())).filter(Boolean), socket];
  if ("hops" in trust) return chain[Math.max(0, chain.length - 1 - trust.hops)];
  for (let i = chain.length - 1; i > 0; i--) {
    const family = net.isIPv6(chain[i]) ? "ipv6" : "ipv4";
    if (!net.isIP(chain[i]) || !trust.ranges.check(chain[i], family)) return chain[i];
  }
  return chain[0];
}

/** Rewrites X-Forwarded-For on every request of every HTTP server this process starts. */
function install(setting) {
  const trust = parseTrust(setting);
  const emit = http.Server.prototype.emit;
  http.Server.prototype.emit = function (event, req, ...rest) {
    if (event === "request") {
      req.headers["x-forwarded-for"] = clientAddress(req.headers["x-forwarded-for"], req.socket?.remoteAddress, trust);
      delete req.headers["x-real-ip"];
    }
    return emit.call(this, event, req, ...rest);
  };
}

module.exports = { parseTrust, clientAddress, install };
