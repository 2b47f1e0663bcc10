import type { LoyaltyModel } from '../models/loyaltyModel';
import { ActivityPreview } from './ActivityPreview';
import { CampaignBanner } from './CampaignBanner';
import { NextRewardCard } from './NextRewardCard';
import { TierProgress } from './TierProgress';
import { ViewLinks } from './ViewLinks';

/** Home for a signed-in shopper: tier progress, next reward, recent activity, links to views. */
export function HomeView({ model }: { model: LoyaltyModel }) {
  const customer = model.customer.value;
  const programme = model.programme.value;
  const next = model.nextReward.value;
  if (!customer || !programme) return null;
  return (
    <div class="stack">
      <CampaignBanner programme={programme} />
      <TierProgress customer={customer} programme={programme} />
      {next ? <NextRewardCard next={next} onOpen={() => model.show('rewards')} /> : null}
      <ActivityPreview entries={customer.recentActivity} />
      <ViewLinks onOpen={(view) => model.show(view)} />
    </div>
  );
}
