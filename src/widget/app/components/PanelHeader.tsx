import { useLayoutEffect, useRef } from 'preact/hooks';
import type { LoyaltyModel } from '../models/loyaltyModel';
import { useI18n } from '../i18n';
import { GuestActions } from './GuestActions';
import { Icon } from './Icon';

/**
 * Accent header: back and close controls, then on Home the greeting, balance and tier, or for a
 * guest the pitch with the way in. Shop-authored names sit in `<bdi>`, so a Turkish name keeps its
 * own direction inside an Arabic sentence.
 */
export function PanelHeader({ model }: { model: LoyaltyModel }) {
  const { t, points } = useI18n();
  const view = model.view.value;
  const customer = model.customer.value;
  const programme = model.programme.value;
  const home = view === 'home';

  // Moving between views replaces the content under the focus: focus the new view's title, so
  // the keyboard stays in the panel and a screen reader says where the shopper is. A layout
  // effect, so that focus is never left on nothing between the render and the next frame.
  const title = useRef<HTMLHeadingElement>(null);
  const shown = useRef(view);
  useLayoutEffect(() => {
    if (shown.current === view) return;
    shown.current = view;
    if (model.open.peek()) title.current?.focus();
  }, [view, model]);

  return (
    <header class="header" part="header">
      <div class="header-bar">
        {home ? null : (
          <button type="button" class="icon-button" aria-label={t('panel.back')} onClick={() => model.back()}>
            <Icon name="back" class="flip-rtl" />
          </button>
        )}
        <h2 ref={title} class="header-title" id="sadakat-title" tabIndex={-1} data-autofocus>
          {home ? <bdi>{programme?.name ?? t('panel.label')}</bdi> : t(`view.${view}`)}
        </h2>
        <button type="button" class="icon-button" part="close-button" aria-label={t('panel.close')} onClick={() => model.close()}>
          <Icon name="close" />
        </button>
      </div>
      {home && customer ? (
        <div class="header-summary">
          <p class="greeting">{customer.firstName ? t('header.greeting', { name: customer.firstName }) : t('header.greetingNoName')}</p>
          <p class="balance" part="balance">
            <span class="visually-hidden">{t('header.balance')}: </span>
            {points(customer.balance)}
          </p>
          {customer.tier.current ? (
            <p class="tier" part="tier">
              <Icon name="star" />
              <span class="visually-hidden">{t('header.tier')}: </span>
              <bdi>{customer.tier.current.name}</bdi>
            </p>
          ) : null}
        </div>
      ) : null}
      {home && !customer && model.status.value === 'guest' ? (
        <div class="header-summary">
          <p class="header-pitch">{t('header.guest')}</p>
          <GuestActions joinUrl={model.joinUrl.value} signInUrl={model.signInUrl.value} />
        </div>
      ) : null}
    </header>
  );
}
