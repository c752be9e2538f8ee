import pino from "pino";
import { config, ConfigError } from "./config";

/** LOG_LEVEL from the settings; while they are invalid, "info" (the command then stops naming the bad setting). */
function level(): string {
  try {
    return config().LOG_LEVEL;
  } catch (err) {
    if (err instanceof ConfigError) return "info";
    throw err;
  }
}

/** The one logger: JSON lines on stdout, at the level the settings name. */
export const log = pino({
  level: level(),
  base: { service: "handprint" },
  timestamp: pino.stdTimeFunctions.isoTime,
});
