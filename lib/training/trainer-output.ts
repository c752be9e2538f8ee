import { z } from "zod";

/**
 * What crosses the Python/TypeScript line: training/train.py's JSON progress lines and its result.json.
 * Parsed, never cast; a line that is not one of these is a plain log line.
 */
export const TrainerEvent = z.discriminatedUnion("event", [
  z.object({ event: z.literal("start"), epochs: z.number(), start_epoch: z.number(), train: z.number(), test: z.number() }).passthrough(),
  z.object({ event: z.literal("step"), epoch: z.number(), step: z.number(), steps: z.number(), loss: z.number(), accuracy: z.number(), progress: z.number(), eta_s: z.number() }),
  z.object({ event: z.literal("epoch"), epoch: z.number(), loss: z.number(), train_accuracy: z.number(), test_top1: z.number(), test_top5: z.number(), seconds: z.number() }),
  z.object({ event: z.literal("export") }).passthrough(),
  z.object({ event: z.literal("done") }).passthrough(),
]);
export type TrainerEvent = z.infer<typeof TrainerEvent>;

export function parseTrainerLine(line: string): TrainerEvent | undefined {
  let json: unknown;
  try {
    json = JSON.parse(line);
  } catch {
    return undefined;
  }
  const parsed = TrainerEvent.safeParse(json);
  return parsed.success ? parsed.data : undefined;
}

const HeldOut = z.object({
  top1: z.number(),
  top5: z.number(),
  count: z.number(),
  per_class: z.record(z.string(), z.number()),
  most_confused: z.array(z.object({ pair: z.string(), errors: z.number() })),
});

export const TrainResult = z.object({
  class_set: z.string(),
  classes: z.array(z.string()),
  arch: z.string(),
  width: z.number().optional(),
  depth: z.number().optional(),
  parameters: z.number(),
  train_images: z.number(),
  test_images: z.number(),
  source: z.string(),
  sources: z.array(z.object({ prefix: z.string(), used: z.number() }).passthrough()).optional(),
  data: z.union([z.string(), z.array(z.string())]),
  epochs: z.number(),
  train_seconds: z.number(),
  device: z.string(),
  fine_tuned_from: z.string().nullable().optional(),
  recipe: z.record(z.string(), z.unknown()).optional(),
  history: z.array(z.record(z.string(), z.unknown())),
  test: HeldOut,
  onnx_sha256: z.string().optional(),
  /** Written by training/interpolate.py: these weights are a mix of two runs', `alpha` of the tuned one. */
  interpolated: z.object({ alpha: z.number(), start: z.string(), tuned: z.string() }).optional(),
  /** Written by training/prior.py: the last layer's bias moved by tau times the log class prior. */
  logit_adjusted: z.object({ tau: z.number(), prior_data: z.array(z.string()), weights: z.string() }).optional(),
});
export type TrainResult = z.infer<typeof TrainResult>;

/** PyTorch's probabilities on held-out images, for the parity check against onnxruntime-node. */
export const ParityFixture = z.object({ images: z.array(z.array(z.number())), probabilities: z.array(z.array(z.number())) });
export type ParityFixture = z.infer<typeof ParityFixture>;

export function parseJsonFile<T>(schema: z.ZodType<T>, text: string, name: string): T {
  const parsed = schema.safeParse(JSON.parse(text));
  if (!parsed.success) throw new Error(`${name} is not what the trainer should write: ${parsed.error.issues.slice(0, 3).map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`);
  return parsed.data;
}
