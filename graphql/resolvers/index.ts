import { adminResolvers } from "./admin";
import { fieldResolvers } from "./fields";
import { modelResolvers } from "./models";
import { predictionResolvers } from "./predictions";
import { trainingResolvers } from "./training";

import type { Resolvers } from "../generated/types";

/** Every resolver, checked against the types generated from schema.graphql (`npm run codegen`). */
export const resolvers: Resolvers = {
  ...modelResolvers,
  Sample: adminResolvers.Sample,
  Query: { ...modelResolvers.Query, ...predictionResolvers.Query, ...adminResolvers.Query, ...trainingResolvers.Query, ...fieldResolvers.Query },
  Mutation: { ...predictionResolvers.Mutation, ...adminResolvers.Mutation, ...trainingResolvers.Mutation, ...fieldResolvers.Mutation },
};
