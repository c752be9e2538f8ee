/**
 * POST an image with form fields to one of our image routes (/api/predict, /api/read): the answer, or the
 * server's own words for why not. Throws only when the server could not be reached (or `signal` aborted).
 */
export async function postImage<T>(route: string, image: Blob, name: string, fields: Record<string, string>, signal?: AbortSignal): Promise<{ answer?: T; error?: string }> {
  const form = new FormData();
  form.append("image", image, name);
  for (const [k, v] of Object.entries(fields)) if (v) form.append(k, v);
  const res = await fetch(route, { method: "POST", body: form, signal });
  const body = (await res.json()) as T & { error?: { message: string } };
  return res.ok ? { answer: body } : { error: body.error?.message ?? `failed (${res.status})` };
}
