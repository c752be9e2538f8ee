import type { Db } from "../lib/db/client";
import type { ActiveModel } from "../lib/inference/active-model";

export type Context = {
  db: Db;
  activeModel: ActiveModel;
};
