/* eslint-disable */
import * as types from './graphql';



/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  query ModelsPage {\n    models {\n      id\n      number\n      status\n      classSet\n      parentNumber\n      createdAt\n      activatedAt\n      card\n      metrics\n    }\n    trainingRuns(first: 10) {\n      id\n      status\n      mode\n      trigger\n      progress\n      metrics\n      logTail\n      error\n      createdAt\n      modelVersion\n    }\n    retrainTrigger {\n      unseenApproved\n      threshold\n      training {\n        state\n        message\n      }\n    }\n  }\n": typeof types.ModelsPageDocument,
    "\n  mutation StartTraining($mode: TrainingMode!) {\n    startTraining(mode: $mode) {\n      id\n    }\n  }\n": typeof types.StartTrainingDocument,
    "\n  mutation CancelTraining($id: ID!) {\n    cancelTraining(id: $id) {\n      id\n    }\n  }\n": typeof types.CancelTrainingDocument,
    "\n  mutation PromoteModel($id: ID!) {\n    promoteModel(id: $id) {\n      number\n    }\n  }\n": typeof types.PromoteModelDocument,
    "\n  mutation RollbackModel($id: ID!) {\n    rollbackModel(id: $id) {\n      number\n    }\n  }\n": typeof types.RollbackModelDocument,
    "\n  fragment QueueSampleFields on Sample {\n    id\n    version\n    status\n    predictedLabel\n    suggestedLabel\n    confidence\n    topK {\n      label\n      probability\n    }\n    image28\n    restriction\n    unrestrictedTopK {\n      label\n      probability\n    }\n    fieldPosition\n    box {\n      x\n      y\n      width\n      height\n    }\n    field {\n      id\n      text\n      width\n      height\n      characterCount\n      reviewText\n      suggestedText\n    }\n    createdAt\n  }\n": typeof types.QueueSampleFieldsFragmentDoc,
    "\n  query SampleOriginal($id: ID!) {\n    sample(id: $id) {\n      id\n      original\n    }\n  }\n": typeof types.SampleOriginalDocument,
    "\n  query QueueSamples($status: SampleStatus, $orderBy: QueueOrder, $filter: SampleFilter) {\n    samples(status: $status, orderBy: $orderBy, filter: $filter, first: 60) {\n      totalCount\n      edges {\n        node {\n          ...QueueSampleFields\n        }\n      }\n    }\n  }\n": typeof types.QueueSamplesDocument,
    "\n  mutation Approve($items: [SampleRef!]!, $as: ApproveAs) {\n    results: approveSamples(items: $items, as: $as) {\n      ...BulkOutcome\n    }\n  }\n": typeof types.ApproveDocument,
    "\n  mutation Relabel($items: [SampleRef!]!, $label: String!) {\n    results: relabelSamples(items: $items, label: $label) {\n      ...BulkOutcome\n    }\n  }\n": typeof types.RelabelDocument,
    "\n  mutation Reject($items: [SampleRef!]!) {\n    results: rejectSamples(items: $items) {\n      ...BulkOutcome\n    }\n  }\n": typeof types.RejectDocument,
    "\n  fragment BulkOutcome on BulkResult {\n    id\n    ok\n    sample {\n      id\n      status\n      label\n    }\n    error {\n      code\n      message\n    }\n  }\n": typeof types.BulkOutcomeFragmentDoc,
    "\n  mutation Undo {\n    undo {\n      ...QueueSampleFields\n    }\n  }\n": typeof types.UndoDocument,
    "\n  mutation LabelFieldText($id: ID!, $text: String!) {\n    labelFieldText(id: $id, text: $text) {\n      applied\n      results {\n        ...BulkOutcome\n      }\n      field {\n        characters {\n          sampleId\n        }\n      }\n    }\n  }\n": typeof types.LabelFieldTextDocument,
    "\n  mutation Feedback($id: ID!, $correct: Boolean, $label: String) {\n    feedback(id: $id, correct: $correct, label: $label) {\n      suggestedLabel\n    }\n  }\n": typeof types.FeedbackDocument,
    "\n  mutation FieldFeedback($id: ID!, $text: String!) {\n    fieldFeedback(id: $id, text: $text) {\n      suggestedText\n    }\n  }\n": typeof types.FieldFeedbackDocument,
};
const documents: Documents = {
    "\n  query ModelsPage {\n    models {\n      id\n      number\n      status\n      classSet\n      parentNumber\n      createdAt\n      activatedAt\n      card\n      metrics\n    }\n    trainingRuns(first: 10) {\n      id\n      status\n      mode\n      trigger\n      progress\n      metrics\n      logTail\n      error\n      createdAt\n      modelVersion\n    }\n    retrainTrigger {\n      unseenApproved\n      threshold\n      training {\n        state\n        message\n      }\n    }\n  }\n": types.ModelsPageDocument,
    "\n  mutation StartTraining($mode: TrainingMode!) {\n    startTraining(mode: $mode) {\n      id\n    }\n  }\n": types.StartTrainingDocument,
    "\n  mutation CancelTraining($id: ID!) {\n    cancelTraining(id: $id) {\n      id\n    }\n  }\n": types.CancelTrainingDocument,
    "\n  mutation PromoteModel($id: ID!) {\n    promoteModel(id: $id) {\n      number\n    }\n  }\n": types.PromoteModelDocument,
    "\n  mutation RollbackModel($id: ID!) {\n    rollbackModel(id: $id) {\n      number\n    }\n  }\n": types.RollbackModelDocument,
    "\n  fragment QueueSampleFields on Sample {\n    id\n    version\n    status\n    predictedLabel\n    suggestedLabel\n    confidence\n    topK {\n      label\n      probability\n    }\n    image28\n    restriction\n    unrestrictedTopK {\n      label\n      probability\n    }\n    fieldPosition\n    box {\n      x\n      y\n      width\n      height\n    }\n    field {\n      id\n      text\n      width\n      height\n      characterCount\n      reviewText\n      suggestedText\n    }\n    createdAt\n  }\n": types.QueueSampleFieldsFragmentDoc,
    "\n  query SampleOriginal($id: ID!) {\n    sample(id: $id) {\n      id\n      original\n    }\n  }\n": types.SampleOriginalDocument,
    "\n  query QueueSamples($status: SampleStatus, $orderBy: QueueOrder, $filter: SampleFilter) {\n    samples(status: $status, orderBy: $orderBy, filter: $filter, first: 60) {\n      totalCount\n      edges {\n        node {\n          ...QueueSampleFields\n        }\n      }\n    }\n  }\n": types.QueueSamplesDocument,
    "\n  mutation Approve($items: [SampleRef!]!, $as: ApproveAs) {\n    results: approveSamples(items: $items, as: $as) {\n      ...BulkOutcome\n    }\n  }\n": types.ApproveDocument,
    "\n  mutation Relabel($items: [SampleRef!]!, $label: String!) {\n    results: relabelSamples(items: $items, label: $label) {\n      ...BulkOutcome\n    }\n  }\n": types.RelabelDocument,
    "\n  mutation Reject($items: [SampleRef!]!) {\n    results: rejectSamples(items: $items) {\n      ...BulkOutcome\n    }\n  }\n": types.RejectDocument,
    "\n  fragment BulkOutcome on BulkResult {\n    id\n    ok\n    sample {\n      id\n      status\n      label\n    }\n    error {\n      code\n      message\n    }\n  }\n": types.BulkOutcomeFragmentDoc,
    "\n  mutation Undo {\n    undo {\n      ...QueueSampleFields\n    }\n  }\n": types.UndoDocument,
    "\n  mutation LabelFieldText($id: ID!, $text: String!) {\n    labelFieldText(id: $id, text: $text) {\n      applied\n      results {\n        ...BulkOutcome\n      }\n      field {\n        characters {\n          sampleId\n        }\n      }\n    }\n  }\n": types.LabelFieldTextDocument,
    "\n  mutation Feedback($id: ID!, $correct: Boolean, $label: String) {\n    feedback(id: $id, correct: $correct, label: $label) {\n      suggestedLabel\n    }\n  }\n": types.FeedbackDocument,
    "\n  mutation FieldFeedback($id: ID!, $text: String!) {\n    fieldFeedback(id: $id, text: $text) {\n      suggestedText\n    }\n  }\n": types.FieldFeedbackDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ModelsPage {\n    models {\n      id\n      number\n      status\n      classSet\n      parentNumber\n      createdAt\n      activatedAt\n      card\n      metrics\n    }\n    trainingRuns(first: 10) {\n      id\n      status\n      mode\n      trigger\n      progress\n      metrics\n      logTail\n      error\n      createdAt\n      modelVersion\n    }\n    retrainTrigger {\n      unseenApproved\n      threshold\n      training {\n        state\n        message\n      }\n    }\n  }\n"): typeof import('./graphql').ModelsPageDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation StartTraining($mode: TrainingMode!) {\n    startTraining(mode: $mode) {\n      id\n    }\n  }\n"): typeof import('./graphql').StartTrainingDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CancelTraining($id: ID!) {\n    cancelTraining(id: $id) {\n      id\n    }\n  }\n"): typeof import('./graphql').CancelTrainingDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PromoteModel($id: ID!) {\n    promoteModel(id: $id) {\n      number\n    }\n  }\n"): typeof import('./graphql').PromoteModelDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RollbackModel($id: ID!) {\n    rollbackModel(id: $id) {\n      number\n    }\n  }\n"): typeof import('./graphql').RollbackModelDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment QueueSampleFields on Sample {\n    id\n    version\n    status\n    predictedLabel\n    suggestedLabel\n    confidence\n    topK {\n      label\n      probability\n    }\n    image28\n    restriction\n    unrestrictedTopK {\n      label\n      probability\n    }\n    fieldPosition\n    box {\n      x\n      y\n      width\n      height\n    }\n    field {\n      id\n      text\n      width\n      height\n      characterCount\n      reviewText\n      suggestedText\n    }\n    createdAt\n  }\n"): typeof import('./graphql').QueueSampleFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SampleOriginal($id: ID!) {\n    sample(id: $id) {\n      id\n      original\n    }\n  }\n"): typeof import('./graphql').SampleOriginalDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query QueueSamples($status: SampleStatus, $orderBy: QueueOrder, $filter: SampleFilter) {\n    samples(status: $status, orderBy: $orderBy, filter: $filter, first: 60) {\n      totalCount\n      edges {\n        node {\n          ...QueueSampleFields\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').QueueSamplesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Approve($items: [SampleRef!]!, $as: ApproveAs) {\n    results: approveSamples(items: $items, as: $as) {\n      ...BulkOutcome\n    }\n  }\n"): typeof import('./graphql').ApproveDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Relabel($items: [SampleRef!]!, $label: String!) {\n    results: relabelSamples(items: $items, label: $label) {\n      ...BulkOutcome\n    }\n  }\n"): typeof import('./graphql').RelabelDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Reject($items: [SampleRef!]!) {\n    results: rejectSamples(items: $items) {\n      ...BulkOutcome\n    }\n  }\n"): typeof import('./graphql').RejectDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment BulkOutcome on BulkResult {\n    id\n    ok\n    sample {\n      id\n      status\n      label\n    }\n    error {\n      code\n      message\n    }\n  }\n"): typeof import('./graphql').BulkOutcomeFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Undo {\n    undo {\n      ...QueueSampleFields\n    }\n  }\n"): typeof import('./graphql').UndoDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation LabelFieldText($id: ID!, $text: String!) {\n    labelFieldText(id: $id, text: $text) {\n      applied\n      results {\n        ...BulkOutcome\n      }\n      field {\n        characters {\n          sampleId\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').LabelFieldTextDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Feedback($id: ID!, $correct: Boolean, $label: String) {\n    feedback(id: $id, correct: $correct, label: $label) {\n      suggestedLabel\n    }\n  }\n"): typeof import('./graphql').FeedbackDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation FieldFeedback($id: ID!, $text: String!) {\n    fieldFeedback(id: $id, text: $text) {\n      suggestedText\n    }\n  }\n"): typeof import('./graphql').FieldFeedbackDocument;


export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}
