import type { SurveyQuestion } from '../../../contract/survey';

type ChoiceQuestion = Extract<SurveyQuestion, { type: 'single-choice' | 'multiple-choice' }>;

/** Native radio buttons or checkboxes (the browser's own keyboard handling), one label each. */
export function ChoiceInput({ question, value, name, onChange }: { question: ChoiceQuestion; value: unknown; name: string; onChange(value: string | string[]): void }) {
  const multiple = question.type === 'multiple-choice';
  const picked = Array.isArray(value) ? (value as string[]) : typeof value === 'string' ? [value] : [];
  return (
    <div class="choices">
      {question.options.map((option) => (
        <label key={option.id} class="choice">
          <input
            type={multiple ? 'checkbox' : 'radio'}
            name={name}
            value={option.id}
            checked={picked.includes(option.id)}
            onChange={(event) => {
              const on = event.currentTarget.checked;
              if (!multiple) onChange(option.id);
              else onChange(on ? [...picked.filter((id) => id !== option.id), option.id] : picked.filter((id) => id !== option.id));
            }}
          />
          <span class="choice-label">{option.label}</span>
        </label>
      ))}
    </div>
  );
}
