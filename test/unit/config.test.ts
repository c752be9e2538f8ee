import { ConfigError, parseConfig } from "../../lib/config";

describe("config", () => {
  it("has documented defaults", () => {
    const cfg = parseConfig({});
    expect(cfg.PORT).toBe(3000);
    expect(cfg.DATABASE_URL).toBeUndefined();
    expect(cfg.MAX_UPLOAD_BYTES).toBe(10 * 1024 * 1024);
    expect(cfg.RETRAIN_AFTER).toBe(200);
    expect(cfg.PYTHON).toBe("/usr/bin/python3");
  });

  it("coerces numbers and treats empty values as unset", () => {
    const cfg = parseConfig({ PORT: "8080", DATABASE_URL: "" });
    expect(cfg.PORT).toBe(8080);
    expect(cfg.DATABASE_URL).toBeUndefined();
  });

  it("names every invalid setting", () => {
    expect(() => parseConfig({ PORT: "seventy", DATABASE_URL: "postgres://x/y", ADMIN_PASSWORD: "short" })).toThrow(ConfigError);
    try {
      parseConfig({ PORT: "seventy", DATABASE_URL: "postgres://x/y", ADMIN_PASSWORD: "short" });
    } catch (err) {
      const message = (err as Error).message;
      expect(message).toContain("PORT");
      expect(message).toContain("DATABASE_URL: must start with mysql:// or mariadb://");
      expect(message).toContain("ADMIN_PASSWORD: must be at least 8 characters");
    }
  });
});
