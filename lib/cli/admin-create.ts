// npm run admin:create -- --username NAME [--password PASS] [--reset] [--role admin|viewer]
// Without --password a random one is generated and printed once.
import { parseArgs } from "node:util";
import { generatePassword, hashPassword } from "../auth/password";
import { config } from "../config";
import { createDb } from "../db/client";
import { openDatabase } from "./database";

const say = (line: string) => process.stderr.write(`${line}\n`);

async function main() {
  const { values } = parseArgs({
    options: { username: { type: "string" }, password: { type: "string" }, reset: { type: "boolean", default: false }, role: { type: "string", default: "admin" } },
  });
  if (!values.username) throw new Error("usage: npm run admin:create -- --username NAME [--password PASS] [--reset] [--role admin|viewer]");
  if (values.role !== "admin" && values.role !== "viewer") throw new Error("--role must be admin or viewer");
  if (values.password !== undefined && values.password.length < 8) throw new Error("the password must be at least 8 characters");
  const password = values.password ?? generatePassword();
  const database = await openDatabase(config(), say);
  const db = createDb(database.url);
  try {
    const existing = await db.user.findUnique({ where: { username: values.username } });
    if (existing && !values.reset) throw new Error(`the account "${values.username}" exists; add --reset to set a new password`);
    const passwordHash = await hashPassword(password);
    await db.user.upsert({ where: { username: values.username }, create: { username: values.username, passwordHash, role: values.role }, update: { passwordHash, role: values.role } });
    if (existing) await db.session.deleteMany({ where: { userId: existing.id } });
    say(`${existing ? "updated" : "created"} ${values.role} account "${values.username}"${values.password ? "" : ` with the password: ${password}`}`);
  } finally {
    await db.$disconnect();
    await database.stop();
  }
}

main().catch((err) => {
  say(err instanceof Error ? err.message : String(err));
  process.exit(1);
});
