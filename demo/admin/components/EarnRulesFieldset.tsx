import type { ProgrammeConfig } from '../../../src/contract';
import type { Draft } from '../draft';
import type { DashboardModel } from '../model';
import { addableRuleKinds, newEarnRule, type EarnRuleKind } from '../programmeItems';
import { AddItem } from './AddItem';
import { DraftField } from './DraftField';
import { NameFields } from './NameFields';
import { useListEditor } from './useListEditor';

type Props = { model: DashboardModel; draft: Draft; programme: ProgrammeConfig; stored: ProgrammeConfig };

export function EarnRulesFieldset({ model, draft, programme, stored }: Props) {
  const { t } = model;
  const list = useListEditor(draft, stored, programme, 'earnRules');
  return (
    <fieldset class="group">
      <legend>{t('earnRulesTitle')}</legend>
      {programme.earnRules.length === 0 ? <p class="empty">{t('noRules')}</p> : null}
      <ul class="items">
        {programme.earnRules.map((rule, index) => {
          const at = (field: string) => `earnRules.${index}.${field}`;
          return (
            <li key={`${index}:${rule.id}`}>
              <fieldset>
                <legend>
                  {t(`ruleKind_${rule.kind}`)} <code>{rule.id}</code>
                </legend>
                {list.idEditable(rule) ? <DraftField t={t} draft={draft} base={programme} path={at('id')} label={t('itemId')} /> : null}
                {rule.kind === 'order' ? (
                  <DraftField t={t} draft={draft} base={programme} path={at('pointsPerUnit')} label={t('pointsPerUnit')} kind="number" />
                ) : (
                  <DraftField t={t} draft={draft} base={programme} path={at('points')} label={t('rulePoints')} kind="number" />
                )}
                {rule.kind === 'action' ? (
                  <>
                    <NameFields model={model} draft={draft} programme={programme} path={at('label')} tr="labelTr" en="labelEn" />
                    <DraftField t={t} draft={draft} base={programme} path={at('url')} label={t('link')} kind="optionalText" />
                  </>
                ) : null}
                <button type="button" class="button" id={list.removeId(index)} onClick={() => list.remove(index)}>
                  {t('removeRule', { name: rule.id })}
                </button>
              </fieldset>
            </li>
          );
        })}
      </ul>
      <AddItem<EarnRuleKind>
        id={list.addId}
        label={t('addRule')}
        kinds={{ label: t('ruleKind'), options: addableRuleKinds(programme.earnRules).map((kind) => ({ value: kind, label: t(`ruleKind_${kind}`) })) }}
        onAdd={(kind) => list.add(newEarnRule(kind, programme.earnRules), 'id')}
      />
    </fieldset>
  );
}
