import type { LoyaltyModel } from '../models/loyaltyModel';
import { useI18n } from '../i18n';
import { Icon } from './Icon';

/** Accent header: back and close controls, the greeting, balance and tier (or the guest pitch). */
export function PanelHeader({ model }: { model: LoyaltyModel }) {
  const { t, points } = useI18n();
  const view = model.view.value;
  const customer = model.customer.value;
  const programme = model.programme.value;
  const title = view === 'home' ? (programme?.name ?? t('panel.label')) : t(`view.${view}`);

  return (
    <header class="header" part="header">
      <div class="header-bar">
        {view !== 'home' ? (
          <button type="button" class="icon-button" aria-label={t('panel.back')} onClick={() => model.back()}>
            <Icon name="back" class="flip-rtl" />
          </button>
        ) : null}
        <h2 class="header-title" id="sadakat-title" tabIndex={-1} data-autofocus>
          {title}
        </h2>
        <button type="button" class="icon-button" part="close-button" aria-label={t('panel.close')} onClick={() => model.close()}>
          <Icon name="close" />
        </button>
      </div>
      {view === 'home' && customer ? (
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
              {customer.tier.current.name}
            </p>
          ) : null}
        </div>
      ) : null}
      {view === 'home' && !customer && model.status.value === 'guest' ? <p class="header-pitch">{t('header.guest')}</p> : null}
    </header>
  );
}
