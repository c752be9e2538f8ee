import { PrismaMariaDb } from "@prisma/adapter-mariadb";
import { PrismaClient } from "./generated/client";
import { configuredDatabaseUrl, connectionOptions } from "./url";

export type Db = InstanceType<typeof PrismaClient>;

export function createDb(databaseUrl: string): Db {
  return new PrismaClient({ adapter: new PrismaMariaDb(connectionOptions(databaseUrl)) });
}

const globalForDb = globalThis as unknown as { handprintDb?: Db };

/** The process-wide client, built once (and kept across Next.js dev reloads). */
export function db(): Db {
  globalForDb.handprintDb ??= createDb(configuredDatabaseUrl());
  return globalForDb.handprintDb;
}
