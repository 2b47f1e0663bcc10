import { useMemo } from 'preact/hooks';
import { qrPath } from '../qr';
import { useReferralText } from './useReferralText';

/** The link as a QR code, dark modules on a light square in any colour mode (scanners need the contrast). */
export function QrCode({ link }: { link: string }) {
  const { t } = useReferralText();
  const { size, d } = useMemo(() => qrPath(link), [link]);
  return (
    <figure class="referral-qr">
      <svg viewBox={`0 0 ${size} ${size}`} role="img" aria-label={t('ref.qr')} shape-rendering="crispEdges">
        <rect width={size} height={size} fill="#fff" />
        <path d={d} fill="#000" />
      </svg>
    </figure>
  );
}
