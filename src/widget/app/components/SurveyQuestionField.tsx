import type { SurveyQuestion } from '../../../contract/survey';
import type { Draft } from '../survey/drafts';
import { useI18n } from '../i18n';
import { ChoiceInput } from './ChoiceInput';
import { ScaleInput } from './ScaleInput';
import { TextInput } from './TextInput';

interface FieldProps {
  question: SurveyQuestion;
  draft: Draft | undefined;
  /** The message to show under the question, already translated. */
  error: string | null;
  /** Prefix for ids, so the card and the panel never share one. */
  idPrefix: string;
  onChange(draft: Draft): void;
}

/**
 * One question: a fieldset named by its legend (the prompt), described by the merchant's second
 * line, the scale's end labels and the error. Scales make the fieldset itself the radio group.
 * Merchant texts are JSX text: never parsed as HTML.
 */
export function SurveyQuestionField({ question, draft, error, idPrefix, onChange }: FieldProps) {
  const { t } = useI18n();
  const id = (part: 'prompt' | 'description' | 'ends' | 'error' | 'input') => `${idPrefix}-${part}`;
  const scale = question.type === 'nps' || question.type === 'csat' ? question : null;
  const ends = scale && (scale.lowLabel || scale.highLabel) ? scale : null;
  const describedBy = [question.description ? id('description') : '', ends ? id('ends') : '', error ? id('error') : ''].filter(Boolean).join(' ') || undefined;

  return (
    <fieldset
      class="question"
      part="question"
      role={scale ? 'radiogroup' : undefined}
      aria-describedby={question.type === 'text' ? undefined : describedBy}
      aria-required={scale && question.required ? 'true' : undefined}
      aria-invalid={scale && error ? 'true' : undefined}
    >
      <legend class="question-prompt" id={id('prompt')}>
        {question.prompt}
        {question.required ? null : <span class="question-optional">{t('survey.optional')}</span>}
      </legend>
      {question.description ? (
        <p class="question-description" id={id('description')}>
          {question.description}
        </p>
      ) : null}
      {scale ? <ScaleInput question={scale} value={draft} onChange={onChange} /> : null}
      {ends ? (
        <p class="scale-ends" id={id('ends')}>
          <span>{ends.lowLabel}</span>
          <span>{ends.highLabel}</span>
        </p>
      ) : null}
      {question.type === 'single-choice' || question.type === 'multiple-choice' ? (
        <ChoiceInput question={question} value={draft} name={`${idPrefix}-${question.id}`} onChange={onChange} />
      ) : null}
      {question.type === 'text' ? (
        <TextInput question={question} value={draft} id={id('input')} labelledBy={id('prompt')} describedBy={describedBy} invalid={error !== null} onChange={onChange} />
      ) : null}
      {error ? (
        <p class="question-error" id={id('error')} role="alert">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}
