// Jest runs each test file in its own realm, so its typed arrays are not Node's. onnxruntime-node checks
// `instanceof Float32Array` against the test realm's class and rejects the arrays its native code made.
// Sharing Node's typed-array classes with the test realm keeps the real runtime working unmocked.
const { TestEnvironment } = require("jest-environment-node");

class SharedTypedArraysEnvironment extends TestEnvironment {
  constructor(config, context) {
    super(config, context);
    for (const T of [ArrayBuffer, Float32Array, Float64Array, Int8Array, Int16Array, Int32Array, Uint8Array, Uint16Array, Uint32Array, BigInt64Array, BigUint64Array]) {
      this.global[T.name] = T;
    }
  }
}

module.exports = SharedTypedArraysEnvironment;
