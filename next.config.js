/** @type {import('next').NextConfig} */
module.exports = {
  // Native add-ons and the database driver stay plain Node modules instead of being bundled.
  serverExternalPackages: ["onnxruntime-node", "sharp", "mariadb", "@prisma/adapter-mariadb", "pino"],
  poweredByHeader: false,
  reactStrictMode: true,
  // The build checks types with `npm run typecheck` in the test suite instead, so `npm start` builds faster.
  typescript: { ignoreBuildErrors: true },
  outputFileTracingRoot: __dirname,
};
