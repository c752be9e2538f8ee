// The image pool's worker (lib/image/pool.ts): plain CommonJS that Node loads as it is, so it works the same
// under `next start`, in jest and in the benchmarks, whatever bundles the caller. tsx compiles lib/ on load.
require("tsx/cjs/api").register();
// Uploads are never the same twice: libvips' operation cache would only cost time and memory.
require("sharp").cache(false);
const { analyseUpload, analyseField } = require("./analyse.ts");

module.exports = function analyse({ bytes, maxInputPixels }) {
  return analyseUpload(bytes, maxInputPixels);
};
// A line of handwriting: its segmentation lattice (piscina runs it when a task names "field").
module.exports.field = function field({ bytes, maxInputPixels }) {
  return analyseField(bytes, maxInputPixels);
};
