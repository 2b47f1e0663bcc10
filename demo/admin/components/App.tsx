import type { DashboardModel } from '../model';
import { Dashboard } from './Dashboard';
import { SignIn } from './SignIn';

export function App({ model }: { model: DashboardModel }) {
  return model.signedIn.value ? <Dashboard model={model} /> : <SignIn model={model} />;
}
