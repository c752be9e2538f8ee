import type { Config } from "../config";
import type { Db } from "../db/client";
import type { TrainingRun } from "../db/generated/client";

const LOG_TAIL = 6000;
const CURVE_POINTS = 300; // the live loss and accuracy curves keep at most this many points (thinned evenly)

export type CurvePoint = { at: number; loss: number; accuracy: number };

/** What the models page shows of a live run: the phase from the first second, then the trainer's progress. */
export type Progress = {
  phase: string;
  epoch?: number;
  epochs?: number;
  step?: number;
  loss?: number;
  accuracy?: number;
  etaS?: number;
  history: unknown[];
  curve: CurvePoint[];
};

export class RunLog {
  private text = "";
  constructor(private readonly onLine?: (line: string) => void) {}
  add(line: string) {
    this.onLine?.(line);
    this.text = `${this.text}${line}\n`.slice(-LOG_TAIL);
  }
  get tail() {
    return this.text;
  }
}

export function addPoint(curve: CurvePoint[], point: CurvePoint): void {
  curve.push(point);
  if (curve.length > CURVE_POINTS) for (let i = curve.length - 2; i > 0; i -= 2) curve.splice(i, 1);
}

/** Everything a stage of a run needs: the run, a scratch folder, the log, the progress and the cancel signal. */
export type RunContext = {
  db: Db;
  cfg: Config;
  run: TrainingRun;
  workerId: string;
  work: string;
  log: RunLog;
  progress: Progress;
  signal: AbortSignal;
  /** Names the phase the page shows ("importing the base data") and writes it out at once. */
  phase(name: string): Promise<void>;
};
