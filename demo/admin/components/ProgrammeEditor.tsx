import { useSignal } from '@preact/signals';
import type { ProgrammeConfig } from '../../../src/contract';
import type { DashboardModel } from '../model';
import { Section } from './Section';

type Reward = ProgrammeConfig['rewards'][number];
type Draft = { nameTr: string; nameEn: string; cost: string; value: string };

function draftOf(reward: Reward): Draft {
  return { nameTr: reward.name.tr ?? '', nameEn: reward.name.en ?? '', cost: String(reward.cost), value: 'value' in reward && reward.value !== undefined ? String(reward.value) : '' };
}

/** "12" → 12; anything else goes to the server as typed, so its error names the field. */
function numberOrRaw(text: string): number | string | null {
  if (text.trim() === '') return null;
  const n = Number(text);
  return Number.isFinite(n) ? n : text;
}

function Field({ id, label, value, error, onInput, inputMode }: { id: string; label: string; value: string; error: string | undefined; onInput: (v: string) => void; inputMode?: 'numeric' | 'decimal' }) {
  return (
    <div class="field">
      <label for={id}>{label}</label>
      <input
        id={id}
        type="text"
        inputMode={inputMode}
        value={value}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        onInput={(event) => onInput(event.currentTarget.value)}
      />
      {error ? (
        <p class="field-error" id={`${id}-error`}>
          {error}
        </p>
      ) : null}
    </div>
  );
}

/** Rewards editor: saved with `PUT /v1/merchant/programme`; the server's field errors land next to each field. */
export function ProgrammeEditor({ model }: { model: DashboardModel }) {
  const { t } = model;
  const drafts = useSignal<Record<string, Draft>>({});
  return (
    <Section id="programme" title={t('programmeTitle')} help={t('programmeHelp')} model={model} data={model.programme.value}>
      {(programme) => {
        const errorFor = (index: number, field: string) => model.fieldErrors.value.find((issue) => issue.path === `rewards.${index}.${field}` || (field === 'name' && issue.path.startsWith(`rewards.${index}.name`)))?.message;
        const draft = (reward: Reward) => drafts.value[reward.id] ?? draftOf(reward);
        const update = (reward: Reward, patch: Partial<Draft>) => {
          drafts.value = { ...drafts.value, [reward.id]: { ...draft(reward), ...patch } };
          model.saveState.value = 'idle';
        };
        return (
          <form
            noValidate
            onSubmit={(event) => {
              event.preventDefault();
              const rewards = programme.rewards.map((reward) => {
                const d = draft(reward);
                const name: Record<string, string> = { ...reward.name, tr: d.nameTr };
                if (d.nameEn.trim() !== '' || reward.name.en !== undefined) name.en = d.nameEn;
                return { ...reward, name, cost: numberOrRaw(d.cost), ...('value' in reward && reward.value !== undefined ? { value: numberOrRaw(d.value) } : {}) };
              });
              void model.saveProgramme({ ...programme, rewards }).then(() => {
                if (model.saveState.value === 'saved') drafts.value = {};
              });
            }}
          >
            <ul class="rewards">
              {programme.rewards.map((reward, index) => {
                const d = draft(reward);
                const base = `reward-${index}`;
                return (
                  <li key={reward.id} class="reward">
                    <fieldset>
                      <legend>
                        {reward.name[model.locale.value] ?? reward.id} <code>{reward.id}</code>
                      </legend>
                      <Field id={`${base}-name-tr`} label={t('nameTr')} value={d.nameTr} error={errorFor(index, 'name')} onInput={(v) => update(reward, { nameTr: v })} />
                      <Field id={`${base}-name-en`} label={t('nameEn')} value={d.nameEn} error={undefined} onInput={(v) => update(reward, { nameEn: v })} />
                      <Field id={`${base}-cost`} label={t('cost')} value={d.cost} inputMode="numeric" error={errorFor(index, 'cost')} onInput={(v) => update(reward, { cost: v })} />
                      {'value' in reward && reward.value !== undefined ? (
                        <Field id={`${base}-value`} label={t('value')} value={d.value} inputMode="decimal" error={errorFor(index, 'value')} onInput={(v) => update(reward, { value: v })} />
                      ) : null}
                    </fieldset>
                  </li>
                );
              })}
            </ul>
            <div class="actions">
              <button type="submit" class="button button--primary" disabled={model.saveState.value === 'saving'}>
                {model.saveState.value === 'saving' ? t('saving') : t('save')}
              </button>
              <p role="status" class={model.saveState.value === 'failed' ? 'error' : 'ok'}>
                {model.saveState.value === 'saved' ? t('saved') : model.saveState.value === 'failed' ? t('saveFailed') : ''}
              </p>
            </div>
          </form>
        );
      }}
    </Section>
  );
}
