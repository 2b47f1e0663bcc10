import { SHARE_CHANNELS, shareUrl, type ShareChannel } from '../shareLinks';
import { useReferralText } from './useReferralText';

const BRAND: Record<ShareChannel, string | null> = { whatsapp: 'WhatsApp', x: 'X', facebook: 'Facebook', email: null, sms: null };

interface ShareLinksProps {
  link: string;
  message: string;
  subject: string;
  onShare(channel: ShareChannel | 'native'): void;
}

/** The device's share sheet where it has one (Web Share API), then a plain link per channel. */
export function ShareLinks({ link, message, subject, onShare }: ShareLinksProps) {
  const { t } = useReferralText();
  const nav = typeof navigator === 'undefined' ? null : navigator;
  const canShare = typeof nav?.share === 'function';
  const native = async () => {
    try {
      await nav!.share({ title: subject, text: message, url: link });
      onShare('native');
    } catch {
      // Cancelled or refused: nothing to report.
    }
  };
  const name = (channel: ShareChannel) => BRAND[channel] ?? t(channel === 'email' ? 'ref.email' : 'ref.sms');

  return (
    <div class="referral-share">
      {canShare ? (
        <button type="button" class="button" part="share-button button" onClick={() => native()}>
          {t('ref.share')}
        </button>
      ) : null}
      <ul class="referral-channels" aria-label={t('ref.shareVia')}>
        {SHARE_CHANNELS.map((channel) => (
          <li key={channel}>
            <a
              class="button button-small"
              part="share-button button"
              href={shareUrl(channel, link, message, subject)}
              data-channel={channel}
              target="_blank"
              rel="noopener noreferrer"
              aria-label={t('ref.shareOn', { channel: name(channel) })}
              onClick={() => onShare(channel)}
            >
              {name(channel)}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}
