import type { Browser } from "playwright-core";
import { parseConfig } from "../../lib/config";
import { registerBundledModel } from "../../lib/db/seed";
import { launchBrowser } from "./browser";
import { freshDatabase, type TestDatabase } from "./db";
import { startServer, type RunningServer } from "./server";

export const BUNDLED_MODEL = parseConfig({}).BUNDLED_MODEL;

export type App = { t: TestDatabase; server: RunningServer; browser: Browser };

/**
 * For one test file: a fresh database with the bundled model (unless `model: false`) and whatever `seed`
 * adds, `next start` on it, Chromium when `browser` is set; all torn down after the file. The fields are
 * filled in by a beforeAll hook, so use them inside hooks and tests.
 */
export function useApp(opts: { env?: Record<string, string>; model?: boolean; seed?: (t: TestDatabase) => Promise<unknown>; browser?: boolean } = {}): App {
  const app = {} as App;
  beforeAll(async () => {
    app.t = await freshDatabase();
    if (opts.model ?? true) await registerBundledModel(app.t.db, BUNDLED_MODEL);
    await opts.seed?.(app.t);
    app.server = await startServer({ DATABASE_URL: app.t.url, ...opts.env });
    if (opts.browser) app.browser = await launchBrowser();
  });
  afterAll(async () => {
    await app.browser?.close();
    await app.server?.stop();
    await app.t?.drop();
  });
  return app;
}
