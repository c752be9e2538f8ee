import { RateLimiterMemory, RateLimiterRes } from "rate-limiter-flexible";
import { ApiError } from "./api-errors";

/** Requests per client and window, counted in this process (rate-limiter-flexible's memory store). */
export class RateLimiter {
  private readonly limiter?: RateLimiterMemory;

  /** `limit` requests per `windowMs`; 0 turns the limit off. */
  constructor(limit: number, windowMs = 60_000) {
    if (limit > 0) this.limiter = new RateLimiterMemory({ points: limit, duration: Math.ceil(windowMs / 1000) });
  }

  /** Gives back the point one request took (it turned out not to count). */
  async refund(key: string): Promise<void> {
    await this.limiter?.reward(key, 1);
  }

  /** Counts one request; resolves to the seconds to wait when the client is over its limit, else 0. */
  async take(key: string): Promise<number> {
    if (!this.limiter) return 0;
    try {
      await this.limiter.consume(key);
      return 0;
    } catch (err) {
      if (err instanceof RateLimiterRes) return Math.max(1, Math.ceil(err.msBeforeNext / 1000));
      throw err;
    }
  }
}

/**
 * The client's address. The web server's preload (lib/http/client-address.cjs) has already rewritten
 * X-Forwarded-For to the one address TRUSTED_PROXIES allows: by default the socket's, whatever a client sent.
 */
export function clientKey(headers: Headers): string {
  return headers.get("x-forwarded-for")?.split(",")[0]?.trim() || "local";
}

/** Counts one request of this client and refuses it (RATE_LIMITED, with retryAfter) when over the limit. */
export async function enforceRateLimit(limiter: RateLimiter, key: string, what = "predictions"): Promise<void> {
  const wait = await limiter.take(key);
  if (wait) throw new ApiError("RATE_LIMITED", `too many ${what}; try again in ${wait} s`, { retryAfter: wait });
}
