import { render } from 'preact';
import './admin.css';
import { App } from './components/App';
import { createDashboardModel } from './model';

const root = document.getElementById('app');
if (root) {
  const locale = navigator.language.toLowerCase().startsWith('tr') ? 'tr' : 'en';
  const model = createDashboardModel({ locale });
  document.documentElement.lang = locale;
  root.textContent = '';
  render(<App model={model} />, root);
}
