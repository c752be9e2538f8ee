import { isDuplicateKey, statementRefused } from "../db/errors";
import { bytesValue, type Pool } from "../db/pool";
import { SerialBatches } from "../serial-batches";
import type { Ranked } from "../inference/restrict";
import { heldOutSplit } from "./split";

/** An answered upload as it is stored: a pending user sample with the reading it was given. */
export type Upload = {
  sha256: string;
  original: Buffer;
  contentType?: string;
  restriction: string | null;
  pixels: Uint8Array;
  classSet: string;
  predictedLabel: string;
  confidence: number;
  topK: Ranked[];
  unrestrictedTopK: Ranked[] | null;
  modelVersionId: number;
};

export type StoredUpload = { id: number; reused: boolean };

const COLUMNS = `source, split, classSet, status, image, original, contentType, sha256,
                 predictedLabel, confidence, topK, unrestrictedTopK, modelVersionId, restriction, updatedAt`;

/**
 * Uploads answered together are stored together: one multi-row INSERT ... RETURNING id instead of one
 * statement each. The model answers a batch at once, so its uploads reach this point in the same tick; each
 * statement costs the request thread a socket write that wakes MariaDB (about 0.34 ms of that thread per
 * insert at 64 clients, the largest single cost of an answer there) and MariaDB a statement of its own. One
 * statement runs at a time; what arrives meanwhile forms the next, up to `maxRows` rows and about
 * `maxBytes` of originals (a single larger upload goes alone). A statement that fails is redone row by row:
 * a byte-identical re-upload (a duplicate key) then reuses its sample exactly as before, and a row MariaDB
 * refuses fails its own request only.
 */
export class UploadStore {
  private readonly batches: SerialBatches<Upload, StoredUpload | RowFailed>;

  constructor(pool: Pool, opts: { maxRows: number; maxBytes: number } = { maxRows: 32, maxBytes: 4_000_000 }) {
    this.batches = new SerialBatches(
      async (uploads) => (uploads.length === 1 ? [await storeOne(pool, uploads[0])] : storeMany(pool, uploads)),
      (waiting) => rowsThatFit(waiting, opts),
    );
  }

  async store(upload: Upload): Promise<StoredUpload> {
    const stored = await this.batches.add(upload);
    if (stored instanceof RowFailed) throw stored.cause;
    return stored;
  }
}

/** How many of the waiting uploads the next statement takes: up to maxRows, and maxBytes of originals unless the first alone is larger. */
function rowsThatFit(waiting: readonly Upload[], { maxRows, maxBytes }: { maxRows: number; maxBytes: number }): number {
  let bytes = 0;
  let n = 0;
  while (n < waiting.length && n < maxRows) {
    bytes += waiting[n].original.length;
    if (n > 0 && bytes > maxBytes) break;
    n++;
  }
  return n;
}

function rowSql(u: Upload): { sql: string; values: unknown[] } {
  const original = bytesValue(u.original);
  return {
    sql: `('user', ?, ?, 'pending', ?, ${original.sql}, ?, ?, ?, ?, ?, ?, ?, ?, NOW(3))`,
    values: [heldOutSplit(u.sha256), u.classSet, Buffer.from(u.pixels), ...original.values, u.contentType ?? null, u.sha256,
             u.predictedLabel, u.confidence, JSON.stringify(u.topK), u.unrestrictedTopK && JSON.stringify(u.unrestrictedTopK), u.modelVersionId, u.restriction],
  };
}

/** One row of a statement that failed, redone alone and failed again: its request gets the error. */
class RowFailed {
  constructor(readonly cause: unknown) {}
}

/** Several uploads in one statement (MariaDB returns the new ids in the order of the rows), or row by row if it fails. */
async function storeMany(pool: Pool, uploads: Upload[]): Promise<(StoredUpload | RowFailed)[]> {
  const rows = uploads.map(rowSql);
  try {
    const ids = await pool.execute<{ id: number | bigint }[]>(
      `INSERT INTO Sample (${COLUMNS}) VALUES ${rows.map((r) => r.sql).join(", ")} RETURNING id`,
      rows.flatMap((r) => r.values),
    );
    if (ids.length === uploads.length) return ids.map((row) => ({ id: Number(row.id), reused: false }));
  } catch (err) {
    // Redone row by row below when MariaDB refused something in it; when it could not be reached, every row
    // fails now (one by one, each would wait for a connection again).
    if (!statementRefused(err)) return uploads.map(() => new RowFailed(err));
  }
  const stored: (StoredUpload | RowFailed)[] = [];
  // in order: a twin later in the batch reuses the sample of the first
  for (const u of uploads) stored.push(await storeOne(pool, u).catch((err: unknown) => new RowFailed(err)));
  return stored;
}

/**
 * A byte-identical re-upload reuses its sample: the insert fails on the unique (source, sha256) key. While
 * the sample is pending it takes this reading (its restriction may differ), with a version bump so that an
 * admin who is looking at the old reading gets CONFLICT instead of approving what they did not see; once an
 * admin has decided, the sample is never changed by an upload. Raw SQL over the driver pool because this is
 * the hot path (see lib/db/pool.ts). The column names are checked against schema.prisma by the drift test
 * and the predict tests.
 */
async function storeOne(pool: Pool, u: Upload): Promise<StoredUpload> {
  const row = rowSql(u);
  try {
    const [inserted] = await pool.execute<{ id: number | bigint }[]>(`INSERT INTO Sample (${COLUMNS}) VALUES ${row.sql} RETURNING id`, row.values);
    return { id: Number(inserted.id), reused: false };
  } catch (err) {
    if (!isDuplicateKey(err)) throw err;
    await pool.execute(
      `UPDATE Sample SET classSet = ?, predictedLabel = ?, confidence = ?, topK = ?, unrestrictedTopK = ?, modelVersionId = ?, restriction = ?,
                         version = version + 1, updatedAt = NOW(3)
       WHERE source = 'user' AND sha256 = ? AND status = 'pending'`,
      [u.classSet, u.predictedLabel, u.confidence, JSON.stringify(u.topK), u.unrestrictedTopK && JSON.stringify(u.unrestrictedTopK), u.modelVersionId,
       u.restriction, u.sha256],
    );
    const [twin] = await pool.execute<{ id: number | bigint }[]>("SELECT id FROM Sample WHERE source = 'user' AND sha256 = ?", [u.sha256]);
    return { id: Number(twin.id), reused: true };
  }
}
