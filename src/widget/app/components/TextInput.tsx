import type { SurveyQuestion } from '../../../contract/survey';
import { useI18n } from '../i18n';

type TextQuestion = Extract<SurveyQuestion, { type: 'text' }>;

interface TextInputProps {
  question: TextQuestion;
  value: unknown;
  id: string;
  labelledBy: string;
  describedBy: string | undefined;
  invalid: boolean;
  onChange(value: string): void;
}

/** Free text with a live counter in Unicode code points (what the server counts), never truncated. */
export function TextInput({ question, value, id, labelledBy, describedBy, invalid, onChange }: TextInputProps) {
  const { t } = useI18n();
  const text = typeof value === 'string' ? value : '';
  const count = [...text].length;
  const max = question.maxLength;
  const counterId = `${id}-counter`;
  const props = {
    id,
    class: 'survey-text',
    value: text,
    placeholder: question.placeholder,
    'aria-labelledby': labelledBy,
    'aria-describedby': describedBy ? `${describedBy} ${counterId}` : counterId,
    'aria-invalid': invalid || count > max ? ('true' as const) : undefined,
    'aria-required': question.required ? ('true' as const) : undefined,
    onInput: (event: Event) => onChange((event.currentTarget as HTMLInputElement | HTMLTextAreaElement).value),
  };
  return (
    <div class="survey-text-field">
      {question.multiline ? <textarea rows={4} {...props} /> : <input type="text" autoComplete="off" {...props} />}
      <p class={count > max ? 'survey-counter is-over' : 'survey-counter'} id={counterId}>
        <span aria-hidden="true">{t('survey.counter', { count, max })}</span>
        <span class="visually-hidden">{t('survey.counterLabel', { count, max })}</span>
      </p>
    </div>
  );
}
