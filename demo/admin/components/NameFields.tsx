import type { ProgrammeConfig } from '../../../src/contract';
import type { Draft } from '../draft';
import type { MessageKey } from '../i18n';
import type { DashboardModel } from '../model';
import { DraftField } from './DraftField';

/** Shop-authored text: Turkish is the source; an empty English falls back to it. */
export function NameFields({
  model,
  draft,
  programme,
  path,
  tr = 'nameTr',
  en = 'nameEn',
}: {
  model: DashboardModel;
  draft: Draft;
  programme: ProgrammeConfig;
  path: string;
  tr?: MessageKey;
  en?: MessageKey;
}) {
  return (
    <>
      <DraftField t={model.t} draft={draft} base={programme} path={`${path}.tr`} label={model.t(tr)} />
      <DraftField t={model.t} draft={draft} base={programme} path={`${path}.en`} label={model.t(en)} kind="optionalText" />
    </>
  );
}
