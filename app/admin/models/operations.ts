import { graphql } from "../../_generated";

export const ModelsPageQuery = graphql(`
  query ModelsPage {
    models {
      id
      number
      status
      classSet
      parentNumber
      createdAt
      activatedAt
      card
      metrics
    }
    trainingRuns(first: 10) {
      id
      status
      mode
      trigger
      progress
      metrics
      logTail
      error
      createdAt
      modelVersion
    }
    retrainTrigger {
      unseenApproved
      threshold
      training {
        state
        message
      }
    }
  }
`);

export const StartTrainingMutation = graphql(`
  mutation StartTraining($mode: TrainingMode!) {
    startTraining(mode: $mode) {
      id
    }
  }
`);

export const CancelTrainingMutation = graphql(`
  mutation CancelTraining($id: ID!) {
    cancelTraining(id: $id) {
      id
    }
  }
`);

export const PromoteModelMutation = graphql(`
  mutation PromoteModel($id: ID!) {
    promoteModel(id: $id) {
      number
    }
  }
`);

export const RollbackModelMutation = graphql(`
  mutation RollbackModel($id: ID!) {
    rollbackModel(id: $id) {
      number
    }
  }
`);
