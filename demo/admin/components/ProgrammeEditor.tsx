import type { ProgrammeConfig } from '../../../src/contract';
import type { DashboardModel } from '../model';
import { ErrorSummary } from './ErrorSummary';
import { CampaignsFieldset } from './CampaignsFieldset';
import { EarnRulesFieldset } from './EarnRulesFieldset';
import { SaveBar } from './SaveBar';
import { RewardsFieldset } from './RewardsFieldset';
import { Section } from './Section';
import { TiersFieldset } from './TiersFieldset';

/**
 * The programme (earn rules, rewards, tiers, campaigns: each edited, added or removed), saved whole with
 * `PUT /v1/merchant/programme`: the server validates it with the contract and either saves all of
 * it (audited) or nothing, naming each field; its errors land next to the fields.
 */
export function ProgrammeEditor({ model }: { model: DashboardModel }) {
  const { t, config } = model;
  const draft = config.programmeDraft;
  return (
    <Section id="programme" title={t('programmeSettingsTitle')} help={t('programmeSettingsHelp')} model={model} data={model.programme.value}>
      {(stored) => {
        // Unsaved added or removed items live in the draft's base until saved.
        const programme = (draft.base.value as ProgrammeConfig | null) ?? stored;
        return (
        <form
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            void config.saveProgramme();
          }}
        >
          <EarnRulesFieldset model={model} draft={draft} programme={programme} stored={stored} />
          <RewardsFieldset model={model} draft={draft} programme={programme} stored={stored} />
          <TiersFieldset model={model} draft={draft} programme={programme} stored={stored} />
          <CampaignsFieldset model={model} draft={draft} programme={programme} stored={stored} />
          <ErrorSummary t={t} title={t('errorSummary')} issues={draft.errors.value} />
          <SaveBar model={model} state={draft.state.value} />
        </form>
        );
      }}
    </Section>
  );
}
