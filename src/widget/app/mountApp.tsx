/**
 * The panel module (`dist/sadakat-app.mjs`), loaded lazily by the core on intent or when idle.
 * It receives the core's plain context, wraps it in one signals model and renders the panel.
 */
import { render } from 'preact';
import panelCss from '../styles/panel.css?inline';
import type { AppContext, MountedApp } from '../core/appContext';
import { App } from './components/App';
import { LoyaltyModel, parseBootResponse } from './models/loyaltyModel';

export function mountApp(context: AppContext): MountedApp {
  // From now on every payload is checked against the whole contract, the current one included.
  context.upgradeParser(parseBootResponse);
  const removeStyles = context.addStyles(panelCss);
  const mount = context.container.ownerDocument.createElement('div');
  context.container.append(mount);
  const model = new LoyaltyModel(context);
  render(<App model={model} launcher={context.launcher} />, mount);
  return {
    unmount() {
      render(null, mount);
      model[Symbol.dispose]();
      mount.remove();
      removeStyles();
    },
  };
}
