import path from "node:path";
import { z } from "zod";
import { parseTrust } from "./http/client-address.cjs";

/** The project root (every command runs from it): relative paths in the settings are taken from here. */
export const ROOT = process.env.HANDPRINT_ROOT ?? process.cwd();

const bool = z
  .enum(["true", "false", "1", "0", "yes", "no"])
  .transform((v) => v === "true" || v === "1" || v === "yes");

const schema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("production"),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: z.string().default("0.0.0.0"),
  DATABASE_URL: z
    .string()
    .regex(/^(mysql|mariadb):\/\//, "must start with mysql:// or mariadb://")
    .optional(),
  DATA_DIR: z.string().default(".data"),
  EMBEDDED_DB_PORT: z.coerce.number().int().min(0).max(65535).default(0),
  ADMIN_USERNAME: z.string().min(1).default("admin"),
  ADMIN_PASSWORD: z.string().min(8, "must be at least 8 characters").optional(),
  BUNDLED_MODEL: z.string().default("models/handprint-balanced47.onnx"),
  MODEL_POLL_MS: z.coerce.number().int().min(100).default(3000),
  MAX_UPLOAD_BYTES: z.coerce.number().int().min(1024).default(10 * 1024 * 1024),
  MAX_INPUT_PIXELS: z.coerce.number().int().min(1).default(40_000_000),
  INFERENCE_MAX_BATCH: z.coerce.number().int().min(1).default(32),
  INFERENCE_THREADS: z.coerce.number().int().min(0).default(1),
  IMAGE_WORKERS: z.coerce.number().int().min(0).default(0),
  IMAGE_QUEUE_MAX: z.coerce.number().int().min(0).default(128),
  BENCH_NOOP_ROUTE: bool.default(false),
  RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(0).default(600),
  GRAPHQL_MAX_DEPTH: z.coerce.number().int().min(1).default(8),
  GRAPHQL_MAX_COST: z.coerce.number().int().min(1).default(5000),
  TRUSTED_PROXIES: z
    .string()
    .default("")
    .superRefine((v, ctx) => {
      try {
        parseTrust(v);
      } catch (err) {
        ctx.addIssue({ code: "custom", message: `a hop count (1) or a comma-separated list of addresses and CIDR ranges: ${(err as Error).message}` });
      }
    }),
  LOGIN_ATTEMPTS_PER_15_MIN: z.coerce.number().int().min(0).default(10),
  LOGIN_ATTEMPTS_PER_CLIENT_15_MIN: z.coerce.number().int().min(0).default(30),
  FEEDBACK_PER_CLIENT_PER_MINUTE: z.coerce.number().int().min(0).default(30),
  FEEDBACK_PER_SAMPLE_PER_HOUR: z.coerce.number().int().min(0).default(3),
  RETRAIN_AFTER: z.coerce.number().int().min(1).default(200),
  GATE_TOLERANCE_POINTS: z.coerce.number().min(0).default(0.5),
  FINE_TUNE_EPOCHS: z.coerce.number().int().min(1).default(3),
  FULL_TRAIN_EPOCHS: z.coerce.number().int().min(1).default(10),
  FINE_TUNE_REAL_IMAGES: z.coerce.number().int().min(0).default(20_000),
  FINE_TUNE_GENERATED_IMAGES: z.coerce.number().int().min(0).default(10_000),
  WORKER_POLL_MS: z.coerce.number().int().min(100).default(2000),
  BASE_DATA_DIR: z.string().default("data/generated"),
  PYTHON: z.string().default("/usr/bin/python3"),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  SKIP_APT: bool.default(false),
});

export type Config = z.infer<typeof schema>;

export class ConfigError extends Error {}

export function parseConfig(env: Record<string, string | undefined>): Config {
  const parsed = schema.safeParse(Object.fromEntries(Object.entries(env).filter(([, v]) => v !== "")));
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new ConfigError(`Invalid settings in the environment:\n${lines.join("\n")}`);
  }
  return parsed.data;
}

let cached: Config | undefined;

/** Settings, validated once per process. */
export function config(): Config {
  cached ??= parseConfig(process.env);
  return cached;
}

export function resolvePath(p: string): string {
  return path.isAbsolute(p) ? p : path.join(/*turbopackIgnore: true*/ ROOT, p);
}
