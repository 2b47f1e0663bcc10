import type { ProgrammeConfig } from '../../../src/contract';
import { restructure, type Draft } from '../draft';
import type { MessageKey } from '../i18n';
import type { DashboardModel } from '../model';
import { DraftField } from './DraftField';

type Props = { model: DashboardModel; draft: Draft; programme: ProgrammeConfig };

/** Shop-authored text: Turkish is the source; an empty English falls back to it. */
function NameFields({ model, draft, programme, path, tr = 'nameTr', en = 'nameEn' }: Props & { path: string; tr?: MessageKey; en?: MessageKey }) {
  return (
    <>
      <DraftField t={model.t} draft={draft} base={programme} path={`${path}.tr`} label={model.t(tr)} />
      <DraftField t={model.t} draft={draft} base={programme} path={`${path}.en`} label={model.t(en)} kind="optionalText" />
    </>
  );
}

export function EarnRulesFieldset({ model, draft, programme }: Props) {
  const { t } = model;
  return (
    <fieldset class="group">
      <legend>{t('earnRulesTitle')}</legend>
      <ul class="items">
        {programme.earnRules.map((rule, index) => {
          const at = (field: string) => `earnRules.${index}.${field}`;
          return (
            <li key={rule.id}>
              <fieldset>
                <legend>
                  {t(`ruleKind_${rule.kind}`)} <code>{rule.id}</code>
                </legend>
                {rule.kind === 'order' ? (
                  <DraftField t={model.t} draft={draft} base={programme} path={at('pointsPerUnit')} label={t('pointsPerUnit')} kind="number" />
                ) : (
                  <DraftField t={model.t} draft={draft} base={programme} path={at('points')} label={t('rulePoints')} kind="number" />
                )}
                {rule.kind === 'action' ? (
                  <>
                    <NameFields model={model} draft={draft} programme={programme} path={at('label')} tr="labelTr" en="labelEn" />
                    <DraftField t={model.t} draft={draft} base={programme} path={at('url')} label={t('link')} kind="optionalText" />
                  </>
                ) : null}
              </fieldset>
            </li>
          );
        })}
      </ul>
    </fieldset>
  );
}

export function RewardsFieldset({ model, draft, programme }: Props) {
  const { t } = model;
  return (
    <fieldset class="group">
      <legend>{t('rewardsEditTitle')}</legend>
      <ul class="items">
        {programme.rewards.map((reward, index) => {
          const at = (field: string) => `rewards.${index}.${field}`;
          return (
            <li key={reward.id}>
              <fieldset>
                <legend>
                  {reward.name[model.locale.value] ?? reward.name.tr ?? reward.id} <code>{reward.id}</code>
                </legend>
                <NameFields model={model} draft={draft} programme={programme} path={at('name')} />
                <DraftField t={model.t} draft={draft} base={programme} path={at('cost')} label={t('cost')} kind="number" />
                {reward.kind === 'amount_off' || reward.kind === 'percent_off' ? (
                  <DraftField t={model.t} draft={draft} base={programme} path={at('value')} label={t('value')} kind="number" />
                ) : null}
                <DraftField t={model.t} draft={draft} base={programme} path={at('minOrder')} label={t('minOrder')} kind="optionalNumber" />
                <DraftField t={model.t} draft={draft} base={programme} path={at('validDays')} label={t('validDays')} kind="optionalNumber" />
              </fieldset>
            </li>
          );
        })}
      </ul>
    </fieldset>
  );
}

export function TiersFieldset({ model, draft, programme }: Props) {
  const { t } = model;
  return (
    <fieldset class="group">
      <legend>{t('tiersTitle')}</legend>
      <ul class="items">
        {programme.tiers.map((tier, index) => {
          const at = (field: string) => `tiers.${index}.${field}`;
          return (
            <li key={tier.id}>
              <fieldset>
                <legend>
                  {tier.name[model.locale.value] ?? tier.name.tr ?? tier.id} <code>{tier.id}</code>
                </legend>
                <NameFields model={model} draft={draft} programme={programme} path={at('name')} />
                <DraftField t={model.t} draft={draft} base={programme} path={at('threshold')} label={t('threshold')} kind="number" />
                <DraftField t={model.t} draft={draft} base={programme} path={at('multiplier')} label={t('multiplier')} kind="number" />
              </fieldset>
            </li>
          );
        })}
      </ul>
    </fieldset>
  );
}

const DAY = 24 * 60 * 60 * 1000;

/** A week of double points from the next midnight (UTC): a starting point the merchant edits. */
function newCampaign(campaigns: ProgrammeConfig['campaigns']): ProgrammeConfig['campaigns'][number] {
  let n = campaigns.length + 1;
  while (campaigns.some((c) => c.id === `kampanya-${n}`)) n++;
  const start = Math.ceil(Date.now() / DAY) * DAY;
  return {
    id: `kampanya-${n}`,
    name: { tr: `Kampanya ${n}`, en: `Campaign ${n}` },
    startsAt: new Date(start).toISOString(),
    endsAt: new Date(start + 7 * DAY).toISOString(),
    multiplier: 2,
  };
}

export function CampaignsFieldset({ model, draft, programme, stored }: Props & { stored: ProgrammeConfig }) {
  const { t } = model;
  const change = (edit: (campaigns: ProgrammeConfig['campaigns']) => ProgrammeConfig['campaigns']) =>
    restructure(stored, draft, (value) => ({ ...value, campaigns: edit(value.campaigns) }));
  return (
    <fieldset class="group">
      <legend>{t('campaignsTitle')}</legend>
      {programme.campaigns.length === 0 ? <p class="empty">{t('noCampaigns')}</p> : null}
      <ul class="items">
        {programme.campaigns.map((campaign, index) => {
          const at = (field: string) => `campaigns.${index}.${field}`;
          return (
            <li key={campaign.id}>
              <fieldset>
                <legend>
                  {campaign.name[model.locale.value] ?? campaign.name.tr ?? campaign.id} <code>{campaign.id}</code>
                </legend>
                <NameFields model={model} draft={draft} programme={programme} path={at('name')} />
                <DraftField t={model.t} draft={draft} base={programme} path={at('startsAt')} label={t('startsAt')} />
                <DraftField t={model.t} draft={draft} base={programme} path={at('endsAt')} label={t('endsAt')} />
                <DraftField t={model.t} draft={draft} base={programme} path={at('multiplier')} label={t('multiplier')} kind="number" />
                <button type="button" class="button" onClick={() => change((campaigns) => campaigns.filter((_, i) => i !== index))}>
                  {t('removeCampaign', { name: campaign.id })}
                </button>
              </fieldset>
            </li>
          );
        })}
      </ul>
      <button type="button" class="button add" onClick={() => change((campaigns) => [...campaigns, newCampaign(campaigns)])}>
        {t('addCampaign')}
      </button>
    </fieldset>
  );
}
