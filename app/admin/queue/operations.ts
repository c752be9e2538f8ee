import { graphql } from "../../_generated";

export const QueueSampleFields = graphql(`
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
`);

/** The upload itself: large, so fetched only for the sample on screen. */
export const SampleOriginalQuery = graphql(`
  query SampleOriginal($id: ID!) {
    sample(id: $id) {
      id
      original
    }
  }
`);

export const QueueSamplesQuery = graphql(`
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
`);

export const ApproveMutation = graphql(`
  mutation Approve($items: [SampleRef!]!, $as: ApproveAs) {
    results: approveSamples(items: $items, as: $as) {
      ...BulkOutcome
    }
  }
`);

export const RelabelMutation = graphql(`
  mutation Relabel($items: [SampleRef!]!, $label: String!) {
    results: relabelSamples(items: $items, label: $label) {
      ...BulkOutcome
    }
  }
`);

export const RejectMutation = graphql(`
  mutation Reject($items: [SampleRef!]!) {
    results: rejectSamples(items: $items) {
      ...BulkOutcome
    }
  }
`);

export const BulkOutcome = graphql(`
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
`);

export const UndoMutation = graphql(`
  mutation Undo {
    undo {
      ...QueueSampleFields
    }
  }
`);

export const LabelFieldTextMutation = graphql(`
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
`);
