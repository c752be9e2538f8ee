import { ApiError } from "./api-errors";

/**
 * The one way every list pages: `first` between 1 and MAX_PAGE, and an opaque cursor that carries one
 * non-negative integer (an id for lists ordered by id, an offset for the labelling queue, whose order
 * changes as admins work). A cursor that does not decode to such a number is BAD_USER_INPUT.
 */
const MAX_PAGE = 200;
const MAX_POSITION = 2_147_483_647; // the largest INT id MariaDB gives

export function pageSize(first: number | null | undefined, fallback = 20): number {
  const n = first ?? fallback;
  if (!Number.isInteger(n) || n < 1 || n > MAX_PAGE) throw new ApiError("BAD_USER_INPUT", `first must be between 1 and ${MAX_PAGE}`);
  return n;
}

export const cursor = {
  encode: (position: number) => Buffer.from(`c:${position}`).toString("base64url"),
  decode(value: string): number {
    const m = Buffer.from(value, "base64url").toString().match(/^c:(\d{1,10})$/);
    const position = m ? Number(m[1]) : NaN;
    if (!(position >= 0 && position <= MAX_POSITION)) throw new ApiError("BAD_USER_INPUT", "invalid cursor: pass the endCursor of the page before");
    return position;
  },
};

export type Connection<T> = { edges: { cursor: string; node: T }[]; totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string | null } };

/** A page from `first + 1` fetched rows: the extra one only says whether there is a next page. */
export function connection<R, T>(rows: R[], first: number, totalCount: number, positionOf: (row: R, index: number) => number, toNode: (row: R) => T): Connection<T> {
  const page = rows.slice(0, first);
  const edges = page.map((row, i) => ({ cursor: cursor.encode(positionOf(row, i)), node: toNode(row) }));
  return { edges, totalCount, pageInfo: { hasNextPage: rows.length > first, endCursor: edges.at(-1)?.cursor ?? null } };
}

/** The same page with each node reshaped (for API shapes that need async work, such as a PNG). */
export async function mapNodes<T, U>(page: Connection<T>, fn: (node: T) => U | Promise<U>): Promise<Connection<U>> {
  return { ...page, edges: await Promise.all(page.edges.map(async (e) => ({ cursor: e.cursor, node: await fn(e.node) }))) };
}
