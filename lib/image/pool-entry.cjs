// The image pool's worker (lib/image/pool.ts): plain CommonJS that Node loads as it is, so it works the same
// under `next start`, in jest and in the benchmarks, whatever bundles the caller. tsx compiles lib/ on load.
require("tsx/cjs/api").register();
// Uploads are never the same twice: libvips' operation cache would only cost time and memory.
require("sharp").cache(false);
// Below the request thread and the model's: under load these threads would otherwise take the cores from the
// one thread every request passes through (HTTP, batching, storing, answering) and leave the queue of
// analysed uploads waiting on it. On Linux this sets the niceness of this thread alone (elsewhere it would be
// the whole process's); raising it needs no privilege.
const os = require("node:os");
if (process.platform === "linux") os.setPriority(0, os.constants.priority.PRIORITY_BELOW_NORMAL);
const { analyseUpload, analyseField } = require("./analyse.ts");

module.exports = function analyse({ bytes, maxInputPixels }) {
  return analyseUpload(bytes, maxInputPixels);
};
// A line of handwriting: its segmentation lattice (piscina runs it when a task names "field").
module.exports.field = function field({ bytes, maxInputPixels }) {
  return analyseField(bytes, maxInputPixels);
};
