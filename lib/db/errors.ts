const DUPLICATE_KEY = 1062; // MariaDB's ER_DUP_ENTRY

const DEADLOCK = 1213; // ER_LOCK_DEADLOCK: InnoDB rolled the transaction back, it may simply run again

/** A driver error for an insert that hit a unique key (a byte-identical re-upload, say). */
export const isDuplicateKey = (err: unknown) => (err as { errno?: number }).errno === DUPLICATE_KEY;

export const isDeadlock = (err: unknown) => (err as { errno?: number }).errno === DEADLOCK;

/**
 * Whether the server refused this statement for something in it (a key, a value), as opposed to never
 * getting it: the driver's own errors (a pool timeout, a lost connection) have numbers from 45000 up.
 */
export const statementRefused = (err: unknown) => {
  const e = err as { errno?: number; fatal?: boolean };
  return typeof e.errno === "number" && e.errno < 45000 && !e.fatal;
};
