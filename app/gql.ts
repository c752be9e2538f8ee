import type { TypedDocumentString } from "./_generated/graphql";

export type GqlError = { message: string; extensions?: Record<string, unknown> };

/**
 * GraphQL from the browser: a typed document (from a page's operations.ts, generated from the schema) as a
 * JSON POST, which also satisfies Apollo's CSRF prevention; cookies included.
 */
export async function gql<TResult, TVariables>(
  document: TypedDocumentString<TResult, TVariables>,
  ...[variables]: TVariables extends Record<string, never> ? [] : [TVariables]
): Promise<{ data?: TResult; errors?: GqlError[] }> {
  const res = await fetch("/api/graphql", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ query: document.toString(), variables: variables ?? {} }),
  });
  return res.json();
}
