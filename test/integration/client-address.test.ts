import { useApp } from "../helpers/app";

describe("per-client limits hold against a rotated X-Forwarded-For", () => {
  // No TRUSTED_PROXIES: the tests' usual loopback proxy is not trusted here, as on a default install.
  const app = useApp({ env: { TRUSTED_PROXIES: "", RATE_LIMIT_PER_MINUTE: "3" } });

  it("counts a direct client by its socket address, whatever address it claims", async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) {
      const res = await fetch(`${app.server.url}/api/predict?preview=1`, {
        method: "POST",
        headers: { "content-type": "image/png", "x-forwarded-for": `10.66.0.${i}`, "x-real-ip": `10.77.0.${i}` },
        body: "not a png",
      });
      statuses.push(res.status);
      await res.arrayBuffer();
    }
    expect(statuses.slice(3)).toEqual([429, 429]);
  });
});
