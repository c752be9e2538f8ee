// Every answer carries these: no framing (clickjacking), no MIME sniffing, and a content security policy
// the pages pass (Next.js's inline hydration scripts need 'unsafe-inline'; images come as data: and blob:
// URLs from the canvas and the uploads).
const SECURITY_HEADERS = [
  {
    key: "Content-Security-Policy",
    value: [
      "default-src 'self'",
      "script-src 'self' 'unsafe-inline'",
      "style-src 'self' 'unsafe-inline'",
      "img-src 'self' data: blob:",
      "media-src 'self' blob:",
      "connect-src 'self'",
      "font-src 'self'",
      "object-src 'none'",
      "base-uri 'self'",
      "form-action 'self'",
      "frame-ancestors 'none'",
    ].join("; "),
  },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "same-origin" },
];

/** @type {import('next').NextConfig} */
module.exports = {
  // Native add-ons and the database driver stay plain Node modules instead of being bundled.
  serverExternalPackages: ["onnxruntime-node", "sharp", "mariadb", "@prisma/adapter-mariadb", "pino", "piscina"],
  poweredByHeader: false,
  reactStrictMode: true,
  // The build checks types with `npm run typecheck` in the test suite instead, so `npm start` builds faster.
  typescript: { ignoreBuildErrors: true },
  outputFileTracingRoot: __dirname,
  async headers() {
    return [{ source: "/:path*", headers: SECURITY_HEADERS }];
  },
};
