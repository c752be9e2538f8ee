import { adminResolvers } from "./admin";
import { modelResolvers } from "./models";
import { predictionResolvers } from "./predictions";
import { trainingResolvers } from "./training";

export const resolvers = {
  ...modelResolvers,
  Sample: adminResolvers.Sample,
  Query: { ...modelResolvers.Query, ...predictionResolvers.Query, ...adminResolvers.Query, ...trainingResolvers.Query },
  Mutation: { ...predictionResolvers.Mutation, ...adminResolvers.Mutation, ...trainingResolvers.Mutation },
};
