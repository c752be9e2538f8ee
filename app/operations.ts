import { graphql } from "./_generated";

export const FeedbackMutation = graphql(`
  mutation Feedback($id: ID!, $correct: Boolean, $label: String) {
    feedback(id: $id, correct: $correct, label: $label) {
      suggestedLabel
    }
  }
`);

export const FieldFeedbackMutation = graphql(`
  mutation FieldFeedback($id: ID!, $text: String!) {
    fieldFeedback(id: $id, text: $text) {
      suggestedText
    }
  }
`);
