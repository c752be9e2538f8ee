import type { Config } from "../config";
import { aptInstall, installCommand, missingPackages } from "../system-packages";
import type { StackStatus } from "./availability";

/**
 * Makes this machine able to train: installs the training packages (PyTorch first among them) with apt
 * when they are missing and apt may run, reporting each state as it goes. Never throws: what it cannot
 * do comes back as "unavailable" with the reason and the command that fixes it.
 */
export async function prepareTrainingStack(cfg: Config, report: (s: StackStatus) => Promise<void> | void): Promise<StackStatus> {
  await report({ state: "checking", detail: `checking PyTorch and the training packages for ${cfg.PYTHON}` });
  const missing = missingPackages(["training"], cfg.PYTHON).map((p) => p.name);
  if (!missing.length) return finish({ state: "ready", detail: `PyTorch and the training packages are installed (${cfg.PYTHON})` });
  const fix = `${installCommand(missing)}, then restart the worker (npm start or npm run worker)`;
  if (cfg.SKIP_APT) return finish({ state: "unavailable", detail: `${missing.join(", ")} not installed and SKIP_APT is set; run: ${fix}` });
  const what = missing.includes("python3-torch") ? "PyTorch" : missing.join(", ");
  await report({ state: "installing", detail: `installing ${what} (${missing.join(" ")})…` });
  try {
    await aptInstall(missing, `training needs ${missing.join(", ")}`, () => undefined, { quiet: true });
  } catch (err) {
    const reason = (err instanceof Error ? err.message : String(err)).split("\n")[0];
    return finish({ state: "unavailable", detail: `${reason}; run: ${fix}` });
  }
  const still = missingPackages(["training"], cfg.PYTHON).map((p) => p.name);
  return finish(
    still.length
      ? { state: "unavailable", detail: `${still.join(", ")} still cannot be used by ${cfg.PYTHON} after installing; run: ${fix}` }
      : { state: "ready", detail: `installed ${missing.join(", ")}` },
  );

  async function finish(s: StackStatus): Promise<StackStatus> {
    await report(s);
    return s;
  }
}

