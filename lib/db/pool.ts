import mariadb, { type Pool } from "mariadb";
import { configuredDatabaseUrl, connectionOptions } from "./url";

export type { Pool };

/**
 * A plain MariaDB driver pool beside the Prisma client, for the one hot write that carries upload bytes.
 * Prisma's driver-adapter path costs about 6 ms per MB of a bytes parameter (and 0.7 ms per query); the
 * driver's binary protocol (`execute`) sends the same megabyte in well under 1 ms.
 */
export function createPool(databaseUrl: string): Pool {
  return mariadb.createPool(connectionOptions(databaseUrl));
}

const globalForPool = globalThis as unknown as { handprintPool?: Pool };

/** The process-wide pool, built once (and kept across Next.js dev reloads). */
export function pool(): Pool {
  globalForPool.handprintPool ??= createPool(configuredDatabaseUrl());
  return globalForPool.handprintPool;
}
