// A questionnaire's questions, as versions freeze them and residents answer them: declared once in @repere/contract
// (the builder and the resident's page read the same shapes).
export {
  QUESTION_TYPES,
  RTL_LANGUAGES,
  type QuestionType,
  type Translations,
  type Choice,
  type ShowIf,
  type Question,
  type AnswerValue,
} from '@repere/contract';
