const TEST_SHARE = 26; // of 256: about 10% of user uploads are held out for the evaluation gate

/**
 * The split of a user upload: those whose sha256 starts low are held out from training, fixed, so never seen
 * by any model. A field's characters all take the field's split (one writer never on both sides).
 */
export function heldOutSplit(sha256: string): "train" | "test" {
  return parseInt(sha256.slice(0, 2), 16) < TEST_SHARE ? "test" : "train";
}
