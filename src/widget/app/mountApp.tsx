/**
 * The panel module (`dist/sadakat-app.mjs`), loaded lazily by the core on intent or when idle.
 * It receives the core's plain context, wraps it in one signals model and renders the panel.
 * The survey feature is a further chunk, loaded only when a survey is asked, the survey view
 * opens, or an earlier page left answers waiting in the outbox.
 */
import { effect, signal } from '@preact/signals';
import { render } from 'preact';
import loyaltyCss from '../styles/loyalty.css?inline';
import panelCss from '../styles/panel.css?inline';
import type { AppContext, MountedApp } from '../core/appContext';
import { loadCatalog } from '../i18n/catalogs';
import { App } from './components/App';
import { ErrorBoundary } from './components/ErrorBoundary';
import { containHandlers, warnFailed } from './containment';
import { createFeatures } from './features';
import { LoyaltyModel, parseBootResponse } from './models/loyaltyModel';
import { pendingSurveyWork } from './survey/pending';
import type { SurveyFeature } from './survey/surveyFeature';
import { rememberedReferral } from '../core/referralCapture';
import { referralFromUrl, referralOptions } from './referral/landing';
import { createStorefrontApi } from './api/storefront';
import type { ReferralFeature } from './referral/referralFeature';
import { referralCatalogs } from './referral/i18n/catalogs';

export function mountApp(core: AppContext): MountedApp {
  // The core calls this from a promise callback: an exception here would be an unhandled rejection
  // on the host page. A panel that cannot start leaves the launcher as it is, with one warning.
  try {
    return startApp(core);
  } catch (error) {
    warnFailed(error);
    core.emit('sadakat:error', { code: 'load_failed' });
    return { unmount() {}, showSurvey() {} };
  }
}

function startApp(core: AppContext): MountedApp {
  // The launcher's one badge, for any of its reasons (an affordable reward, a friend's offer).
  const badges = new Set<string>();
  const badgeFor = (reason: string) => (on: boolean) => {
    if (on) badges.add(reason);
    else badges.delete(reason);
    core.setBadge(badges.size > 0);
  };
  const context: AppContext = { ...core, setBadge: badgeFor('reward') };
  // From now on every payload is checked against the whole contract, the current one included.
  context.upgradeParser(parseBootResponse);
  const removeStyles = context.addStyles(panelCss + loyaltyCss);
  const doc = context.container.ownerDocument;
  const win = doc.defaultView as Window & typeof globalThis;
  const mount = doc.createElement('div');
  // No box of its own (like the root): nothing of the widget takes part in the page's layout.
  mount.className = 'app';
  context.container.append(mount);
  const model = new LoyaltyModel(context);
  const features = createFeatures(context, model);

  const survey = signal<SurveyFeature | null>(null);
  let surveyLoading: Promise<SurveyFeature | null> | null = null;
  let unmounted = false;
  const loadSurvey = () =>
    (surveyLoading ??= import('./survey/surveyFeature').then(
      ({ createSurveyFeature }) => {
        if (unmounted) return null;
        survey.value ??= createSurveyFeature({ context, boot: model.boot, state: model.state, window: win });
        return survey.value;
      },
      (error: unknown) => {
        surveyLoading = null;
        console.warn('[sadakat] could not load the survey', error);
        context.emit('sadakat:error', { code: 'load_failed' });
        return null;
      },
    ));
  // Answers an earlier page left waiting: the page module loaded the panel for them.
  if (pendingSurveyWork(win, context.connection().shop)) void loadSurvey();
  const stopSurveyView = effect(() => {
    if (model.open.value && model.view.value === 'survey') void loadSurvey();
  });

  // The referral chunk: on the Refer-a-friend view, or when a friend's code is on the page or remembered.
  const referral = signal<ReferralFeature | null>(null);
  let referralLoading: Promise<ReferralFeature | null> | null = null;
  // Its strings are a chunk per language, fetched alongside: a failure of either is one load failure.
  const loadReferral = () =>
    (referralLoading ??= Promise.all([import('./referral/referralFeature'), referralCatalogs.load(model.locale.peek().language)]).then(
      ([{ createReferralFeature }]) => {
        if (unmounted) return null;
        referral.value ??= createReferralFeature({ context, loyalty: model, api: createStorefrontApi(() => context.connection()), window: win, candidate, badge: badgeFor('referral') });
        return referral.value;
      },
      (error: unknown) => {
        referralLoading = null;
        console.warn('[sadakat] could not load the referral view', error);
        context.emit('sadakat:error', { code: 'load_failed' });
        return null;
      },
    ));
  // `?ref=` of this page view when it looks like a code (markup, long values, look-alikes dropped unread).
  const candidate = referralFromUrl(win.location.href, referralOptions(context.referral).param);
  if (candidate || rememberedReferral(win, context.connection().shop)) void loadReferral();
  const stopReferralView = effect(() => {
    if (model.open.value && model.view.value === 'referral') void loadReferral();
  });

  const fault = signal(false);
  const stopContaining = containHandlers(context.root, (error) => {
    warnFailed(error);
    fault.value = true;
  });
  // The panel renders once its language's catalog (a chunk of its own) is in; the request starts
  // here, in parallel with the rest of the panel's work. A failed load is reported like the survey's.
  void loadCatalog(model.locale.peek().language).then(
    () => {
      if (unmounted) return;
      render(
        <ErrorBoundary fallback="nothing" onRetry={() => model.retry()}>
          <App model={model} survey={survey} referral={referral} launcher={context.launcher} features={features} fault={fault} />
        </ErrorBoundary>,
        mount,
      );
    },
    (error: unknown) => {
      console.warn('[sadakat] could not load the panel texts', error);
      context.emit('sadakat:error', { code: 'load_failed' });
    },
  );
  return {
    unmount() {
      stopContaining();
      unmounted = true;
      stopSurveyView();
      stopReferralView();
      render(null, mount);
      survey.value?.dispose();
      referral.value?.dispose();
      features.dispose();
      model[Symbol.dispose]();
      mount.remove();
      removeStyles();
    },
    showSurvey(id, orderId) {
      void loadSurvey().then((feature) => feature?.model.ask(id, orderId));
    },
  };
}
