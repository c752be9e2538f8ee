import { adminResolvers } from "./admin";
import { modelResolvers } from "./models";
import { predictionResolvers } from "./predictions";

export const resolvers = {
  ...modelResolvers,
  Sample: adminResolvers.Sample,
  Query: { ...modelResolvers.Query, ...predictionResolvers.Query, ...adminResolvers.Query },
  Mutation: { ...predictionResolvers.Mutation, ...adminResolvers.Mutation },
};
