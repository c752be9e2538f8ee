import { ImageError } from "./image/image-error";

/** The error codes of DESIGN.md, shared by GraphQL (extensions.code) and REST (HTTP status + JSON body). */
export type ApiErrorCode =
  | "BAD_USER_INPUT"
  | "UNAUTHENTICATED"
  | "FORBIDDEN"
  | "NOT_FOUND"
  | "CONFLICT"
  | "PAYLOAD_TOO_LARGE"
  | "UNSUPPORTED_MEDIA_TYPE"
  | "UNAVAILABLE"
  | "RATE_LIMITED";

export const HTTP_STATUS: Record<ApiErrorCode, number> = {
  BAD_USER_INPUT: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  RATE_LIMITED: 429,
  UNAVAILABLE: 503,
};

export class ApiError extends Error {
  constructor(
    readonly code: ApiErrorCode,
    message: string,
    readonly extra: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = "ApiError";
  }
}

/** Any thrown value as an ApiError: image problems keep their meaning, anything else is a server fault. */
export function toApiError(err: unknown): ApiError {
  if (err instanceof ApiError) return err;
  if (err instanceof ImageError) {
    return err.code === "NO_CHARACTER"
      ? new ApiError("BAD_USER_INPUT", err.message, { reason: "NO_CHARACTER" })
      : new ApiError(err.code, err.message);
  }
  const message = err instanceof Error ? err.message : String(err);
  if (/no model version is active|pool timeout|ECONNREFUSED/.test(message)) return new ApiError("UNAVAILABLE", "the service is unavailable right now; try again shortly");
  return new ApiError("UNAVAILABLE", "internal error", { internal: true });
}

export function errorResponse(err: ApiError, headers: Record<string, string> = {}): Response {
  return Response.json({ error: { code: err.code, message: err.message, ...err.extra } }, { status: HTTP_STATUS[err.code], headers });
}

/** A route's failure as its response, logged when it is the server's fault, with Retry-After when there is one. */
export function failureResponse(err: unknown, log: (message: string) => void): Response {
  const apiError = toApiError(err);
  if (apiError.extra.internal) log(String(err));
  const retry = apiError.extra.retryAfter;
  return errorResponse(apiError, retry ? { "retry-after": String(retry) } : {});
}

/** Part of a caller's input for an error message: quoted, and cut short so a huge input never comes back whole. */
export function quoteInput(value: string, max = 24): string {
  const chars = [...value];
  return JSON.stringify(chars.length > max ? `${chars.slice(0, max).join("")}…` : value);
}
