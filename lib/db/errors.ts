const DUPLICATE_KEY = 1062; // MariaDB's ER_DUP_ENTRY

/** A driver error for an insert that hit a unique key (a byte-identical re-upload, say). */
export const isDuplicateKey = (err: unknown) => (err as { errno?: number }).errno === DUPLICATE_KEY;
