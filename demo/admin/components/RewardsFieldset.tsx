import type { ProgrammeConfig } from '../../../src/contract';
import type { Draft } from '../draft';
import type { DashboardModel } from '../model';
import { newReward, REWARD_KINDS, type RewardKind } from '../programmeItems';
import { AddItem } from './AddItem';
import { DraftField } from './DraftField';
import { NameFields } from './NameFields';
import { useListEditor } from './useListEditor';

type Props = { model: DashboardModel; draft: Draft; programme: ProgrammeConfig; stored: ProgrammeConfig };

export function RewardsFieldset({ model, draft, programme, stored }: Props) {
  const { t } = model;
  const list = useListEditor(draft, stored, programme, 'rewards');
  return (
    <fieldset class="group">
      <legend>{t('rewardsEditTitle')}</legend>
      {programme.rewards.length === 0 ? <p class="empty">{t('noRewards')}</p> : null}
      <ul class="items">
        {programme.rewards.map((reward, index) => {
          const at = (field: string) => `rewards.${index}.${field}`;
          return (
            <li key={`${index}:${reward.id}`}>
              <fieldset>
                <legend>
                  {reward.name[model.locale.value] ?? reward.name.tr ?? reward.id} <code>{reward.id}</code>
                </legend>
                {list.idEditable(reward) ? <DraftField t={t} draft={draft} base={programme} path={at('id')} label={t('itemId')} /> : null}
                <NameFields model={model} draft={draft} programme={programme} path={at('name')} />
                <DraftField t={t} draft={draft} base={programme} path={at('cost')} label={t('cost')} kind="number" />
                {reward.kind === 'amount_off' || reward.kind === 'percent_off' ? (
                  <DraftField t={t} draft={draft} base={programme} path={at('value')} label={t('value')} kind="number" />
                ) : null}
                <DraftField t={t} draft={draft} base={programme} path={at('minOrder')} label={t('minOrder')} kind="optionalNumber" />
                <DraftField t={t} draft={draft} base={programme} path={at('validDays')} label={t('validDays')} kind="optionalNumber" />
                <DraftField t={t} draft={draft} base={programme} path={at('tierId')} label={t('rewardTier')} kind="optionalText" />
                <button type="button" class="button" id={list.removeId(index)} onClick={() => list.remove(index)}>
                  {t('removeReward', { name: reward.id })}
                </button>
              </fieldset>
            </li>
          );
        })}
      </ul>
      <AddItem<RewardKind>
        id={list.addId}
        label={t('addReward')}
        kinds={{ label: t('rewardKind'), options: REWARD_KINDS.map((kind) => ({ value: kind, label: t(`rewardKind_${kind}`) })) }}
        onAdd={(kind) => list.add(newReward(kind, programme.rewards), 'id')}
      />
    </fieldset>
  );
}
