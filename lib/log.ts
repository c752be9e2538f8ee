import pino from "pino";

/** The one logger: JSON lines on stdout. */
export const log = pino({
  level: process.env.LOG_LEVEL ?? "info",
  base: { service: "handprint" },
  timestamp: pino.stdTimeFunctions.isoTime,
});
