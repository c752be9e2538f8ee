/** The longest side the page sends. The server analyses photos at 256 px, so more only costs upload time on a phone. */
export const MAX_UPLOAD_SIDE = 1280;

/**
 * A picture larger than MAX_UPLOAD_SIDE is sent as a JPEG of that size, with its EXIF orientation applied
 * and any transparency on white paper, as the server would treat it. Anything smaller, a GIF or SVG, or a
 * format this browser cannot decode (TIFF, say) is sent as it is, and the server decides.
 */
export async function shrinkForUpload(file: Blob): Promise<Blob> {
  if (!file.type.startsWith("image/") || file.type === "image/gif" || file.type === "image/svg+xml") return file;
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(file, { imageOrientation: "from-image" });
  } catch {
    return file;
  }
  try {
    const scale = MAX_UPLOAD_SIDE / Math.max(bitmap.width, bitmap.height);
    if (scale >= 1) return file;
    const canvas = document.createElement("canvas");
    canvas.width = Math.max(1, Math.round(bitmap.width * scale));
    canvas.height = Math.max(1, Math.round(bitmap.height * scale));
    const ctx = canvas.getContext("2d");
    if (!ctx) return file;
    ctx.fillStyle = "#fff";
    ctx.fillRect(0, 0, canvas.width, canvas.height);
    ctx.imageSmoothingQuality = "high";
    ctx.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
    const smaller = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, "image/jpeg", 0.92));
    return smaller ?? file;
  } finally {
    bitmap.close();
  }
}
