import { randomBytes, scrypt as scryptCb, timingSafeEqual, type ScryptOptions } from "node:crypto";

// scrypt (memory-hard) from Node's own crypto: no native add-on to build or download.
const PARAMS = { N: 2 ** 15, r: 8, p: 1, maxmem: 64 * 1024 * 1024 };
const KEY_LENGTH = 32;

// One hash at a time: scrypt runs on libuv's small thread pool, which sharp's image work shares, so a flood
// of sign-ins must not take every thread from the predictions. A plain promise chain is all it takes.
// Fair between clients: each may have one check waiting or running, so a client's flood holds one place in
// the line, and the admin's own sign-in waits behind at most one check of each other client.
let queue: Promise<unknown> = Promise.resolve();
const waitingFor = new Set<string>();
const MAX_WAITING_HASHES = 256;

/** The line of password checks is full (that many clients at once): nobody's quota is used by it. */
export class HashQueueFull extends Error {}
/** This client already has a password check waiting or running. */
export class HashAlreadyWaiting extends Error {}

function scrypt(password: string, salt: Buffer, opts: ScryptOptions, client: string): Promise<Buffer> {
  if (waitingFor.has(client)) return Promise.reject(new HashAlreadyWaiting("a sign-in of this client is still being checked"));
  if (waitingFor.size >= MAX_WAITING_HASHES) return Promise.reject(new HashQueueFull("too many sign-ins at once"));
  waitingFor.add(client);
  const run = queue.then(
    () => new Promise<Buffer>((resolve, reject) => scryptCb(password, salt, KEY_LENGTH, opts, (err, key) => (err ? reject(err) : resolve(key)))),
  );
  queue = run.catch(() => undefined).finally(() => waitingFor.delete(client));
  return run;
}

/** "scrypt$N$r$p$salt$hash", salt and hash in base64url. */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await scrypt(password, salt, PARAMS, `hash:${salt.toString("hex")}`);
  return ["scrypt", PARAMS.N, PARAMS.r, PARAMS.p, salt.toString("base64url"), key.toString("base64url")].join("$");
}

/** `client`: whose check this is (one waiting or running per client); each call its own when not given. */
export async function verifyPassword(password: string, stored: string, client = `anonymous:${randomBytes(8).toString("hex")}`): Promise<boolean> {
  const [scheme, n, r, p, salt, hash] = stored.split("$");
  if (scheme !== "scrypt" || !hash) return false;
  const expected = Buffer.from(hash, "base64url");
  const key = await scrypt(password, Buffer.from(salt, "base64url"), {
    N: Number(n),
    r: Number(r),
    p: Number(p),
    maxmem: PARAMS.maxmem,
  }, client);
  return key.length === expected.length && timingSafeEqual(key, expected);
}

export function generatePassword(): string {
  return randomBytes(15).toString("base64url");
}
