import { useRef } from 'preact/hooks';
import type { SurveyQuestion } from '../../../contract/survey';
import { useI18n } from '../i18n';
import { FaceIcon } from './FaceIcon';
import { Icon } from './Icon';

type ScaleQuestion = Extract<SurveyQuestion, { type: 'nps' | 'csat' }>;

const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

/**
 * NPS (0–10) and CSAT (1–5, stars or faces) as one radio group with a roving tabindex: Tab enters
 * on the chosen value (or the first), arrow keys move and choose (mirrored in right-to-left),
 * Home and End jump to the ends. The group itself is the question's fieldset (role `radiogroup`).
 */
export function ScaleInput({ question, value, onChange }: { question: ScaleQuestion; value: unknown; onChange(value: number): void }) {
  const { t } = useI18n();
  const ref = useRef<HTMLDivElement>(null);
  const values = question.type === 'nps' ? range(0, 10) : range(1, 5);
  const selected = typeof value === 'number' && values.includes(value) ? value : null;
  const tabbable = selected ?? values[0];
  const kind = question.type === 'nps' ? 'nps' : question.display;
  const name = (v: number) => (kind === 'nps' ? undefined : kind === 'stars' ? t('survey.stars', { count: v }) : t(`survey.face${v as 1 | 2 | 3 | 4 | 5}`));

  const choose = (v: number, focus: boolean) => {
    onChange(v);
    if (focus) ref.current?.querySelector<HTMLElement>(`[data-value="${v}"]`)?.focus();
  };

  const onKeyDown = (event: KeyboardEvent) => {
    const current = values.indexOf(Number((event.target as HTMLElement).dataset.value));
    if (current < 0) return;
    const rtl = ref.current?.closest('[dir]')?.getAttribute('dir') === 'rtl';
    const steps: Record<string, number> = { ArrowRight: rtl ? -1 : 1, ArrowLeft: rtl ? 1 : -1, ArrowDown: 1, ArrowUp: -1 };
    let next: number;
    if (event.key === 'Home') next = 0;
    else if (event.key === 'End') next = values.length - 1;
    else if (event.key in steps) next = (current + steps[event.key]! + values.length) % values.length;
    else return;
    event.preventDefault();
    choose(values[next]!, true);
  };

  return (
    <div ref={ref} class={`scale scale-${kind}`} onKeyDown={onKeyDown}>
      {values.map((v) => (
        <button
          key={v}
          type="button"
          role="radio"
          class={kind === 'stars' && selected !== null && v <= selected ? 'scale-option is-lit' : 'scale-option'}
          aria-checked={v === selected}
          aria-label={name(v)}
          tabIndex={v === tabbable ? 0 : -1}
          data-value={v}
          onClick={() => choose(v, false)}
        >
          {kind === 'nps' ? v : kind === 'stars' ? <Icon name="star" /> : <FaceIcon value={v} />}
        </button>
      ))}
    </div>
  );
}
