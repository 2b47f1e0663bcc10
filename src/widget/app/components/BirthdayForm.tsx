import { useRef } from 'preact/hooks';
import type { EarnRule } from '../../../contract';
import { errorText } from '../errorText';
import { useI18n } from '../i18n';
import type { EarnModel } from '../models/earnModel';
import { Icon } from './Icon';

/** The birthday, entered once; afterwards the saved day is shown instead of the form. */
export function BirthdayForm({ rule, earn }: { rule: Extract<EarnRule, { kind: 'birthday' }>; earn: EarnModel }) {
  const { t, points, locale } = useI18n();
  const input = useRef<HTMLInputElement>(null);
  const saved = earn.birthday.value;
  const error = earn.error.value?.id === 'birthday' ? earn.error.value.code : null;

  if (saved) {
    const [month, day] = saved.split('-').map(Number);
    const date = new Intl.DateTimeFormat(locale.tag, { day: 'numeric', month: 'long', timeZone: 'UTC' }).format(Date.UTC(2000, (month ?? 1) - 1, day));
    return (
      <p class="row task-done">
        <span class="row-text">{t('earn.birthdaySaved', { date, points: points(rule.points) })}</span>
        <span class="chip chip-success">
          <Icon name="check" />
          {t('earn.claimed')}
        </span>
      </p>
    );
  }
  return (
    <form
      class="task-body"
      onSubmit={(event) => {
        event.preventDefault();
        const value = input.current?.value;
        if (value) void earn.saveBirthday(value);
      }}
    >
      <label class="field-label" for="sadakat-birthday">
        {t('earn.birthdayLabel')}
      </label>
      <span class="row-hint" id="sadakat-birthday-hint">
        {t('earn.birthdayHint', { points: points(rule.points) })}
      </span>
      <div class="row">
        <input
          id="sadakat-birthday"
          class="input"
          type="date"
          required
          max={new Date().toISOString().slice(0, 10)}
          aria-describedby="sadakat-birthday-hint"
          ref={input}
        />
        <button type="submit" class="button button-small" part="button" disabled={earn.pending.value === 'birthday'}>
          {t('earn.birthdaySave')}
        </button>
      </div>
      {error ? (
        <p class="form-error" role="alert" part="error">
          {errorText(t, error)}
        </p>
      ) : null}
    </form>
  );
}
