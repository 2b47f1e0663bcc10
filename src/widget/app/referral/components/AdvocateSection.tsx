import { LoadingState } from '../../components/LoadingState';
import { useI18n } from '../../i18n';
import type { LoyaltyModel } from '../../models/loyaltyModel';
import type { ReferralModel } from '../referralModel';
import { CopyLink } from './CopyLink';
import { QrCode } from './QrCode';
import { ReferralStatsList } from './ReferralStatsList';
import { ShareLinks } from './ShareLinks';
import { useReferralText } from './useReferralText';

/** The signed-in shopper's side: what both get, the link to copy or share, its QR code, the stats. */
export function AdvocateSection({ referral, loyalty }: { referral: ReferralModel; loyalty: LoyaltyModel }) {
  const { t, offer } = useReferralText();
  const { points } = useI18n();
  const state = referral.mine.value;
  const link = referral.link.value;
  if (state.status === 'error') {
    return (
      <div class="card" part="error" role="alert">
        <p class="card-text">{t('ref.error')}</p>
        <button type="button" class="button" part="button" onClick={() => referral.retry()}>
          {t('ref.retry')}
        </button>
      </div>
    );
  }
  if (state.status !== 'ready' || !link) return <LoadingState />;
  const { data } = state;
  const shop = loyalty.boot.value?.shop.name ?? '';
  const gift = data.friendOffer ? offer(data.friendOffer) : null;
  const message = gift ? t('ref.message', { shop, offer: gift }) : t('ref.messageNoOffer', { shop });

  return (
    <div class="referral">
      <section class="card referral-card" aria-labelledby="sadakat-referral-intro">
        <p class="card-text referral-intro" id="sadakat-referral-intro">
          {gift ? t('ref.intro', { offer: gift, points: points(data.advocatePoints) }) : t('ref.introPointsOnly', { points: points(data.advocatePoints) })}
        </p>
        <CopyLink link={link} onCopied={() => referral.shared('copy')} />
        <p class="card-text">{t('ref.code', { code: data.code })}</p>
        <ShareLinks link={link} message={message} subject={t('ref.subject', { shop })} onShare={(channel) => referral.shared(channel)} />
        <QrCode qr={data.qr} />
        <p class="row-hint">{data.holdDays > 0 ? t('ref.hold', { days: data.holdDays }) : t('ref.holdNone')}</p>
      </section>
      <ReferralStatsList stats={data.stats} />
    </div>
  );
}
