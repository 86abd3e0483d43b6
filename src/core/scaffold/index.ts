/** New-workflow wizard: questions, declarative providers and the files `scaffold init` writes. */
export {
  BUILTIN_QUESTIONS,
  REQUIREMENT_QUESTIONS,
  LICENSES,
  VALIDATORS,
  answerProblem,
  conditionHolds,
  describeCondition,
  emptyAnswers,
  problemPath,
  resolveAnswers,
  resolveText,
  textQuestionDests,
  type AnswerProblem,
  type AnswerValue,
  type Answers,
  type Condition,
  type LicenseType,
  type LoopItem,
  type Question,
  type RawAnswers,
} from './questions.ts';
export { wizard, pickChoice, type Prompt } from './wizard.ts';
export { parseProvider, type ParsedProvider, type Provider, type ProviderTemplate } from './provider.ts';
export { scaffoldFiles, type ScaffoldOptions, type ScaffoldResult } from './files.ts';
export { BUILTIN_TEMPLATES, pipSourceFields } from './templates.ts';
export { renderPlaceholders, findPlaceholders } from './placeholders.ts';
