import type { ReferralQr } from '../../../../contract';
import { useReferralText } from './useReferralText';

/** Modules of light margin around the code (scanners need a quiet zone; the server sends none). */
const QUIET = 2;

/**
 * The link as a QR code, dark modules on a light square in any colour mode (scanners need the
 * contrast). The modules come from the server (`MyReferral.qr`), already checked against the
 * contract's strict path grammar, and are drawn as JSX: no SVG or HTML string is ever parsed.
 */
export function QrCode({ qr }: { qr: ReferralQr }) {
  const { t } = useReferralText();
  const side = qr.size + 2 * QUIET;
  return (
    <figure class="referral-qr">
      <svg viewBox={`${-QUIET} ${-QUIET} ${side} ${side}`} role="img" aria-label={t('ref.qr')} shape-rendering="crispEdges">
        <rect x={-QUIET} y={-QUIET} width={side} height={side} fill="#fff" />
        <path d={qr.path} fill="#000" />
      </svg>
    </figure>
  );
}
