import { z } from "zod";

/** A model card: what a model is, what it saw, and what was measured on it. Stored beside every ONNX file. */
const modelCardSchema = z
  .object({
    name: z.string(),
    classSet: z.string(),
    classes: z.array(z.string().min(1)).min(2),
    input: z.string(),
    parameters: z.number().int().optional(),
    sha256: z.string().length(64).optional(),
    fileBytes: z.number().int().optional(),
  })
  .passthrough();

export type ModelCard = z.infer<typeof modelCardSchema>;

export function parseCard(json: unknown, where: string): ModelCard {
  const parsed = modelCardSchema.safeParse(json);
  if (!parsed.success) throw new Error(`${where}: not a valid model card: ${parsed.error.issues.map((i) => i.path.join(".") + " " + i.message).join("; ")}`);
  return parsed.data;
}

/** models/x.onnx -> models/x.card.json */
export function cardPathFor(onnxPath: string): string {
  return onnxPath.replace(/\.onnx$/, ".card.json");
}
