import type { ProgrammeConfig } from '../../../src/contract';
import type { Draft } from '../draft';
import type { DashboardModel } from '../model';
import { newTier } from '../programmeItems';
import { AddItem } from './AddItem';
import { DraftField } from './DraftField';
import { NameFields } from './NameFields';
import { useListEditor } from './useListEditor';

type Props = { model: DashboardModel; draft: Draft; programme: ProgrammeConfig; stored: ProgrammeConfig };

export function TiersFieldset({ model, draft, programme, stored }: Props) {
  const { t } = model;
  const list = useListEditor(draft, stored, programme, 'tiers');
  return (
    <fieldset class="group">
      <legend>{t('tiersTitle')}</legend>
      {programme.tiers.length === 0 ? <p class="empty">{t('noTiers')}</p> : null}
      <ul class="items">
        {programme.tiers.map((tier, index) => {
          const at = (field: string) => `tiers.${index}.${field}`;
          return (
            <li key={`${index}:${tier.id}`}>
              <fieldset>
                <legend>
                  {tier.name[model.locale.value] ?? tier.name.tr ?? tier.id} <code>{tier.id}</code>
                </legend>
                {list.idEditable(tier) ? <DraftField t={t} draft={draft} base={programme} path={at('id')} label={t('itemId')} /> : null}
                <NameFields model={model} draft={draft} programme={programme} path={at('name')} />
                <DraftField t={t} draft={draft} base={programme} path={at('threshold')} label={t('threshold')} kind="number" />
                <DraftField t={t} draft={draft} base={programme} path={at('multiplier')} label={t('multiplier')} kind="number" />
                <button type="button" class="button" id={list.removeId(index)} onClick={() => list.remove(index)}>
                  {t('removeTier', { name: tier.id })}
                </button>
              </fieldset>
            </li>
          );
        })}
      </ul>
      <AddItem id={list.addId} label={t('addTier')} onAdd={() => list.add(newTier(programme.tiers), 'id')} />
    </fieldset>
  );
}
