/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
export type ApproveAs =
  | 'PREDICTED'
  | 'SUGGESTED';

export type ModelStatus =
  | 'ACTIVE'
  | 'CANDIDATE'
  | 'REJECTED'
  | 'RETIRED';

export type QueueOrder =
  | 'BY_PREDICTED_LABEL'
  | 'NEWEST_FIRST'
  | 'SUGGESTIONS_FIRST'
  | 'UNCERTAIN_FIRST';

export type SampleFilter = {
  /** Only those with (true) or without (false) a visitor's suggestion. */
  hasFeedback?: boolean | null | undefined;
  /** The label an admin gave (approved samples). */
  label?: string | null | undefined;
  predictedLabel?: string | null | undefined;
};

export type SampleRef = {
  id: string | number;
  version: number;
};

export type SampleStatus =
  | 'APPROVED'
  | 'PENDING'
  | 'REJECTED';

export type TrainingMode =
  | 'FINE_TUNE'
  | 'FULL';

export type TrainingStatus =
  | 'CANCELLED'
  | 'FAILED'
  | 'QUEUED'
  | 'RUNNING'
  | 'SUCCEEDED';

export type ModelsPageQueryVariables = Exact<{ [key: string]: never; }>;


export type ModelsPageQuery = { models: Array<{ id: string, number: number, status: ModelStatus, classSet: string, parentNumber: number | null, createdAt: string, activatedAt: string | null, card: unknown, metrics: unknown }>, trainingRuns: Array<{ id: string, status: TrainingStatus, mode: TrainingMode, trigger: string, progress: number, metrics: unknown, logTail: string | null, error: string | null, createdAt: string, modelVersion: number | null }>, retrainTrigger: { unseenApproved: number, threshold: number, training: { state: string, message: string } } };

export type StartTrainingMutationVariables = Exact<{
  mode: TrainingMode;
}>;


export type StartTrainingMutation = { startTraining: { id: string } };

export type CancelTrainingMutationVariables = Exact<{
  id: string | number;
}>;


export type CancelTrainingMutation = { cancelTraining: { id: string } };

export type PromoteModelMutationVariables = Exact<{
  id: string | number;
}>;


export type PromoteModelMutation = { promoteModel: { number: number } };

export type RollbackModelMutationVariables = Exact<{
  id: string | number;
}>;


export type RollbackModelMutation = { rollbackModel: { number: number } };

export type QueueSampleFieldsFragment = { id: string, version: number, status: SampleStatus, predictedLabel: string | null, suggestedLabel: string | null, confidence: number | null, image28: string, restriction: string | null, fieldPosition: number | null, createdAt: string, topK: Array<{ label: string, probability: number }> | null, unrestrictedTopK: Array<{ label: string, probability: number }> | null, box: { x: number, y: number, width: number, height: number } | null, field: { id: string, text: string, width: number, height: number, characterCount: number, reviewText: string | null, suggestedText: string | null } | null };

export type SampleOriginalQueryVariables = Exact<{
  id: string | number;
}>;


export type SampleOriginalQuery = { sample: { id: string, original: string | null } | null };

export type QueueSamplesQueryVariables = Exact<{
  status?: SampleStatus | null | undefined;
  orderBy?: QueueOrder | null | undefined;
  filter?: SampleFilter | null | undefined;
}>;


export type QueueSamplesQuery = { samples: { totalCount: number, edges: Array<{ node: { id: string, version: number, status: SampleStatus, predictedLabel: string | null, suggestedLabel: string | null, confidence: number | null, image28: string, restriction: string | null, fieldPosition: number | null, createdAt: string, topK: Array<{ label: string, probability: number }> | null, unrestrictedTopK: Array<{ label: string, probability: number }> | null, box: { x: number, y: number, width: number, height: number } | null, field: { id: string, text: string, width: number, height: number, characterCount: number, reviewText: string | null, suggestedText: string | null } | null } }> } };

export type ApproveMutationVariables = Exact<{
  items: Array<SampleRef> | SampleRef;
  as?: ApproveAs | null | undefined;
}>;


export type ApproveMutation = { results: Array<{ id: string, ok: boolean, sample: { id: string, status: SampleStatus, label: string | null } | null, error: { code: string, message: string } | null }> };

export type RelabelMutationVariables = Exact<{
  items: Array<SampleRef> | SampleRef;
  label: string;
}>;


export type RelabelMutation = { results: Array<{ id: string, ok: boolean, sample: { id: string, status: SampleStatus, label: string | null } | null, error: { code: string, message: string } | null }> };

export type RejectMutationVariables = Exact<{
  items: Array<SampleRef> | SampleRef;
}>;


export type RejectMutation = { results: Array<{ id: string, ok: boolean, sample: { id: string, status: SampleStatus, label: string | null } | null, error: { code: string, message: string } | null }> };

export type BulkOutcomeFragment = { id: string, ok: boolean, sample: { id: string, status: SampleStatus, label: string | null } | null, error: { code: string, message: string } | null };

export type UndoMutationVariables = Exact<{ [key: string]: never; }>;


export type UndoMutation = { undo: Array<{ id: string, version: number, status: SampleStatus, predictedLabel: string | null, suggestedLabel: string | null, confidence: number | null, image28: string, restriction: string | null, fieldPosition: number | null, createdAt: string, topK: Array<{ label: string, probability: number }> | null, unrestrictedTopK: Array<{ label: string, probability: number }> | null, box: { x: number, y: number, width: number, height: number } | null, field: { id: string, text: string, width: number, height: number, characterCount: number, reviewText: string | null, suggestedText: string | null } | null }> };

export type LabelFieldTextMutationVariables = Exact<{
  id: string | number;
  text: string;
}>;


export type LabelFieldTextMutation = { labelFieldText: { applied: boolean, results: Array<{ id: string, ok: boolean, sample: { id: string, status: SampleStatus, label: string | null } | null, error: { code: string, message: string } | null }>, field: { characters: Array<{ sampleId: string | null }> } } };

export type FeedbackMutationVariables = Exact<{
  id: string | number;
  correct?: boolean | null | undefined;
  label?: string | null | undefined;
}>;


export type FeedbackMutation = { feedback: { suggestedLabel: string | null } };

export type FieldFeedbackMutationVariables = Exact<{
  id: string | number;
  text: string;
}>;


export type FieldFeedbackMutation = { fieldFeedback: { suggestedText: string | null } };

export class TypedDocumentString<TResult, TVariables>
  extends String
  implements DocumentTypeDecoration<TResult, TVariables>
{
  __apiType?: NonNullable<DocumentTypeDecoration<TResult, TVariables>['__apiType']>;
  private value: string;
  public __meta__?: Record<string, any> | undefined;

  constructor(value: string, __meta__?: Record<string, any> | undefined) {
    super(value);
    this.value = value;
    this.__meta__ = __meta__;
  }

  override toString(): string & DocumentTypeDecoration<TResult, TVariables> {
    return this.value;
  }
}
export const QueueSampleFieldsFragmentDoc = new TypedDocumentString(`
    fragment QueueSampleFields on Sample {
  id
  version
  status
  predictedLabel
  suggestedLabel
  confidence
  topK {
    label
    probability
  }
  image28
  restriction
  unrestrictedTopK {
    label
    probability
  }
  fieldPosition
  box {
    x
    y
    width
    height
  }
  field {
    id
    text
    width
    height
    characterCount
    reviewText
    suggestedText
  }
  createdAt
}
    `, {"fragmentName":"QueueSampleFields"}) as unknown as TypedDocumentString<QueueSampleFieldsFragment, unknown>;
export const BulkOutcomeFragmentDoc = new TypedDocumentString(`
    fragment BulkOutcome on BulkResult {
  id
  ok
  sample {
    id
    status
    label
  }
  error {
    code
    message
  }
}
    `, {"fragmentName":"BulkOutcome"}) as unknown as TypedDocumentString<BulkOutcomeFragment, unknown>;
export const ModelsPageDocument = new TypedDocumentString(`
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
    `) as unknown as TypedDocumentString<ModelsPageQuery, ModelsPageQueryVariables>;
export const StartTrainingDocument = new TypedDocumentString(`
    mutation StartTraining($mode: TrainingMode!) {
  startTraining(mode: $mode) {
    id
  }
}
    `) as unknown as TypedDocumentString<StartTrainingMutation, StartTrainingMutationVariables>;
export const CancelTrainingDocument = new TypedDocumentString(`
    mutation CancelTraining($id: ID!) {
  cancelTraining(id: $id) {
    id
  }
}
    `) as unknown as TypedDocumentString<CancelTrainingMutation, CancelTrainingMutationVariables>;
export const PromoteModelDocument = new TypedDocumentString(`
    mutation PromoteModel($id: ID!) {
  promoteModel(id: $id) {
    number
  }
}
    `) as unknown as TypedDocumentString<PromoteModelMutation, PromoteModelMutationVariables>;
export const RollbackModelDocument = new TypedDocumentString(`
    mutation RollbackModel($id: ID!) {
  rollbackModel(id: $id) {
    number
  }
}
    `) as unknown as TypedDocumentString<RollbackModelMutation, RollbackModelMutationVariables>;
export const SampleOriginalDocument = new TypedDocumentString(`
    query SampleOriginal($id: ID!) {
  sample(id: $id) {
    id
    original
  }
}
    `) as unknown as TypedDocumentString<SampleOriginalQuery, SampleOriginalQueryVariables>;
export const QueueSamplesDocument = new TypedDocumentString(`
    query QueueSamples($status: SampleStatus, $orderBy: QueueOrder, $filter: SampleFilter) {
  samples(status: $status, orderBy: $orderBy, filter: $filter, first: 60) {
    totalCount
    edges {
      node {
        ...QueueSampleFields
      }
    }
  }
}
    fragment QueueSampleFields on Sample {
  id
  version
  status
  predictedLabel
  suggestedLabel
  confidence
  topK {
    label
    probability
  }
  image28
  restriction
  unrestrictedTopK {
    label
    probability
  }
  fieldPosition
  box {
    x
    y
    width
    height
  }
  field {
    id
    text
    width
    height
    characterCount
    reviewText
    suggestedText
  }
  createdAt
}`) as unknown as TypedDocumentString<QueueSamplesQuery, QueueSamplesQueryVariables>;
export const ApproveDocument = new TypedDocumentString(`
    mutation Approve($items: [SampleRef!]!, $as: ApproveAs) {
  results: approveSamples(items: $items, as: $as) {
    ...BulkOutcome
  }
}
    fragment BulkOutcome on BulkResult {
  id
  ok
  sample {
    id
    status
    label
  }
  error {
    code
    message
  }
}`) as unknown as TypedDocumentString<ApproveMutation, ApproveMutationVariables>;
export const RelabelDocument = new TypedDocumentString(`
    mutation Relabel($items: [SampleRef!]!, $label: String!) {
  results: relabelSamples(items: $items, label: $label) {
    ...BulkOutcome
  }
}
    fragment BulkOutcome on BulkResult {
  id
  ok
  sample {
    id
    status
    label
  }
  error {
    code
    message
  }
}`) as unknown as TypedDocumentString<RelabelMutation, RelabelMutationVariables>;
export const RejectDocument = new TypedDocumentString(`
    mutation Reject($items: [SampleRef!]!) {
  results: rejectSamples(items: $items) {
    ...BulkOutcome
  }
}
    fragment BulkOutcome on BulkResult {
  id
  ok
  sample {
    id
    status
    label
  }
  error {
    code
    message
  }
}`) as unknown as TypedDocumentString<RejectMutation, RejectMutationVariables>;
export const UndoDocument = new TypedDocumentString(`
    mutation Undo {
  undo {
    ...QueueSampleFields
  }
}
    fragment QueueSampleFields on Sample {
  id
  version
  status
  predictedLabel
  suggestedLabel
  confidence
  topK {
    label
    probability
  }
  image28
  restriction
  unrestrictedTopK {
    label
    probability
  }
  fieldPosition
  box {
    x
    y
    width
    height
  }
  field {
    id
    text
    width
    height
    characterCount
    reviewText
    suggestedText
  }
  createdAt
}`) as unknown as TypedDocumentString<UndoMutation, UndoMutationVariables>;
export const LabelFieldTextDocument = new TypedDocumentString(`
    mutation LabelFieldText($id: ID!, $text: String!) {
  labelFieldText(id: $id, text: $text) {
    applied
    results {
      ...BulkOutcome
    }
    field {
      characters {
        sampleId
      }
    }
  }
}
    fragment BulkOutcome on BulkResult {
  id
  ok
  sample {
    id
    status
    label
  }
  error {
    code
    message
  }
}`) as unknown as TypedDocumentString<LabelFieldTextMutation, LabelFieldTextMutationVariables>;
export const FeedbackDocument = new TypedDocumentString(`
    mutation Feedback($id: ID!, $correct: Boolean, $label: String) {
  feedback(id: $id, correct: $correct, label: $label) {
    suggestedLabel
  }
}
    `) as unknown as TypedDocumentString<FeedbackMutation, FeedbackMutationVariables>;
export const FieldFeedbackDocument = new TypedDocumentString(`
    mutation FieldFeedback($id: ID!, $text: String!) {
  fieldFeedback(id: $id, text: $text) {
    suggestedText
  }
}
    `) as unknown as TypedDocumentString<FieldFeedbackMutation, FieldFeedbackMutationVariables>;