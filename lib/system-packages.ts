import { spawn, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { findMariadbd } from "./db/embedded";

/**
 * The one list of Debian/Ubuntu packages the project needs, with what each is for. `npm start` installs
 * the "serve" ones before serving and the "training" ones in the background (the worker waits for them);
 * `npm test` installs all of them; .ci/run only calls `npm test`.
 */
export type Need = "serve" | "training" | "tests";

type SystemPackage = { name: string; for: Need[]; why: string; present: (python: string) => boolean; pythonModule?: string };

const importable = (module: string) => (python: string) => spawnSync(python, ["-c", `import ${module}`], { stdio: "ignore" }).status === 0;
const pythonPackage = (name: string, module: string, why: string): SystemPackage => ({ name, for: ["training", "tests"], why, present: importable(module), pythonModule: module });
const installed = (name: string) => () => spawnSync("dpkg-query", ["-W", "-f=${Status}", name], { encoding: "utf8" }).stdout?.includes("install ok installed") ?? false;
const handwritingFont = (name: string): SystemPackage => ({
  name,
  for: ["training", "tests"],
  why: "a handwriting font for the generated base data (the bundled model's data used it)",
  present: installed(name),
});

const SYSTEM_PACKAGES: SystemPackage[] = [
  { name: "mariadb-server", for: ["serve", "tests"], why: "the private database (unless DATABASE_URL names another server)", present: () => !!findMariadbd() },
  pythonPackage("python3-torch", "torch", "PyTorch, which trains and fine-tunes the model"),
  pythonPackage("python3-onnx", "onnx", "writes the trained model as ONNX for serving"),
  pythonPackage("python3-scipy", "scipy", "elastic distortion in the generated base data"),
  pythonPackage("python3-pil", "PIL", "draws the generated base data"),
  { name: "hershey-fonts-data", for: ["training", "tests"], why: "single-stroke fonts drawn as pen paths in the generated base data", present: () => existsSync("/usr/share/hershey-fonts") },
  ...["fonts-dkg-handwriting", "fonts-bwht", "fonts-femkeklaver", "fonts-breip", "fonts-rufscript", "fonts-humor-sans", "fonts-dancingscript", "fonts-comic-neue"].map(handwritingFont),
  { name: "chromium", for: ["tests"], why: "the browser tests (through playwright-core)", present: () => spawnSync("sh", ["-c", "command -v chromium"], { stdio: "ignore" }).status === 0 },
];

/** The packages for these needs that are not installed (python: the interpreter training runs with). */
export function missingPackages(needs: Need[], python: string): SystemPackage[] {
  const wanted = SYSTEM_PACKAGES.filter((p) => p.for.some((n) => needs.includes(n)));
  // One interpreter start for all the Python modules (importing torch takes a second or two); one per
  // module only when something is missing, to name it.
  const modules = wanted.map((p) => p.pythonModule).filter(Boolean);
  const allImport = modules.length > 0 && importable(modules.join(", "))(python);
  return wanted.filter((p) => !(allImport && p.pythonModule) && !p.present(python));
}

export const installCommand = (packages: string[]) => `sudo apt-get install -y --no-install-recommends ${packages.join(" ")}`;

/** How apt may be run here: as root, with password-less sudo, or not at all (the reason). */
function aptRunner(): string[] | string {
  if (spawnSync("sh", ["-c", "command -v apt-get"]).status !== 0) return "this system has no apt-get";
  if (process.getuid?.() === 0) return [];
  if (spawnSync("sudo", ["-n", "true"], { stdio: "ignore" }).status === 0) return ["sudo", "-n"];
  return "installing needs administrator rights";
}

function runAsync(cmd: string[], log: (line: string) => void, quiet: boolean): Promise<boolean> {
  log(`$ ${cmd.join(" ")}`);
  return new Promise((resolve) => {
    const child = spawn(cmd[0], cmd.slice(1), { stdio: quiet ? "ignore" : "inherit", env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" } });
    child.on("error", () => resolve(false));
    child.on("exit", (code) => resolve(code === 0));
  });
}

/**
 * Installs packages with apt-get when we may (root, or password-less sudo); otherwise throws saying exactly
 * what to run. Prints every command it runs. `quiet` keeps apt's own output off the terminal (background installs).
 */
export async function aptInstall(packages: string[], why: string, log: (line: string) => void, opts: { quiet?: boolean } = {}): Promise<void> {
  if (!packages.length) return;
  const runner = aptRunner();
  if (typeof runner === "string") throw new Error(`${why}. ${runner[0].toUpperCase()}${runner.slice(1)}; run:\n  ${installCommand(packages)}\nthen run this command again.`);
  const install = [...runner, "apt-get", "install", "-y", "--no-install-recommends", ...packages];
  if (await runAsync(install, log, !!opts.quiet)) return;
  if ((await runAsync([...runner, "apt-get", "update"], log, !!opts.quiet)) && (await runAsync(install, log, !!opts.quiet))) return;
  throw new Error(`installing ${packages.join(", ")} failed${opts.quiet ? "" : " (see above)"}; try:\n  ${installCommand(packages)}`);
}

/** Installs whatever these needs lack; `what` names the command for the message ("the tests"). */
export async function ensurePackages(needs: Need[], what: string, opts: { python: string; skipApt: boolean; log: (line: string) => void; quiet?: boolean }): Promise<void> {
  const missing = missingPackages(needs, opts.python);
  if (!missing.length) return;
  const why = `${what} need ${missing.map((p) => `${p.name} (${p.why})`).join(", ")}`;
  if (opts.skipApt) throw new Error(`${why}, and SKIP_APT is set; run:\n  ${installCommand(missing.map((p) => p.name))}`);
  await aptInstall(missing.map((p) => p.name), why, opts.log, { quiet: opts.quiet });
  const still = missingPackages(needs, opts.python);
  if (still.length) throw new Error(`after installing, ${still.map((p) => p.name).join(", ")} still cannot be used by ${opts.python}`);
}
