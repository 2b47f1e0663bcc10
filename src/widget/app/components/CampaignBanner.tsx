import type { PublicProgramme } from '../../../contract';
import { useI18n } from '../i18n';
import { Icon } from './Icon';

/** Running campaigns ("double points"), one line each: the name and the multiplier. */
export function CampaignBanner({ programme }: { programme: PublicProgramme }) {
  const { t, number } = useI18n();
  if (programme.campaigns.length === 0) return null;
  return (
    <ul class="campaigns">
      {programme.campaigns.map((campaign) => (
        <li key={campaign.id} class="campaign">
          <Icon name="bolt" />
          <bdi class="campaign-name">{campaign.name}</bdi>
          <span class="chip">{t('tier.multiplier', { multiplier: number(campaign.multiplier) })}</span>
        </li>
      ))}
    </ul>
  );
}
