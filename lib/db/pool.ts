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

// Under the driver's 1 MB packet buffer, with room for the packet's own header.
const PIECE_BYTES = 1_000_000;

/**
 * Upload bytes as one SQL value (`sql` for the statement, `values` for its parameters), in pieces of under
 * 1 MB that MariaDB joins. The driver (mariadb 3.4) writes a parameter over 1 MB into a fresh 16 MB buffer:
 * with 1 MB photos arriving, those buffers made the server's garbage collection its largest cost (15 ms of CPU
 * a photo against 6.3 ms with pieces, at 8 clients).
 */
export function bytesValue(bytes: Buffer): { sql: string; values: Buffer[] } {
  if (bytes.length <= PIECE_BYTES) return { sql: "?", values: [bytes] };
  const values: Buffer[] = [];
  for (let at = 0; at < bytes.length; at += PIECE_BYTES) values.push(bytes.subarray(at, at + PIECE_BYTES));
  return { sql: `CONCAT(${values.map(() => "?").join(", ")})`, values };
}
