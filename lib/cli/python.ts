// Runs one of the Python training scripts with the configured interpreter (PYTHON, default /usr/bin/python3).
import { spawnSync } from "node:child_process";
import { config } from "../config";

const [script, ...args] = process.argv.slice(2);
const python = config().PYTHON;
const res = spawnSync(python, [script, ...args], { stdio: "inherit", env: { ...process.env, PYTHONUNBUFFERED: "1" } });
if (res.error) {
  process.stderr.write(`cannot run ${python}: ${res.error.message}\nInstall PyTorch (Debian: apt-get install python3-torch python3-onnx python3-scipy python3-pil) or set PYTHON.\n`);
  process.exit(1);
}
process.exit(res.status ?? 1);
