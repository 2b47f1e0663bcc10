import { errorAt } from '../draft';
import { issueText } from '../issueText';
import type { DashboardModel } from '../model';
import { ErrorSummary } from './ErrorSummary';
import { SaveBar } from './SaveBar';
import { Section } from './Section';

/** The storefront origins CORS allows, one exact origin per field; saved whole, audited. */
export function OriginsEditor({ model }: { model: DashboardModel }) {
  const { t, config } = model;
  const list = config.originList.value;
  const set = (next: string[]) => {
    config.originList.value = next;
    config.originState.value = 'idle';
  };
  return (
    <Section id="origins" title={t('originsTitle')} help={t('originsHelp')} model={model} data={config.origins.value}>
      {() => (
        <form
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            void config.saveOrigins();
          }}
        >
          <ul class="origins">
            {list.map((origin, index) => {
              const id = `origin-${index}`;
              const raw = errorAt(config.originErrors.value, `origins.${index}`);
              const error = raw === undefined ? undefined : issueText(t, raw);
              return (
                <li key={index} class="origin">
                  <div class="field">
                    <label for={id}>{t('origin', { n: index + 1 })}</label>
                    <input
                      id={id}
                      type="url"
                      value={origin}
                      spellcheck={false}
                      aria-invalid={error ? 'true' : undefined}
                      aria-describedby={error ? `${id}-error` : undefined}
                      onInput={(event) => set(list.map((o, i) => (i === index ? event.currentTarget.value : o)))}
                    />
                    {error ? (
                      <p class="field-error" id={`${id}-error`}>
                        {error}
                      </p>
                    ) : null}
                  </div>
                  <button type="button" class="button" onClick={() => set(list.filter((_, i) => i !== index))}>
                    {t('removeOrigin', { n: index + 1 })}
                  </button>
                </li>
              );
            })}
          </ul>
          <button type="button" class="button" onClick={() => set([...list, ''])}>
            {t('addOrigin')}
          </button>
          <ErrorSummary t={t} title={t('errorSummary')} issues={config.originErrors.value} />
          <SaveBar model={model} state={config.originState.value} label={t('saveOrigins')} />
        </form>
      )}
    </Section>
  );
}
