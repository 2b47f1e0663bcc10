import type { ProgrammeConfig } from '../../../src/contract';
import type { Draft } from '../draft';
import type { DashboardModel } from '../model';
import { newCampaign } from '../programmeItems';
import { AddItem } from './AddItem';
import { DraftField } from './DraftField';
import { NameFields } from './NameFields';
import { useListEditor } from './useListEditor';

type Props = { model: DashboardModel; draft: Draft; programme: ProgrammeConfig; stored: ProgrammeConfig };

export function CampaignsFieldset({ model, draft, programme, stored }: Props) {
  const { t } = model;
  const list = useListEditor(draft, stored, programme, 'campaigns');
  return (
    <fieldset class="group">
      <legend>{t('campaignsTitle')}</legend>
      {programme.campaigns.length === 0 ? <p class="empty">{t('noCampaigns')}</p> : null}
      <ul class="items">
        {programme.campaigns.map((campaign, index) => {
          const at = (field: string) => `campaigns.${index}.${field}`;
          return (
            <li key={`${index}:${campaign.id}`}>
              <fieldset>
                <legend>
                  {campaign.name[model.locale.value] ?? campaign.name.tr ?? campaign.id} <code>{campaign.id}</code>
                </legend>
                {list.idEditable(campaign) ? <DraftField t={t} draft={draft} base={programme} path={at('id')} label={t('itemId')} /> : null}
                <NameFields model={model} draft={draft} programme={programme} path={at('name')} />
                <DraftField t={t} draft={draft} base={programme} path={at('startsAt')} label={t('startsAt')} />
                <DraftField t={t} draft={draft} base={programme} path={at('endsAt')} label={t('endsAt')} />
                <DraftField t={t} draft={draft} base={programme} path={at('multiplier')} label={t('multiplier')} kind="number" />
                <button type="button" class="button" id={list.removeId(index)} onClick={() => list.remove(index)}>
                  {t('removeCampaign', { name: campaign.id })}
                </button>
              </fieldset>
            </li>
          );
        })}
      </ul>
      <AddItem id={list.addId} label={t('addCampaign')} onAdd={() => list.add(newCampaign(programme.campaigns), 'name.tr')} />
    </fieldset>
  );
}
