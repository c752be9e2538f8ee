import path from "node:path";
import { resolvePath, ROOT, type Config } from "../config";
import { findMariadbd, startEmbedded } from "../db/embedded";
import { migrate } from "../db/migrate";
import { redact } from "../db/url";
import { aptInstall } from "../system-packages";

/**
 * The database a command works on: DATABASE_URL when set, otherwise the private MariaDB under DATA_DIR
 * (installed with apt first if needed), migrated to the latest schema.
 */
export async function openDatabase(cfg: Config, say: (line: string) => void): Promise<{ url: string; stop: () => Promise<void> }> {
  let url = cfg.DATABASE_URL;
  let stop: () => Promise<void> = async () => undefined;
  if (url) {
    say(`using the database at ${redact(url)}`);
  } else {
    if (!findMariadbd()) {
      if (cfg.SKIP_APT) throw new Error("MariaDB is not installed (mariadbd not found) and SKIP_APT is set; install mariadb-server or set DATABASE_URL");
      await aptInstall(["mariadb-server"], "MariaDB is not installed (mariadbd not found) and DATABASE_URL is not set", say);
    }
    const dir = path.join(resolvePath(cfg.DATA_DIR), "mariadb");
    const embedded = await startEmbedded({ dir, port: cfg.EMBEDDED_DB_PORT, onLog: say });
    url = embedded.url;
    stop = embedded.stop;
    say(`embedded MariaDB on 127.0.0.1:${embedded.port}, data in ${path.relative(ROOT, dir) || dir}`);
  }
  try {
    const { applied } = await migrate(url, { onApply: (name) => say(`applied migration ${name}`) });
    if (!applied.length) say("database schema is up to date");
  } catch (err) {
    await stop();
    throw err;
  }
  return { url, stop };
}
