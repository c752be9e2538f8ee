import { PrismaMariaDb } from "@prisma/adapter-mariadb";
import { PrismaClient } from "./generated/client";
import { config } from "../config";
import { connectionOptions } from "./url";

export type Db = InstanceType<typeof PrismaClient>;

export function createDb(databaseUrl: string): Db {
  return new PrismaClient({ adapter: new PrismaMariaDb(connectionOptions(databaseUrl)) });
}

const globalForDb = globalThis as unknown as { handprintDb?: Db };

/** The process-wide client, built once (and kept across Next.js dev reloads). */
export function db(): Db {
  if (!globalForDb.handprintDb) {
    const url = config().DATABASE_URL;
    if (!url) throw new Error("DATABASE_URL is not set: start the app with `npm start`, which provides a database");
    globalForDb.handprintDb = createDb(url);
  }
  return globalForDb.handprintDb;
}
