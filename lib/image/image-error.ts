/** Why an upload was refused. The code maps to a GraphQL extensions.code and an HTTP status. */
export type ImageErrorCode = "BAD_USER_INPUT" | "UNSUPPORTED_MEDIA_TYPE" | "PAYLOAD_TOO_LARGE" | "NO_CHARACTER";

export class ImageError extends Error {
  constructor(
    readonly code: ImageErrorCode,
    message: string,
  ) {
    super(message);
    this.name = "ImageError";
  }
}
