import type { PublicProgramme } from '../../../contract';
import { useI18n } from '../i18n';

/** Running campaigns ("double points"), one line each. */
export function CampaignBanner({ programme }: { programme: PublicProgramme }) {
  const { t, number } = useI18n();
  if (programme.campaigns.length === 0) return null;
  return (
    <ul class="campaigns">
      {programme.campaigns.map((campaign) => (
        <li key={campaign.id} class="campaign">
          {t('campaign.active', { name: campaign.name, multiplier: number(campaign.multiplier) })}
        </li>
      ))}
    </ul>
  );
}
