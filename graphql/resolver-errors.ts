import { GraphQLError } from "graphql";
import { z } from "zod";
import { ApiError, toApiError } from "../lib/api-errors";

export function gqlError(err: unknown): GraphQLError {
  if (err instanceof GraphQLError) return err;
  const api = toApiError(err);
  const { internal: _internal, ...extra } = api.extra;
  return new GraphQLError(api.message, { extensions: { code: api.code, ...extra } });
}

/** Runs a resolver body and turns domain errors into GraphQL errors with extensions.code. */
export async function guarded<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    throw gqlError(err);
  }
}

export { ApiError };

const positiveId = z.coerce.number().int().positive();

/** An ID argument as the database's integer key; anything else is BAD_USER_INPUT. */
export function parseId(id: string): number {
  const parsed = positiveId.safeParse(id);
  if (!parsed.success) throw new ApiError("BAD_USER_INPUT", `not an id: ${JSON.stringify(id.length > 40 ? `${id.slice(0, 40)}…` : id)}`);
  return parsed.data;
}
