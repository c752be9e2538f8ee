import type { Db } from "../db/client";
import { errorSummary } from "../error-summary";
import { log } from "../log";
import { parseCard, type ModelCard } from "../models/card";
import { inThreadHost, type ModelHost, type OpenModel } from "./model-host";

export type ServingModel = {
  id: number;
  number: number;
  classSet: string;
  classes: string[];
  card: ModelCard;
  /** Its session, on the host the ActiveModel was given. */
  session: OpenModel;
};

const RELEASE_AFTER_MS = 30_000;

/**
 * Keeps the active model version loaded, checking the database for a newly active one every
 * `pollMs`. A new version is loaded beside the old one and swapped in at once; the old session
 * is released later so requests already running on it finish.
 */
export class ActiveModel {
  private current?: ServingModel;
  private loading?: Promise<ServingModel | undefined>;
  private timer?: NodeJS.Timeout;
  private readonly pollMs: number;
  private readonly host: ModelHost;
  lastError?: string;

  /** `host`: where sessions run (the server gives its model thread); in this thread when not given. */
  constructor(
    private readonly db: Db,
    opts: { pollMs: number; threads: number; host?: ModelHost },
  ) {
    this.pollMs = opts.pollMs;
    this.host = opts.host ?? inThreadHost(opts.threads);
  }

  get(): ServingModel | undefined {
    return this.current;
  }

  /** The serving model, loading it first if needed. Throws when there is none. */
  async require(): Promise<ServingModel> {
    const model = this.current ?? (await this.refresh());
    if (!model) throw new Error(this.lastError ?? "no active model version");
    this.startPolling();
    return model;
  }

  startPolling(): void {
    if (this.timer) return;
    this.timer = setInterval(() => void this.refresh().catch(() => undefined), this.pollMs);
    this.timer.unref();
  }

  /** Stops polling and waits for a load in flight, so nothing queries the database after it is closed. */
  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    await this.loading;
  }

  refresh(): Promise<ServingModel | undefined> {
    this.loading ??= this.load().finally(() => (this.loading = undefined));
    return this.loading;
  }

  private async load(): Promise<ServingModel | undefined> {
    try {
      const row = await this.db.modelVersion.findFirst({
        where: { status: "active" },
        orderBy: { activatedAt: "desc" },
        select: { id: true },
      });
      if (!row) {
        this.lastError = "no model version is active";
        return this.current;
      }
      if (row.id === this.current?.id) return this.current;
      const full = await this.db.modelVersion.findUniqueOrThrow({ where: { id: row.id } });
      const card = parseCard(full.card, `model version ${full.number}`);
      const session = await this.host.open(`version-${full.id}`, full.onnx);
      const previous = this.current;
      this.current = { id: full.id, number: full.number, classSet: full.classSet, classes: card.classes, card, session };
      this.lastError = undefined;
      log.info({ model: full.number, classSet: full.classSet, replaced: previous?.number }, "model version loaded");
      if (previous) setTimeout(() => void previous.session.release().catch(() => undefined), RELEASE_AFTER_MS).unref();
      return this.current;
    } catch (err) {
      this.lastError = errorSummary(err);
      log.error({ err: this.lastError }, "loading the active model failed");
      return this.current;
    }
  }
}
