import { modelResolvers } from "./models";
import { predictionResolvers } from "./predictions";

export const resolvers = {
  ...modelResolvers,
  Query: { ...modelResolvers.Query, ...predictionResolvers.Query },
  Mutation: { ...predictionResolvers.Mutation },
};
