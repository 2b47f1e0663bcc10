import type { ReadonlySignal } from '@preact/signals';
import { useMemo } from 'preact/hooks';
import { createTranslator } from '../../i18n/translate';
import { I18n } from '../i18n';
import type { LoyaltyModel } from '../models/loyaltyModel';
import type { SurveyFeature } from '../survey/surveyFeature';
import { ComingSoon } from './ComingSoon';
import { ErrorState } from './ErrorState';
import { GuestView } from './GuestView';
import { HomeView } from './HomeView';
import { LoadingState } from './LoadingState';
import { Panel } from './Panel';
import { PanelHeader } from './PanelHeader';

interface AppProps {
  model: LoyaltyModel;
  /** The survey chunk, once loaded: its card by the launcher and the panel's survey view. */
  survey: ReadonlySignal<SurveyFeature | null>;
  launcher: HTMLElement;
}

/** The panel: header plus the current view, routed by `model.view`; and the survey card. */
export function App({ model, survey, launcher }: AppProps) {
  const locale = model.locale.value;
  const translator = useMemo(() => createTranslator(locale), [locale]);
  const status = model.status.value;
  const view = model.view.value;
  const feature = survey.value;

  let body;
  if (status === 'error') body = <ErrorState code={model.error.value} onRetry={() => model.retry()} />;
  else if (status === 'loading') body = <LoadingState />;
  else if (view === 'survey') body = feature ? <feature.View model={feature.model} onDone={() => model.close()} /> : <LoadingState />;
  else if (view !== 'home') body = <ComingSoon onHome={() => model.back()} />;
  else if (status === 'customer') body = <HomeView model={model} />;
  else body = <GuestView model={model} />;

  return (
    <I18n.Provider value={translator}>
      <Panel open={model.open} labelledBy="sadakat-title" returnFocusTo={launcher} onClose={() => model.close()}>
        <PanelHeader model={model} />
        <div class="body" part="body">
          {body}
        </div>
      </Panel>
      {feature ? <feature.Card model={feature.model} launcher={launcher} /> : null}
    </I18n.Provider>
  );
}
