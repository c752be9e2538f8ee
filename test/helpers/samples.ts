import { createHash } from "node:crypto";
import type { Db } from "../../lib/db/client";

/** Pending user samples as if visitors had uploaded them (deterministic, no model needed). */
export async function seedUploads(
  db: Db,
  items: { predicted: string; confidence: number; suggested?: string; createdAt?: Date; restriction?: string; unrestricted?: { label: string; probability: number }[] }[],
): Promise<number[]> {
  const model = await db.modelVersion.findFirst({ where: { status: "active" }, select: { id: true } });
  const ids: number[] = [];
  for (const [i, it] of items.entries()) {
    const image = new Uint8Array(784).fill(0);
    image[i % 784] = 255;
    const sha256 = createHash("sha256").update(`upload-${i}-${it.predicted}-${Math.random()}`).digest("hex");
    const row = await db.sample.create({
      data: {
        source: "user",
        classSet: "balanced47",
        status: "pending",
        image,
        original: new Uint8Array([137, 80, 78, 71]),
        contentType: "image/png",
        sha256,
        predictedLabel: it.predicted,
        confidence: it.confidence,
        topK: [{ label: it.predicted, probability: it.confidence }],
        suggestedLabel: it.suggested ?? null,
        restriction: it.restriction ?? null,
        ...(it.unrestricted ? { unrestrictedTopK: it.unrestricted } : {}),
        modelVersionId: model?.id,
        ...(it.createdAt ? { createdAt: it.createdAt } : {}),
      },
      select: { id: true },
    });
    ids.push(row.id);
  }
  return ids;
}
