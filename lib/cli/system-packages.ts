import { spawnSync } from "node:child_process";

/**
 * Installs Debian/Ubuntu packages with apt-get when we may (root, or password-less sudo);
 * otherwise says exactly what to run. Prints every command it runs.
 */
export function aptInstall(packages: string[], why: string, log: (line: string) => void): void {
  const isRoot = process.getuid?.() === 0;
  const hasApt = spawnSync("sh", ["-c", "command -v apt-get"]).status === 0;
  const manual = `sudo apt-get install -y ${packages.join(" ")}`;
  if (!hasApt) throw new Error(`${why}. Install ${packages.join(", ")} with your system's package manager and run this again.`);
  const sudo = isRoot ? [] : spawnSync("sudo", ["-n", "true"]).status === 0 ? ["sudo", "-n"] : undefined;
  if (!sudo) {
    throw new Error(`${why}. Installing it needs administrator rights; run:\n  ${manual}\nthen run this command again.`);
  }
  const run = (args: string[]) => {
    const cmd = [...sudo, ...args];
    log(`$ ${cmd.join(" ")}`);
    return spawnSync(cmd[0], cmd.slice(1), { stdio: "inherit", env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" } }).status === 0;
  };
  if (run(["apt-get", "install", "-y", "--no-install-recommends", ...packages])) return;
  if (run(["apt-get", "update"]) && run(["apt-get", "install", "-y", "--no-install-recommends", ...packages])) return;
  throw new Error(`installing ${packages.join(", ")} failed (see above); try:\n  ${manual}`);
}
