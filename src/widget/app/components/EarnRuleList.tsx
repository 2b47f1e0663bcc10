import type { EarnRule, PublicProgramme } from '../../../contract';
import { useI18n } from '../i18n';
import type { Translator } from '../../i18n/translate';

function describe(rule: EarnRule, programme: PublicProgramme, { t, points, money }: Translator): string {
  switch (rule.kind) {
    case 'order':
      return t('earn.order', { unit: money(1, programme.currency), points: points(rule.pointsPerUnit) });
    case 'action':
      return t('earn.action', { label: rule.label, points: points(rule.points) });
    default:
      return t(`earn.${rule.kind}`, { points: points(rule.points) });
  }
}

/** "How you earn": one line per earn rule. */
export function EarnRuleList({ programme }: { programme: PublicProgramme }) {
  const translator = useI18n();
  return (
    <ul class="bullets">
      {programme.earnRules.slice(0, 6).map((rule) => (
        <li key={rule.id}>{describe(rule, programme, translator)}</li>
      ))}
    </ul>
  );
}
