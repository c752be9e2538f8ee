import { ApiError } from "./resolver-errors";

/** An image argument (predict, read): plain base64 or a data URL (data:image/png;base64,...). */
export function decodeImage(image: string): Buffer {
  const match = image.match(/^data:([^;,]+)?(;base64)?,(.*)$/s);
  if (match) {
    if (!match[2]) throw new ApiError("BAD_USER_INPUT", "the data URL must be base64-encoded");
    return Buffer.from(match[3], "base64");
  }
  if (!/^[A-Za-z0-9+/=\s_-]+$/.test(image)) throw new ApiError("BAD_USER_INPUT", "image must be base64 or a data URL");
  return Buffer.from(image, "base64");
}
