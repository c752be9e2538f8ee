// The model thread's entry (lib/inference/model-host.ts): plain CommonJS that Node loads as it is, so it works
// the same under `next start`, in jest and in the benchmarks, whatever bundles the caller. tsx compiles lib/ on load.
require("tsx/cjs/api").register();
const { open, run, release } = require("./model-worker.ts");

module.exports = run;
module.exports.open = open;
module.exports.run = run;
module.exports.release = release;
