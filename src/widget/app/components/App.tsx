import type { ReadonlySignal, Signal } from '@preact/signals';
import { useMemo } from 'preact/hooks';
import { catalogFor } from '../../i18n/catalogs';
import { createTranslator } from '../../i18n/translate';
import { I18n } from '../i18n';
import type { LoyaltyModel } from '../models/loyaltyModel';
import type { SurveyFeature } from '../survey/surveyFeature';
import type { Features } from '../features';
import type { ReferralFeature } from '../referral/referralFeature';
import { ActivityView } from './ActivityView';
import { EarnView } from './EarnView';
import { PointsToast } from './PointsToast';
import { RewardsView } from './RewardsView';
import { ComingSoon } from './ComingSoon';
import { ErrorBoundary } from './ErrorBoundary';
import { ErrorState } from './ErrorState';
import { GuestView } from './GuestView';
import { HomeView } from './HomeView';
import { LoadingState } from './LoadingState';
import { Panel } from './Panel';
import { PanelHeader } from './PanelHeader';
import { PointsAnnouncer } from './PointsAnnouncer';

interface AppProps {
  model: LoyaltyModel;
  /** The survey chunk, once loaded: its card by the launcher and the panel's survey view. */
  survey: ReadonlySignal<SurveyFeature | null>;
  /** The referral chunk, once loaded: the Refer-a-friend view and the friend's greeting by the launcher. */
  referral?: ReadonlySignal<ReferralFeature | null>;
  launcher: HTMLElement;
  /** Earn, Rewards, Activity and the points toast. */
  features: Features;
  /** Set when a render or an event handler of the panel failed: the view shows the error state. */
  fault: Signal<boolean>;
}

/** The panel: header plus the current view, routed by `model.view`; the survey card and the points toast. */
export function App({ model, survey, referral, launcher, features, fault }: AppProps) {
  const locale = model.locale.value;
  // mountApp renders once a catalog is loaded; after a change of language the previous one shows
  // until the new one has arrived (reading the signal re-renders then).
  const catalog = catalogFor(locale.language);
  const translator = useMemo(() => catalog && createTranslator(locale, catalog), [locale, catalog]);
  if (!translator) return null;
  const status = model.status.value;
  const view = model.view.value;
  const feature = survey.value;
  const referrals = referral?.value ?? null;

  let body;
  if (status === 'error') body = <ErrorState code={model.error.value} onRetry={() => model.retry()} />;
  else if (status === 'loading') body = <LoadingState />;
  else if (view === 'survey') body = feature ? <feature.View model={feature.model} onDone={() => model.close()} /> : <LoadingState />;
  else if (view === 'rewards') body = <RewardsView model={model} rewards={features.rewards} />;
  else if (view === 'earn') body = <EarnView model={model} earn={features.earn} />;
  else if (view === 'activity' && status === 'customer') body = <ActivityView activity={features.activity} />;
  else if (view === 'referral') body = referrals ? <referrals.View referral={referrals.model} loyalty={model} /> : <LoadingState />;
  else if (view !== 'home') body = <ComingSoon onHome={() => model.back()} />;
  else if (status === 'customer') body = <HomeView model={model} />;
  else body = <GuestView model={model} />;

  return (
    <I18n.Provider value={translator}>
      <Panel open={model.open} labelledBy="sadakat-title" returnFocusTo={launcher} onClose={() => model.close()}>
        <PanelHeader model={model} />
        {/* Focusable, so that a keyboard can scroll a view that has no control in it. */}
        <div class="body" role="region" aria-labelledby="sadakat-title" tabIndex={0}>
          <ErrorBoundary key={view} fault={fault} fallback="error" onRetry={() => model.retry()}>
            {body}
          </ErrorBoundary>
        </div>
        <PointsAnnouncer model={model} inDialog />
      </Panel>
      {/* Outside the dialog a gain is read out by the toast's own live region; one voice is enough. */}
      <PointsAnnouncer model={model} inDialog={false} toastShown={features.toast.gained.value !== null} />
      {feature ? <feature.Card model={feature.model} launcher={launcher} /> : null}
      {referrals ? <referrals.Greeting referral={referrals.model} launcher={launcher} onOpen={referrals.openView} /> : null}
      <PointsToast toast={features.toast} />
    </I18n.Provider>
  );
}
