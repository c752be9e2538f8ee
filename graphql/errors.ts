import { GraphQLError } from "graphql";
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
