import type { ProgrammeConfig } from '../../../src/contract';
import type { DashboardModel } from '../model';
import { ErrorSummary } from './ErrorSummary';
import { CampaignsFieldset, EarnRulesFieldset, RewardsFieldset, TiersFieldset } from './ProgrammeFieldsets';
import { SaveBar } from './SaveBar';
import { Section } from './Section';

/**
 * The programme (earn rules, rewards, tiers, campaigns), saved whole with
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
          <EarnRulesFieldset model={model} draft={draft} programme={programme} />
          <RewardsFieldset model={model} draft={draft} programme={programme} />
          <TiersFieldset model={model} draft={draft} programme={programme} />
          <CampaignsFieldset model={model} draft={draft} programme={programme} stored={stored} />
          <ErrorSummary t={t} title={t('errorSummary')} issues={draft.errors.value} />
          <SaveBar model={model} state={draft.state.value} />
        </form>
        );
      }}
    </Section>
  );
}
