import type { ModelStatus } from '../../lib/db/generated/client';
import type { SampleStatus } from '../../lib/db/generated/client';
import type { SampleSource } from '../../lib/db/generated/client';
import type { TrainingMode } from '../../lib/db/generated/client';
import type { TrainingStatus } from '../../lib/db/generated/client';
import type { QueueOrder } from '../../lib/labelling/queue';
import type { Restriction } from '../../lib/inference/restrict';
import type { ApproveAs } from '../../lib/labelling/actions';
import type { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import type { Context } from '../context';
export type Maybe<T> = T | null;
export type InputMaybe<T> = Maybe<T>;
export type EnumResolverSignature<T, AllowedValues = any> = { [key in keyof T]?: AllowedValues };
export type RequireFields<T, K extends keyof T> = Omit<T, K> & { [P in K]-?: NonNullable<T[P]> };
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string | number; }
  String: { input: string; output: string; }
  Boolean: { input: boolean; output: boolean; }
  Int: { input: number; output: number; }
  Float: { input: number; output: number; }
  DateTime: { input: Date | string; output: Date | string; }
  /** handprint's GraphQL API. This file is the source of truth for the API's shape. */
  JSON: { input: unknown; output: unknown; }
};

export type ActionRates = {
  __typename?: 'ActionRates';
  approveRate: Scalars['Float']['output'];
  rejectRate: Scalars['Float']['output'];
  relabelRate: Scalars['Float']['output'];
  total: Scalars['Int']['output'];
};

export { ApproveAs };

export type BaseDataStats = {
  __typename?: 'BaseDataStats';
  /** Approved base samples by label (EMNIST keeps NIST's natural class frequencies). */
  byLabel: Array<Count>;
  bySource: Array<Count>;
  bySplit: Array<Count>;
  total: Scalars['Int']['output'];
};

export type Box = {
  __typename?: 'Box';
  height: Scalars['Int']['output'];
  width: Scalars['Int']['output'];
  x: Scalars['Int']['output'];
  y: Scalars['Int']['output'];
};

export type BulkError = {
  __typename?: 'BulkError';
  code: Scalars['String']['output'];
  message: Scalars['String']['output'];
};

export type BulkResult = {
  __typename?: 'BulkResult';
  error?: Maybe<BulkError>;
  id: Scalars['ID']['output'];
  ok: Scalars['Boolean']['output'];
  sample?: Maybe<Sample>;
};

export type ClassAccuracy = {
  __typename?: 'ClassAccuracy';
  accuracy: Scalars['Float']['output'];
  count: Scalars['Int']['output'];
  label: Scalars['String']['output'];
};

export type ClassSet = {
  __typename?: 'ClassSet';
  labels: Array<Scalars['String']['output']>;
  name: Scalars['String']['output'];
};

export type ComponentHealth = {
  __typename?: 'ComponentHealth';
  /** Why the component is unavailable, when it is. */
  error?: Maybe<Scalars['String']['output']>;
  ok: Scalars['Boolean']['output'];
};

export type ConfusedPair = {
  __typename?: 'ConfusedPair';
  errors: Scalars['Int']['output'];
  pair: Scalars['String']['output'];
};

export type Count = {
  __typename?: 'Count';
  count: Scalars['Int']['output'];
  key: Scalars['String']['output'];
};

export type DatasetStats = {
  __typename?: 'DatasetStats';
  actions: ActionRates;
  /** The active model on approved user samples it predicted. */
  activeModel?: Maybe<ModelQuality>;
  /** Base data (imported EMNIST or NIST, the generated set), kept apart from the uploads admins review. */
  base: BaseDataStats;
  /** Approved user samples by label. */
  byLabel: Array<Count>;
  /** Every sample by source: user (uploads) and the base data's sources. */
  bySource: Array<Count>;
  /** User samples (uploads) only, like byStatus and byLabel: base data is counted under base. */
  bySplit: Array<Count>;
  byStatus: Array<Count>;
  uploadsPerDay: Array<DayCount>;
};

export type DayCount = {
  __typename?: 'DayCount';
  count: Scalars['Int']['output'];
  day: Scalars['String']['output'];
};

export type Field = {
  __typename?: 'Field';
  /** The next best readings. */
  alternatives: Array<FieldAlternative>;
  characters: Array<FieldCharacter>;
  /** Whether it was a row of boxes, cut at its box lines. */
  comb: Scalars['Boolean']['output'];
  /** The product of the characters' confidences. */
  confidence: Scalars['Float']['output'];
  createdAt?: Maybe<Scalars['DateTime']['output']>;
  /** What the reading was held to: pattern:<regex>, lexicon:<n> values, digits, …; null for free text. */
  expected?: Maybe<Scalars['String']['output']>;
  height: Scalars['Int']['output'];
  id?: Maybe<Scalars['ID']['output']>;
  /** Only on a fresh reading: false when no reading fitted the pattern or lexicon (the text is then the free reading). */
  matchesExpected?: Maybe<Scalars['Boolean']['output']>;
  model: ModelRef;
  /** True when byte-identical bytes were already stored as this field. */
  reused: Scalars['Boolean']['output'];
  /** Text an admin typed that did not line up with the characters: the segmentation needs a look. */
  reviewText?: Maybe<Scalars['String']['output']>;
  suggestedText?: Maybe<Scalars['String']['output']>;
  /** What was read, spaces included. */
  text: Scalars['String']['output'];
  /** Only on a fresh reading. */
  timings?: Maybe<FieldTimings>;
  width: Scalars['Int']['output'];
};

export type FieldAlternative = {
  __typename?: 'FieldAlternative';
  confidence: Scalars['Float']['output'];
  text: Scalars['String']['output'];
};

export type FieldCharacter = {
  __typename?: 'FieldCharacter';
  /** Where it is in the uploaded image, in its pixels. */
  box?: Maybe<Box>;
  confidence: Scalars['Float']['output'];
  /** The normalised 28x28 the model saw, as a PNG data URL. */
  image28?: Maybe<Scalars['String']['output']>;
  label: Scalars['String']['output'];
  /** Its place among the field's characters, spaces not counted. */
  position: Scalars['Int']['output'];
  /** The label an admin gave it. */
  reviewedLabel?: Maybe<Scalars['String']['output']>;
  /** Its sample in the labelling queue (null in a preview). */
  sampleId?: Maybe<Scalars['ID']['output']>;
  spaceBefore: Scalars['Boolean']['output'];
  status?: Maybe<SampleStatus>;
  /** A character the model has no class for (the / of a date), placed by the pattern; never a sample. */
  symbol: Scalars['Boolean']['output'];
  top5: Array<RankedLabel>;
};

export type FieldConnection = {
  __typename?: 'FieldConnection';
  edges: Array<FieldEdge>;
  pageInfo: PageInfo;
  totalCount: Scalars['Int']['output'];
};

export type FieldEdge = {
  __typename?: 'FieldEdge';
  cursor: Scalars['String']['output'];
  node: Field;
};

export type FieldLabelResult = {
  __typename?: 'FieldLabelResult';
  /** Whether the text lined up with the characters and was applied to them. */
  applied: Scalars['Boolean']['output'];
  field: Field;
  results: Array<BulkResult>;
};

export type FieldRef = {
  __typename?: 'FieldRef';
  /** How many characters it has (its samples). */
  characterCount: Scalars['Int']['output'];
  height: Scalars['Int']['output'];
  id: Scalars['ID']['output'];
  /** Text an admin typed that did not line up with the characters. */
  reviewText?: Maybe<Scalars['String']['output']>;
  /** What the visitor said the field says (when it did not line up, only here). */
  suggestedText?: Maybe<Scalars['String']['output']>;
  text: Scalars['String']['output'];
  width: Scalars['Int']['output'];
};

export type FieldTimings = {
  __typename?: 'FieldTimings';
  analyseMs: Scalars['Float']['output'];
  decodeMs: Scalars['Float']['output'];
  inferenceMs: Scalars['Float']['output'];
  /** Candidate characters the model read. */
  spans: Scalars['Int']['output'];
  storeMs: Scalars['Float']['output'];
  totalMs: Scalars['Float']['output'];
};

export type Health = {
  __typename?: 'Health';
  database: ComponentHealth;
  model: ComponentHealth;
  ok: Scalars['Boolean']['output'];
};

export type LabelEvent = {
  __typename?: 'LabelEvent';
  action: Scalars['String']['output'];
  createdAt: Scalars['DateTime']['output'];
  fromLabel?: Maybe<Scalars['String']['output']>;
  fromStatus: SampleStatus;
  id: Scalars['ID']['output'];
  sampleId: Scalars['ID']['output'];
  toLabel?: Maybe<Scalars['String']['output']>;
  toStatus: SampleStatus;
  user: Scalars['String']['output'];
};

export type LabelEventConnection = {
  __typename?: 'LabelEventConnection';
  edges: Array<LabelEventEdge>;
  pageInfo: PageInfo;
  totalCount: Scalars['Int']['output'];
};

export type LabelEventEdge = {
  __typename?: 'LabelEventEdge';
  cursor: Scalars['String']['output'];
  node: LabelEvent;
};

export type ModelQuality = {
  __typename?: 'ModelQuality';
  accuracy?: Maybe<Scalars['Float']['output']>;
  classSet: Scalars['String']['output'];
  /** Rows: the admins' labels; columns: the model's predictions (in the order of labels). */
  confusion: Array<Array<Scalars['Int']['output']>>;
  evaluated: Scalars['Int']['output'];
  labels: Array<Scalars['String']['output']>;
  mostConfused: Array<ConfusedPair>;
  perClass: Array<ClassAccuracy>;
  version: Scalars['Int']['output'];
};

export type ModelRef = {
  __typename?: 'ModelRef';
  classSet: Scalars['String']['output'];
  version: Scalars['Int']['output'];
};

export { ModelStatus };

export type ModelVersion = {
  __typename?: 'ModelVersion';
  activatedAt?: Maybe<Scalars['DateTime']['output']>;
  /** The model card: data seen, metrics measured, size. */
  card: Scalars['JSON']['output'];
  classSet: Scalars['String']['output'];
  classes: Array<Scalars['String']['output']>;
  createdAt: Scalars['DateTime']['output'];
  /** Images it was trained and tested on, by split and source. */
  dataCounts?: Maybe<Scalars['JSON']['output']>;
  id: Scalars['ID']['output'];
  metrics?: Maybe<Scalars['JSON']['output']>;
  number: Scalars['Int']['output'];
  parentNumber?: Maybe<Scalars['Int']['output']>;
  sha256: Scalars['String']['output'];
  status: ModelStatus;
};

export type Mutation = {
  __typename?: 'Mutation';
  /** Admins: approve as the model predicted, or as the visitor suggested. */
  approveSample: Sample;
  approveSamples: Array<BulkResult>;
  /** Admins: stop a queued or running run; the serving model stays as it is. */
  cancelTraining: TrainingRun;
  /** The visitor's word on a prediction: it was right (correct: true), or it was `label`. Stored as a suggestion for the admins. Limited per client (FEEDBACK_PER_CLIENT_PER_MINUTE) and per prediction (FEEDBACK_PER_SAMPLE_PER_HOUR), each alias counted. */
  feedback: Prediction;
  /** The visitor's word on a field: what it says. Where it lines up with the characters, each gets it as a suggestion. */
  fieldFeedback: Field;
  /**
   * Admins: the field's whole text. When it lines up with the characters, each is approved or relabelled (one
   * action for undo); otherwise the field is marked for a look at its segmentation (reviewText).
   */
  labelFieldText: FieldLabelResult;
  /** Reads one image: its bytes in base64, or a data URL. The upload is stored as a pending sample. */
  predict: Prediction;
  /** Admins: make any version active now, overruling the gate. */
  promoteModel: ModelVersion;
  /**
   * Reads one line of handwriting (its bytes in base64, or a data URL). At most one of: `pattern` (a subset of
   * regular expressions: literals, ., \d, \w, \s, [sets], (groups), |, ?, *, +, {n,m}), `lexicon` (the
   * values allowed) or `restrict` (for every character). The field is stored; each character becomes a pending
   * sample in the labelling queue.
   */
  read: Field;
  /** Admins: not a character, or unusable. */
  rejectSample: Sample;
  rejectSamples: Array<BulkResult>;
  /** Admins: give the right label (one of the class set's). */
  relabelSample: Sample;
  relabelSamples: Array<BulkResult>;
  /** Admins: go back to a version that served before. */
  rollbackModel: ModelVersion;
  /** Admins: queue a training run (refused while one is queued or running). */
  startTraining: TrainingRun;
  /**
   * Admins: take back your own latest action that nobody has acted on since (a bulk action whole); call
   * again to go further back. Returns the samples as they are now.
   */
  undo: Array<Sample>;
  /**
   * Admins: as undo, returning the first sample only.
   * @deprecated use undo, which returns every sample a bulk action touched
   */
  undoLastAction: Sample;
};


export type MutationApproveSampleArgs = {
  as?: InputMaybe<ApproveAs>;
  id: Scalars['ID']['input'];
  version: Scalars['Int']['input'];
};


export type MutationApproveSamplesArgs = {
  as?: InputMaybe<ApproveAs>;
  items: Array<SampleRef>;
};


export type MutationCancelTrainingArgs = {
  id: Scalars['ID']['input'];
};


export type MutationFeedbackArgs = {
  correct?: InputMaybe<Scalars['Boolean']['input']>;
  id: Scalars['ID']['input'];
  label?: InputMaybe<Scalars['String']['input']>;
};


export type MutationFieldFeedbackArgs = {
  id: Scalars['ID']['input'];
  text: Scalars['String']['input'];
};


export type MutationLabelFieldTextArgs = {
  id: Scalars['ID']['input'];
  text: Scalars['String']['input'];
};


export type MutationPredictArgs = {
  classes?: InputMaybe<Array<Scalars['String']['input']>>;
  image: Scalars['String']['input'];
  restrict?: InputMaybe<Restriction>;
};


export type MutationPromoteModelArgs = {
  id: Scalars['ID']['input'];
};


export type MutationReadArgs = {
  image: Scalars['String']['input'];
  lexicon?: InputMaybe<Array<Scalars['String']['input']>>;
  pattern?: InputMaybe<Scalars['String']['input']>;
  restrict?: InputMaybe<Restriction>;
};


export type MutationRejectSampleArgs = {
  id: Scalars['ID']['input'];
  version: Scalars['Int']['input'];
};


export type MutationRejectSamplesArgs = {
  items: Array<SampleRef>;
};


export type MutationRelabelSampleArgs = {
  id: Scalars['ID']['input'];
  label: Scalars['String']['input'];
  version: Scalars['Int']['input'];
};


export type MutationRelabelSamplesArgs = {
  items: Array<SampleRef>;
  label: Scalars['String']['input'];
};


export type MutationRollbackModelArgs = {
  id: Scalars['ID']['input'];
};


export type MutationStartTrainingArgs = {
  mode?: InputMaybe<TrainingMode>;
};

export type PageInfo = {
  __typename?: 'PageInfo';
  endCursor?: Maybe<Scalars['String']['output']>;
  hasNextPage: Scalars['Boolean']['output'];
};

export type Prediction = {
  __typename?: 'Prediction';
  confidence: Scalars['Float']['output'];
  createdAt: Scalars['DateTime']['output'];
  id: Scalars['ID']['output'];
  /** The normalised 28x28 image the model saw, as a PNG data URL. */
  image28: Scalars['String']['output'];
  label: Scalars['String']['output'];
  model: ModelRef;
  /** True when a byte-identical upload was already stored and its sample was reused. */
  reused: Scalars['Boolean']['output'];
  suggestedLabel?: Maybe<Scalars['String']['output']>;
  /** Only on a fresh prediction. */
  timings?: Maybe<Timings>;
  top5: Array<RankedLabel>;
};

export type PredictionConnection = {
  __typename?: 'PredictionConnection';
  edges: Array<PredictionEdge>;
  pageInfo: PageInfo;
  totalCount: Scalars['Int']['output'];
};

export type PredictionEdge = {
  __typename?: 'PredictionEdge';
  cursor: Scalars['String']['output'];
  node: Prediction;
};

export type PredictionFilter = {
  /** Only those with (true) or without (false) a visitor's suggestion. */
  hasFeedback?: InputMaybe<Scalars['Boolean']['input']>;
  predictedLabel?: InputMaybe<Scalars['String']['input']>;
  status?: InputMaybe<SampleStatus>;
};

export type Query = {
  __typename?: 'Query';
  /** The model version that answers predictions now. */
  activeModel?: Maybe<ModelVersion>;
  /** The class sets a model can be trained on. */
  classSets: Array<ClassSet>;
  /** Counts and model quality; aggregates only, never images. */
  datasetStats: DatasetStats;
  /** One stored field (a line of handwriting read by `read` or POST /api/read) by its id. */
  field?: Maybe<Field>;
  /** Stored fields, newest first. */
  fields: FieldConnection;
  /** Whether the database answers and a model is loaded. */
  health: Health;
  /** Admins: the audit trail of labelling actions, newest first. */
  labelEvents: LabelEventConnection;
  /** The signed-in account, if any. */
  me?: Maybe<User>;
  /** Every model version, newest first. */
  models: Array<ModelVersion>;
  /** One prediction (a stored upload) by its id. */
  prediction?: Maybe<Prediction>;
  /** Stored predictions, newest first. */
  predictions: PredictionConnection;
  /** How close the approvals are to starting a fine-tune by themselves. */
  retrainTrigger: RetrainTrigger;
  /** One sample (an upload or a base data image) by its id; never the original upload bytes. */
  sample?: Maybe<Sample>;
  /** Admins: samples to review, most uncertain first by default. The cursor is an offset into the current order. */
  samples: SampleConnection;
  trainingRun?: Maybe<TrainingRun>;
  /** Training runs, newest first. */
  trainingRuns: Array<TrainingRun>;
};


export type QueryFieldArgs = {
  id: Scalars['ID']['input'];
};


export type QueryFieldsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryLabelEventsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  sampleId?: InputMaybe<Scalars['ID']['input']>;
};


export type QueryPredictionArgs = {
  id: Scalars['ID']['input'];
};


export type QueryPredictionsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<PredictionFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type QuerySampleArgs = {
  id: Scalars['ID']['input'];
};


export type QuerySamplesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<SampleFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<QueueOrder>;
  status?: InputMaybe<SampleStatus>;
};


export type QueryTrainingRunArgs = {
  id: Scalars['ID']['input'];
};


export type QueryTrainingRunsArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
};

export { QueueOrder };

export type RankedLabel = {
  __typename?: 'RankedLabel';
  label: Scalars['String']['output'];
  probability: Scalars['Float']['output'];
};

export { Restriction };

export type RetrainTrigger = {
  __typename?: 'RetrainTrigger';
  /** RETRAIN_AFTER: a fine-tune is queued by itself when unseenApproved reaches it. */
  threshold: Scalars['Int']['output'];
  /** Whether a worker can train now (queued runs wait until one can). */
  training: TrainingAvailability;
  /** Approved user samples (training share) that the active model has not seen. */
  unseenApproved: Scalars['Int']['output'];
};

export type Role =
  | 'ADMIN'
  | 'PUBLIC';

export type Sample = {
  __typename?: 'Sample';
  box?: Maybe<Box>;
  classSet: Scalars['String']['output'];
  confidence?: Maybe<Scalars['Float']['output']>;
  createdAt: Scalars['DateTime']['output'];
  /** For a character read from a field: the field, its place in it (0 = first, spaces not counted) and its box there. */
  field?: Maybe<FieldRef>;
  fieldPosition?: Maybe<Scalars['Int']['output']>;
  id: Scalars['ID']['output'];
  image28: Scalars['String']['output'];
  label?: Maybe<Scalars['String']['output']>;
  modelVersion?: Maybe<Scalars['Int']['output']>;
  /** Admins only: the uploaded file as a data URL (for a character of a field, the whole field). */
  original?: Maybe<Scalars['String']['output']>;
  predictedLabel?: Maybe<Scalars['String']['output']>;
  /** How the visitor restricted the answer: digits, letters, upper, lower or classes:<characters>; null when not. */
  restriction?: Maybe<Scalars['String']['output']>;
  source: SampleSource;
  split: Scalars['String']['output'];
  status: SampleStatus;
  suggestedLabel?: Maybe<Scalars['String']['output']>;
  /** The top 5 the model gave at upload time (within the visitor's restriction, if any). */
  topK?: Maybe<Array<RankedLabel>>;
  /** When the answer was restricted: the model's top 5 over every class. */
  unrestrictedTopK?: Maybe<Array<RankedLabel>>;
  updatedAt: Scalars['DateTime']['output'];
  /** Optimistic locking: pass it back with every admin action on the sample. */
  version: Scalars['Int']['output'];
};

export type SampleConnection = {
  __typename?: 'SampleConnection';
  edges: Array<SampleEdge>;
  pageInfo: PageInfo;
  totalCount: Scalars['Int']['output'];
};

export type SampleEdge = {
  __typename?: 'SampleEdge';
  cursor: Scalars['String']['output'];
  node: Sample;
};

export type SampleFilter = {
  /** Only those with (true) or without (false) a visitor's suggestion. */
  hasFeedback?: InputMaybe<Scalars['Boolean']['input']>;
  /** The label an admin gave (approved samples). */
  label?: InputMaybe<Scalars['String']['input']>;
  predictedLabel?: InputMaybe<Scalars['String']['input']>;
};

export type SampleRef = {
  id: Scalars['ID']['input'];
  version: Scalars['Int']['input'];
};

export { SampleSource };

export { SampleStatus };

export type Timings = {
  __typename?: 'Timings';
  batchSize: Scalars['Int']['output'];
  decodeMs: Scalars['Float']['output'];
  inferenceMs: Scalars['Float']['output'];
  storeMs: Scalars['Float']['output'];
  totalMs: Scalars['Float']['output'];
};

export type TrainingAvailability = {
  __typename?: 'TrainingAvailability';
  /** One line for people: 'training: installing PyTorch (python3-torch …)…', 'training unavailable: <reason>; run: <command>'. */
  message: Scalars['String']['output'];
  /** READY, INSTALLING, CHECKING, UNAVAILABLE or NO_WORKER */
  state: Scalars['String']['output'];
  /** Workers that can train now. */
  workers: Scalars['Int']['output'];
};

export { TrainingMode };

export type TrainingRun = {
  __typename?: 'TrainingRun';
  attempts: Scalars['Int']['output'];
  baseModel?: Maybe<Scalars['Int']['output']>;
  createdAt: Scalars['DateTime']['output'];
  error?: Maybe<Scalars['String']['output']>;
  finishedAt?: Maybe<Scalars['DateTime']['output']>;
  heartbeatAt?: Maybe<Scalars['DateTime']['output']>;
  id: Scalars['ID']['output'];
  logTail?: Maybe<Scalars['String']['output']>;
  /** epoch, step, loss, accuracy, etaS, history (per epoch), gate decision. */
  metrics?: Maybe<Scalars['JSON']['output']>;
  mode: TrainingMode;
  /** The version this run produced, if any. */
  modelVersion?: Maybe<Scalars['Int']['output']>;
  /** 0 to 1. */
  progress: Scalars['Float']['output'];
  startedAt?: Maybe<Scalars['DateTime']['output']>;
  status: TrainingStatus;
  trigger: Scalars['String']['output'];
};

export { TrainingStatus };

export type User = {
  __typename?: 'User';
  role: Scalars['String']['output'];
  username: Scalars['String']['output'];
};



export type ResolverTypeWrapper<T> = Promise<T> | T;


export type ResolverWithResolve<TResult, TParent, TContext, TArgs> = {
  resolve: ResolverFn<TResult, TParent, TContext, TArgs>;
};
export type Resolver<TResult, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> = ResolverFn<TResult, TParent, TContext, TArgs> | ResolverWithResolve<TResult, TParent, TContext, TArgs>;

export type ResolverFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => Promise<TResult> | TResult;

export type SubscriptionSubscribeFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => AsyncIterable<TResult> | Promise<AsyncIterable<TResult>>;

export type SubscriptionResolveFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => TResult | Promise<TResult>;

export interface SubscriptionSubscriberObject<TResult, TKey extends string, TParent, TContext, TArgs> {
  subscribe: SubscriptionSubscribeFn<{ [key in TKey]: TResult }, TParent, TContext, TArgs>;
  resolve?: SubscriptionResolveFn<TResult, { [key in TKey]: TResult }, TContext, TArgs>;
}

export interface SubscriptionResolverObject<TResult, TParent, TContext, TArgs> {
  subscribe: SubscriptionSubscribeFn<any, TParent, TContext, TArgs>;
  resolve: SubscriptionResolveFn<TResult, any, TContext, TArgs>;
}

export type SubscriptionObject<TResult, TKey extends string, TParent, TContext, TArgs> =
  | SubscriptionSubscriberObject<TResult, TKey, TParent, TContext, TArgs>
  | SubscriptionResolverObject<TResult, TParent, TContext, TArgs>;

export type SubscriptionResolver<TResult, TKey extends string, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> =
  | ((...args: any[]) => SubscriptionObject<TResult, TKey, TParent, TContext, TArgs>)
  | SubscriptionObject<TResult, TKey, TParent, TContext, TArgs>;

export type TypeResolveFn<TTypes, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>> = (
  parent: TParent,
  context: TContext,
  info: GraphQLResolveInfo
) => Maybe<TTypes> | Promise<Maybe<TTypes>>;

export type IsTypeOfResolverFn<T = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>> = (obj: T, context: TContext, info: GraphQLResolveInfo) => boolean | Promise<boolean>;

export type NextResolverFn<T> = () => Promise<T>;

export type DirectiveResolverFn<TResult = Record<PropertyKey, never>, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> = (
  next: NextResolverFn<TResult>,
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => TResult | Promise<TResult>;





/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = {
  ActionRates: ResolverTypeWrapper<Partial<ActionRates>>;
  ApproveAs: ResolverTypeWrapper<Partial<ApproveAs>>;
  BaseDataStats: ResolverTypeWrapper<Partial<BaseDataStats>>;
  Boolean: ResolverTypeWrapper<Partial<Scalars['Boolean']['output']>>;
  Box: ResolverTypeWrapper<Partial<Box>>;
  BulkError: ResolverTypeWrapper<Partial<BulkError>>;
  BulkResult: ResolverTypeWrapper<Partial<BulkResult>>;
  ClassAccuracy: ResolverTypeWrapper<Partial<ClassAccuracy>>;
  ClassSet: ResolverTypeWrapper<Partial<ClassSet>>;
  ComponentHealth: ResolverTypeWrapper<Partial<ComponentHealth>>;
  ConfusedPair: ResolverTypeWrapper<Partial<ConfusedPair>>;
  Count: ResolverTypeWrapper<Partial<Count>>;
  DatasetStats: ResolverTypeWrapper<Partial<DatasetStats>>;
  DateTime: ResolverTypeWrapper<Partial<Scalars['DateTime']['output']>>;
  DayCount: ResolverTypeWrapper<Partial<DayCount>>;
  Field: ResolverTypeWrapper<Partial<Field>>;
  FieldAlternative: ResolverTypeWrapper<Partial<FieldAlternative>>;
  FieldCharacter: ResolverTypeWrapper<Partial<FieldCharacter>>;
  FieldConnection: ResolverTypeWrapper<Partial<FieldConnection>>;
  FieldEdge: ResolverTypeWrapper<Partial<FieldEdge>>;
  FieldLabelResult: ResolverTypeWrapper<Partial<FieldLabelResult>>;
  FieldRef: ResolverTypeWrapper<Partial<FieldRef>>;
  FieldTimings: ResolverTypeWrapper<Partial<FieldTimings>>;
  Float: ResolverTypeWrapper<Partial<Scalars['Float']['output']>>;
  Health: ResolverTypeWrapper<Partial<Health>>;
  ID: ResolverTypeWrapper<Partial<Scalars['ID']['output']>>;
  Int: ResolverTypeWrapper<Partial<Scalars['Int']['output']>>;
  JSON: ResolverTypeWrapper<Partial<Scalars['JSON']['output']>>;
  LabelEvent: ResolverTypeWrapper<Partial<LabelEvent>>;
  LabelEventConnection: ResolverTypeWrapper<Partial<LabelEventConnection>>;
  LabelEventEdge: ResolverTypeWrapper<Partial<LabelEventEdge>>;
  ModelQuality: ResolverTypeWrapper<Partial<ModelQuality>>;
  ModelRef: ResolverTypeWrapper<Partial<ModelRef>>;
  ModelStatus: ResolverTypeWrapper<Partial<ModelStatus>>;
  ModelVersion: ResolverTypeWrapper<Partial<ModelVersion>>;
  Mutation: ResolverTypeWrapper<Record<PropertyKey, never>>;
  PageInfo: ResolverTypeWrapper<Partial<PageInfo>>;
  Prediction: ResolverTypeWrapper<Partial<Prediction>>;
  PredictionConnection: ResolverTypeWrapper<Partial<PredictionConnection>>;
  PredictionEdge: ResolverTypeWrapper<Partial<PredictionEdge>>;
  PredictionFilter: ResolverTypeWrapper<Partial<PredictionFilter>>;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  QueueOrder: ResolverTypeWrapper<Partial<QueueOrder>>;
  RankedLabel: ResolverTypeWrapper<Partial<RankedLabel>>;
  Restriction: ResolverTypeWrapper<Partial<Restriction>>;
  RetrainTrigger: ResolverTypeWrapper<Partial<RetrainTrigger>>;
  Role: ResolverTypeWrapper<Partial<Role>>;
  Sample: ResolverTypeWrapper<Partial<Sample>>;
  SampleConnection: ResolverTypeWrapper<Partial<SampleConnection>>;
  SampleEdge: ResolverTypeWrapper<Partial<SampleEdge>>;
  SampleFilter: ResolverTypeWrapper<Partial<SampleFilter>>;
  SampleRef: ResolverTypeWrapper<Partial<SampleRef>>;
  SampleSource: ResolverTypeWrapper<Partial<SampleSource>>;
  SampleStatus: ResolverTypeWrapper<Partial<SampleStatus>>;
  String: ResolverTypeWrapper<Partial<Scalars['String']['output']>>;
  Timings: ResolverTypeWrapper<Partial<Timings>>;
  TrainingAvailability: ResolverTypeWrapper<Partial<TrainingAvailability>>;
  TrainingMode: ResolverTypeWrapper<Partial<TrainingMode>>;
  TrainingRun: ResolverTypeWrapper<Partial<TrainingRun>>;
  TrainingStatus: ResolverTypeWrapper<Partial<TrainingStatus>>;
  User: ResolverTypeWrapper<Partial<User>>;
};

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = {
  ActionRates: Partial<ActionRates>;
  BaseDataStats: Partial<BaseDataStats>;
  Boolean: Partial<Scalars['Boolean']['output']>;
  Box: Partial<Box>;
  BulkError: Partial<BulkError>;
  BulkResult: Partial<BulkResult>;
  ClassAccuracy: Partial<ClassAccuracy>;
  ClassSet: Partial<ClassSet>;
  ComponentHealth: Partial<ComponentHealth>;
  ConfusedPair: Partial<ConfusedPair>;
  Count: Partial<Count>;
  DatasetStats: Partial<DatasetStats>;
  DateTime: Partial<Scalars['DateTime']['output']>;
  DayCount: Partial<DayCount>;
  Field: Partial<Field>;
  FieldAlternative: Partial<FieldAlternative>;
  FieldCharacter: Partial<FieldCharacter>;
  FieldConnection: Partial<FieldConnection>;
  FieldEdge: Partial<FieldEdge>;
  FieldLabelResult: Partial<FieldLabelResult>;
  FieldRef: Partial<FieldRef>;
  FieldTimings: Partial<FieldTimings>;
  Float: Partial<Scalars['Float']['output']>;
  Health: Partial<Health>;
  ID: Partial<Scalars['ID']['output']>;
  Int: Partial<Scalars['Int']['output']>;
  JSON: Partial<Scalars['JSON']['output']>;
  LabelEvent: Partial<LabelEvent>;
  LabelEventConnection: Partial<LabelEventConnection>;
  LabelEventEdge: Partial<LabelEventEdge>;
  ModelQuality: Partial<ModelQuality>;
  ModelRef: Partial<ModelRef>;
  ModelVersion: Partial<ModelVersion>;
  Mutation: Record<PropertyKey, never>;
  PageInfo: Partial<PageInfo>;
  Prediction: Partial<Prediction>;
  PredictionConnection: Partial<PredictionConnection>;
  PredictionEdge: Partial<PredictionEdge>;
  PredictionFilter: Partial<PredictionFilter>;
  Query: Record<PropertyKey, never>;
  RankedLabel: Partial<RankedLabel>;
  RetrainTrigger: Partial<RetrainTrigger>;
  Sample: Partial<Sample>;
  SampleConnection: Partial<SampleConnection>;
  SampleEdge: Partial<SampleEdge>;
  SampleFilter: Partial<SampleFilter>;
  SampleRef: Partial<SampleRef>;
  String: Partial<Scalars['String']['output']>;
  Timings: Partial<Timings>;
  TrainingAvailability: Partial<TrainingAvailability>;
  TrainingRun: Partial<TrainingRun>;
  User: Partial<User>;
};

export type AccessDirectiveArgs = {
  role: Role;
};

export type AccessDirectiveResolver<Result, Parent, ContextType = Context, Args = AccessDirectiveArgs> = DirectiveResolverFn<Result, Parent, ContextType, Args>;

export type ComplexityDirectiveArgs = {
  multipliers?: Maybe<Array<Scalars['String']['input']>>;
  value: Scalars['Int']['input'];
};

export type ComplexityDirectiveResolver<Result, Parent, ContextType = Context, Args = ComplexityDirectiveArgs> = DirectiveResolverFn<Result, Parent, ContextType, Args>;

export type ActionRatesResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ActionRates'] = ResolversParentTypes['ActionRates']> = {
  approveRate?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  rejectRate?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  relabelRate?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  total?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type ApproveAsResolvers = EnumResolverSignature<{ PREDICTED?: any, SUGGESTED?: any }, ResolversTypes['ApproveAs']>;

export type BaseDataStatsResolvers<ContextType = Context, ParentType extends ResolversParentTypes['BaseDataStats'] = ResolversParentTypes['BaseDataStats']> = {
  byLabel?: Resolver<Array<ResolversTypes['Count']>, ParentType, ContextType>;
  bySource?: Resolver<Array<ResolversTypes['Count']>, ParentType, ContextType>;
  bySplit?: Resolver<Array<ResolversTypes['Count']>, ParentType, ContextType>;
  total?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type BoxResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Box'] = ResolversParentTypes['Box']> = {
  height?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  width?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  x?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  y?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type BulkErrorResolvers<ContextType = Context, ParentType extends ResolversParentTypes['BulkError'] = ResolversParentTypes['BulkError']> = {
  code?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  message?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type BulkResultResolvers<ContextType = Context, ParentType extends ResolversParentTypes['BulkResult'] = ResolversParentTypes['BulkResult']> = {
  error?: Resolver<Maybe<ResolversTypes['BulkError']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  ok?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  sample?: Resolver<Maybe<ResolversTypes['Sample']>, ParentType, ContextType>;
};

export type ClassAccuracyResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ClassAccuracy'] = ResolversParentTypes['ClassAccuracy']> = {
  accuracy?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  count?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  label?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type ClassSetResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ClassSet'] = ResolversParentTypes['ClassSet']> = {
  labels?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type ComponentHealthResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ComponentHealth'] = ResolversParentTypes['ComponentHealth']> = {
  error?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  ok?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
};

export type ConfusedPairResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ConfusedPair'] = ResolversParentTypes['ConfusedPair']> = {
  errors?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  pair?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type CountResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Count'] = ResolversParentTypes['Count']> = {
  count?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  key?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type DatasetStatsResolvers<ContextType = Context, ParentType extends ResolversParentTypes['DatasetStats'] = ResolversParentTypes['DatasetStats']> = {
  actions?: Resolver<ResolversTypes['ActionRates'], ParentType, ContextType>;
  activeModel?: Resolver<Maybe<ResolversTypes['ModelQuality']>, ParentType, ContextType>;
  base?: Resolver<ResolversTypes['BaseDataStats'], ParentType, ContextType>;
  byLabel?: Resolver<Array<ResolversTypes['Count']>, ParentType, ContextType>;
  bySource?: Resolver<Array<ResolversTypes['Count']>, ParentType, ContextType>;
  bySplit?: Resolver<Array<ResolversTypes['Count']>, ParentType, ContextType>;
  byStatus?: Resolver<Array<ResolversTypes['Count']>, ParentType, ContextType>;
  uploadsPerDay?: Resolver<Array<ResolversTypes['DayCount']>, ParentType, ContextType>;
};

export interface DateTimeScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['DateTime'], any> {
  name: 'DateTime';
}

export type DayCountResolvers<ContextType = Context, ParentType extends ResolversParentTypes['DayCount'] = ResolversParentTypes['DayCount']> = {
  count?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  day?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type FieldResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Field'] = ResolversParentTypes['Field']> = {
  alternatives?: Resolver<Array<ResolversTypes['FieldAlternative']>, ParentType, ContextType>;
  characters?: Resolver<Array<ResolversTypes['FieldCharacter']>, ParentType, ContextType>;
  comb?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  confidence?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  createdAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  expected?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  height?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  id?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  matchesExpected?: Resolver<Maybe<ResolversTypes['Boolean']>, ParentType, ContextType>;
  model?: Resolver<ResolversTypes['ModelRef'], ParentType, ContextType>;
  reused?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  reviewText?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  suggestedText?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  text?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  timings?: Resolver<Maybe<ResolversTypes['FieldTimings']>, ParentType, ContextType>;
  width?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type FieldAlternativeResolvers<ContextType = Context, ParentType extends ResolversParentTypes['FieldAlternative'] = ResolversParentTypes['FieldAlternative']> = {
  confidence?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  text?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type FieldCharacterResolvers<ContextType = Context, ParentType extends ResolversParentTypes['FieldCharacter'] = ResolversParentTypes['FieldCharacter']> = {
  box?: Resolver<Maybe<ResolversTypes['Box']>, ParentType, ContextType>;
  confidence?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  image28?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  label?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  position?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  reviewedLabel?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  sampleId?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  spaceBefore?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  status?: Resolver<Maybe<ResolversTypes['SampleStatus']>, ParentType, ContextType>;
  symbol?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  top5?: Resolver<Array<ResolversTypes['RankedLabel']>, ParentType, ContextType>;
};

export type FieldConnectionResolvers<ContextType = Context, ParentType extends ResolversParentTypes['FieldConnection'] = ResolversParentTypes['FieldConnection']> = {
  edges?: Resolver<Array<ResolversTypes['FieldEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type FieldEdgeResolvers<ContextType = Context, ParentType extends ResolversParentTypes['FieldEdge'] = ResolversParentTypes['FieldEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Field'], ParentType, ContextType>;
};

export type FieldLabelResultResolvers<ContextType = Context, ParentType extends ResolversParentTypes['FieldLabelResult'] = ResolversParentTypes['FieldLabelResult']> = {
  applied?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  field?: Resolver<ResolversTypes['Field'], ParentType, ContextType>;
  results?: Resolver<Array<ResolversTypes['BulkResult']>, ParentType, ContextType>;
};

export type FieldRefResolvers<ContextType = Context, ParentType extends ResolversParentTypes['FieldRef'] = ResolversParentTypes['FieldRef']> = {
  characterCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  height?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  reviewText?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  suggestedText?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  text?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  width?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type FieldTimingsResolvers<ContextType = Context, ParentType extends ResolversParentTypes['FieldTimings'] = ResolversParentTypes['FieldTimings']> = {
  analyseMs?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  decodeMs?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  inferenceMs?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  spans?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  storeMs?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  totalMs?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
};

export type HealthResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Health'] = ResolversParentTypes['Health']> = {
  database?: Resolver<ResolversTypes['ComponentHealth'], ParentType, ContextType>;
  model?: Resolver<ResolversTypes['ComponentHealth'], ParentType, ContextType>;
  ok?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
};

export interface JsonScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['JSON'], any> {
  name: 'JSON';
}

export type LabelEventResolvers<ContextType = Context, ParentType extends ResolversParentTypes['LabelEvent'] = ResolversParentTypes['LabelEvent']> = {
  action?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  fromLabel?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  fromStatus?: Resolver<ResolversTypes['SampleStatus'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  sampleId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  toLabel?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  toStatus?: Resolver<ResolversTypes['SampleStatus'], ParentType, ContextType>;
  user?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type LabelEventConnectionResolvers<ContextType = Context, ParentType extends ResolversParentTypes['LabelEventConnection'] = ResolversParentTypes['LabelEventConnection']> = {
  edges?: Resolver<Array<ResolversTypes['LabelEventEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type LabelEventEdgeResolvers<ContextType = Context, ParentType extends ResolversParentTypes['LabelEventEdge'] = ResolversParentTypes['LabelEventEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['LabelEvent'], ParentType, ContextType>;
};

export type ModelQualityResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ModelQuality'] = ResolversParentTypes['ModelQuality']> = {
  accuracy?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  classSet?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  confusion?: Resolver<Array<Array<ResolversTypes['Int']>>, ParentType, ContextType>;
  evaluated?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  labels?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  mostConfused?: Resolver<Array<ResolversTypes['ConfusedPair']>, ParentType, ContextType>;
  perClass?: Resolver<Array<ResolversTypes['ClassAccuracy']>, ParentType, ContextType>;
  version?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type ModelRefResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ModelRef'] = ResolversParentTypes['ModelRef']> = {
  classSet?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  version?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type ModelStatusResolvers = EnumResolverSignature<{ ACTIVE?: any, CANDIDATE?: any, REJECTED?: any, RETIRED?: any }, ResolversTypes['ModelStatus']>;

export type ModelVersionResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ModelVersion'] = ResolversParentTypes['ModelVersion']> = {
  activatedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  card?: Resolver<ResolversTypes['JSON'], ParentType, ContextType>;
  classSet?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  classes?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  dataCounts?: Resolver<Maybe<ResolversTypes['JSON']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  metrics?: Resolver<Maybe<ResolversTypes['JSON']>, ParentType, ContextType>;
  number?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  parentNumber?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  sha256?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['ModelStatus'], ParentType, ContextType>;
};

export type MutationResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Mutation'] = ResolversParentTypes['Mutation']> = {
  approveSample?: Resolver<ResolversTypes['Sample'], ParentType, ContextType, RequireFields<MutationApproveSampleArgs, 'as' | 'id' | 'version'>>;
  approveSamples?: Resolver<Array<ResolversTypes['BulkResult']>, ParentType, ContextType, RequireFields<MutationApproveSamplesArgs, 'as' | 'items'>>;
  cancelTraining?: Resolver<ResolversTypes['TrainingRun'], ParentType, ContextType, RequireFields<MutationCancelTrainingArgs, 'id'>>;
  feedback?: Resolver<ResolversTypes['Prediction'], ParentType, ContextType, RequireFields<MutationFeedbackArgs, 'id'>>;
  fieldFeedback?: Resolver<ResolversTypes['Field'], ParentType, ContextType, RequireFields<MutationFieldFeedbackArgs, 'id' | 'text'>>;
  labelFieldText?: Resolver<ResolversTypes['FieldLabelResult'], ParentType, ContextType, RequireFields<MutationLabelFieldTextArgs, 'id' | 'text'>>;
  predict?: Resolver<ResolversTypes['Prediction'], ParentType, ContextType, RequireFields<MutationPredictArgs, 'image'>>;
  promoteModel?: Resolver<ResolversTypes['ModelVersion'], ParentType, ContextType, RequireFields<MutationPromoteModelArgs, 'id'>>;
  read?: Resolver<ResolversTypes['Field'], ParentType, ContextType, RequireFields<MutationReadArgs, 'image'>>;
  rejectSample?: Resolver<ResolversTypes['Sample'], ParentType, ContextType, RequireFields<MutationRejectSampleArgs, 'id' | 'version'>>;
  rejectSamples?: Resolver<Array<ResolversTypes['BulkResult']>, ParentType, ContextType, RequireFields<MutationRejectSamplesArgs, 'items'>>;
  relabelSample?: Resolver<ResolversTypes['Sample'], ParentType, ContextType, RequireFields<MutationRelabelSampleArgs, 'id' | 'label' | 'version'>>;
  relabelSamples?: Resolver<Array<ResolversTypes['BulkResult']>, ParentType, ContextType, RequireFields<MutationRelabelSamplesArgs, 'items' | 'label'>>;
  rollbackModel?: Resolver<ResolversTypes['ModelVersion'], ParentType, ContextType, RequireFields<MutationRollbackModelArgs, 'id'>>;
  startTraining?: Resolver<ResolversTypes['TrainingRun'], ParentType, ContextType, RequireFields<MutationStartTrainingArgs, 'mode'>>;
  undo?: Resolver<Array<ResolversTypes['Sample']>, ParentType, ContextType>;
  undoLastAction?: Resolver<ResolversTypes['Sample'], ParentType, ContextType>;
};

export type PageInfoResolvers<ContextType = Context, ParentType extends ResolversParentTypes['PageInfo'] = ResolversParentTypes['PageInfo']> = {
  endCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  hasNextPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
};

export type PredictionResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Prediction'] = ResolversParentTypes['Prediction']> = {
  confidence?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  image28?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  label?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  model?: Resolver<ResolversTypes['ModelRef'], ParentType, ContextType>;
  reused?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  suggestedLabel?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  timings?: Resolver<Maybe<ResolversTypes['Timings']>, ParentType, ContextType>;
  top5?: Resolver<Array<ResolversTypes['RankedLabel']>, ParentType, ContextType>;
};

export type PredictionConnectionResolvers<ContextType = Context, ParentType extends ResolversParentTypes['PredictionConnection'] = ResolversParentTypes['PredictionConnection']> = {
  edges?: Resolver<Array<ResolversTypes['PredictionEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type PredictionEdgeResolvers<ContextType = Context, ParentType extends ResolversParentTypes['PredictionEdge'] = ResolversParentTypes['PredictionEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Prediction'], ParentType, ContextType>;
};

export type QueryResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = {
  activeModel?: Resolver<Maybe<ResolversTypes['ModelVersion']>, ParentType, ContextType>;
  classSets?: Resolver<Array<ResolversTypes['ClassSet']>, ParentType, ContextType>;
  datasetStats?: Resolver<ResolversTypes['DatasetStats'], ParentType, ContextType>;
  field?: Resolver<Maybe<ResolversTypes['Field']>, ParentType, ContextType, RequireFields<QueryFieldArgs, 'id'>>;
  fields?: Resolver<ResolversTypes['FieldConnection'], ParentType, ContextType, RequireFields<QueryFieldsArgs, 'first'>>;
  health?: Resolver<ResolversTypes['Health'], ParentType, ContextType>;
  labelEvents?: Resolver<ResolversTypes['LabelEventConnection'], ParentType, ContextType, RequireFields<QueryLabelEventsArgs, 'first'>>;
  me?: Resolver<Maybe<ResolversTypes['User']>, ParentType, ContextType>;
  models?: Resolver<Array<ResolversTypes['ModelVersion']>, ParentType, ContextType>;
  prediction?: Resolver<Maybe<ResolversTypes['Prediction']>, ParentType, ContextType, RequireFields<QueryPredictionArgs, 'id'>>;
  predictions?: Resolver<ResolversTypes['PredictionConnection'], ParentType, ContextType, RequireFields<QueryPredictionsArgs, 'first'>>;
  retrainTrigger?: Resolver<ResolversTypes['RetrainTrigger'], ParentType, ContextType>;
  sample?: Resolver<Maybe<ResolversTypes['Sample']>, ParentType, ContextType, RequireFields<QuerySampleArgs, 'id'>>;
  samples?: Resolver<ResolversTypes['SampleConnection'], ParentType, ContextType, RequireFields<QuerySamplesArgs, 'first' | 'orderBy' | 'status'>>;
  trainingRun?: Resolver<Maybe<ResolversTypes['TrainingRun']>, ParentType, ContextType, RequireFields<QueryTrainingRunArgs, 'id'>>;
  trainingRuns?: Resolver<Array<ResolversTypes['TrainingRun']>, ParentType, ContextType, RequireFields<QueryTrainingRunsArgs, 'first'>>;
};

export type QueueOrderResolvers = EnumResolverSignature<{ BY_PREDICTED_LABEL?: any, NEWEST_FIRST?: any, SUGGESTIONS_FIRST?: any, UNCERTAIN_FIRST?: any }, ResolversTypes['QueueOrder']>;

export type RankedLabelResolvers<ContextType = Context, ParentType extends ResolversParentTypes['RankedLabel'] = ResolversParentTypes['RankedLabel']> = {
  label?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  probability?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
};

export type RestrictionResolvers = EnumResolverSignature<{ DIGITS?: any, LETTERS?: any, LOWER?: any, UPPER?: any }, ResolversTypes['Restriction']>;

export type RetrainTriggerResolvers<ContextType = Context, ParentType extends ResolversParentTypes['RetrainTrigger'] = ResolversParentTypes['RetrainTrigger']> = {
  threshold?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  training?: Resolver<ResolversTypes['TrainingAvailability'], ParentType, ContextType>;
  unseenApproved?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type SampleResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Sample'] = ResolversParentTypes['Sample']> = {
  box?: Resolver<Maybe<ResolversTypes['Box']>, ParentType, ContextType>;
  classSet?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  confidence?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  field?: Resolver<Maybe<ResolversTypes['FieldRef']>, ParentType, ContextType>;
  fieldPosition?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  image28?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  label?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  modelVersion?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  original?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  predictedLabel?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  restriction?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  source?: Resolver<ResolversTypes['SampleSource'], ParentType, ContextType>;
  split?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['SampleStatus'], ParentType, ContextType>;
  suggestedLabel?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  topK?: Resolver<Maybe<Array<ResolversTypes['RankedLabel']>>, ParentType, ContextType>;
  unrestrictedTopK?: Resolver<Maybe<Array<ResolversTypes['RankedLabel']>>, ParentType, ContextType>;
  updatedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  version?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type SampleConnectionResolvers<ContextType = Context, ParentType extends ResolversParentTypes['SampleConnection'] = ResolversParentTypes['SampleConnection']> = {
  edges?: Resolver<Array<ResolversTypes['SampleEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type SampleEdgeResolvers<ContextType = Context, ParentType extends ResolversParentTypes['SampleEdge'] = ResolversParentTypes['SampleEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Sample'], ParentType, ContextType>;
};

export type SampleSourceResolvers = EnumResolverSignature<{ EMNIST?: any, GENERATED?: any, NIST?: any, USER?: any }, ResolversTypes['SampleSource']>;

export type SampleStatusResolvers = EnumResolverSignature<{ APPROVED?: any, PENDING?: any, REJECTED?: any }, ResolversTypes['SampleStatus']>;

export type TimingsResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Timings'] = ResolversParentTypes['Timings']> = {
  batchSize?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  decodeMs?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  inferenceMs?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  storeMs?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  totalMs?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
};

export type TrainingAvailabilityResolvers<ContextType = Context, ParentType extends ResolversParentTypes['TrainingAvailability'] = ResolversParentTypes['TrainingAvailability']> = {
  message?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  state?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  workers?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type TrainingModeResolvers = EnumResolverSignature<{ FINE_TUNE?: any, FULL?: any }, ResolversTypes['TrainingMode']>;

export type TrainingRunResolvers<ContextType = Context, ParentType extends ResolversParentTypes['TrainingRun'] = ResolversParentTypes['TrainingRun']> = {
  attempts?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  baseModel?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  error?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  finishedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  heartbeatAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  logTail?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  metrics?: Resolver<Maybe<ResolversTypes['JSON']>, ParentType, ContextType>;
  mode?: Resolver<ResolversTypes['TrainingMode'], ParentType, ContextType>;
  modelVersion?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  progress?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  startedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  status?: Resolver<ResolversTypes['TrainingStatus'], ParentType, ContextType>;
  trigger?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type TrainingStatusResolvers = EnumResolverSignature<{ CANCELLED?: any, FAILED?: any, QUEUED?: any, RUNNING?: any, SUCCEEDED?: any }, ResolversTypes['TrainingStatus']>;

export type UserResolvers<ContextType = Context, ParentType extends ResolversParentTypes['User'] = ResolversParentTypes['User']> = {
  role?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  username?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type Resolvers<ContextType = Context> = {
  ActionRates?: ActionRatesResolvers<ContextType>;
  ApproveAs?: ApproveAsResolvers;
  BaseDataStats?: BaseDataStatsResolvers<ContextType>;
  Box?: BoxResolvers<ContextType>;
  BulkError?: BulkErrorResolvers<ContextType>;
  BulkResult?: BulkResultResolvers<ContextType>;
  ClassAccuracy?: ClassAccuracyResolvers<ContextType>;
  ClassSet?: ClassSetResolvers<ContextType>;
  ComponentHealth?: ComponentHealthResolvers<ContextType>;
  ConfusedPair?: ConfusedPairResolvers<ContextType>;
  Count?: CountResolvers<ContextType>;
  DatasetStats?: DatasetStatsResolvers<ContextType>;
  DateTime?: GraphQLScalarType;
  DayCount?: DayCountResolvers<ContextType>;
  Field?: FieldResolvers<ContextType>;
  FieldAlternative?: FieldAlternativeResolvers<ContextType>;
  FieldCharacter?: FieldCharacterResolvers<ContextType>;
  FieldConnection?: FieldConnectionResolvers<ContextType>;
  FieldEdge?: FieldEdgeResolvers<ContextType>;
  FieldLabelResult?: FieldLabelResultResolvers<ContextType>;
  FieldRef?: FieldRefResolvers<ContextType>;
  FieldTimings?: FieldTimingsResolvers<ContextType>;
  Health?: HealthResolvers<ContextType>;
  JSON?: GraphQLScalarType;
  LabelEvent?: LabelEventResolvers<ContextType>;
  LabelEventConnection?: LabelEventConnectionResolvers<ContextType>;
  LabelEventEdge?: LabelEventEdgeResolvers<ContextType>;
  ModelQuality?: ModelQualityResolvers<ContextType>;
  ModelRef?: ModelRefResolvers<ContextType>;
  ModelStatus?: ModelStatusResolvers;
  ModelVersion?: ModelVersionResolvers<ContextType>;
  Mutation?: MutationResolvers<ContextType>;
  PageInfo?: PageInfoResolvers<ContextType>;
  Prediction?: PredictionResolvers<ContextType>;
  PredictionConnection?: PredictionConnectionResolvers<ContextType>;
  PredictionEdge?: PredictionEdgeResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
  QueueOrder?: QueueOrderResolvers;
  RankedLabel?: RankedLabelResolvers<ContextType>;
  Restriction?: RestrictionResolvers;
  RetrainTrigger?: RetrainTriggerResolvers<ContextType>;
  Sample?: SampleResolvers<ContextType>;
  SampleConnection?: SampleConnectionResolvers<ContextType>;
  SampleEdge?: SampleEdgeResolvers<ContextType>;
  SampleSource?: SampleSourceResolvers;
  SampleStatus?: SampleStatusResolvers;
  Timings?: TimingsResolvers<ContextType>;
  TrainingAvailability?: TrainingAvailabilityResolvers<ContextType>;
  TrainingMode?: TrainingModeResolvers;
  TrainingRun?: TrainingRunResolvers<ContextType>;
  TrainingStatus?: TrainingStatusResolvers;
  User?: UserResolvers<ContextType>;
};

export type DirectiveResolvers<ContextType = Context> = {
  access?: AccessDirectiveResolver<any, any, ContextType>;
  complexity?: ComplexityDirectiveResolver<any, any, ContextType>;
};
