import { waitFor } from '@testing-library/dom';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { useBackend } from './support/backend';
import { launcherText } from './support/widget';

const suite = useBackend();

/** The backend's fetch, recording the `locale` each boot asked for and optionally editing the answer. */
function recording(edit?: (body: Record<string, unknown>) => void) {
  const asked: Array<string | null> = [];
  const fetchFn: typeof fetch = async (input, init) => {
    asked.push(new URL(String(input)).searchParams.get('locale'));
    const response = await suite.backend.fetch(input, init);
    if (!edit) return response;
    const body = (await response.json()) as Record<string, unknown>;
    edit(body);
    return new Response(JSON.stringify(body), { status: response.status, headers: response.headers });
  };
  return { asked, fetchFn };
}

afterEach(() => {
  document.documentElement.lang = '';
});

describe('language and direction on the widget root', () => {
  it('Arabic: dir="rtl" and lang on the root the widget renders into, Arabic launcher name', async () => {
    const widget = suite.start(suite.options({ locale: 'ar', customerToken: await suite.backend.tokenFor('ayse') }));
    const root = widget.root().querySelector('.root');
    expect(root).toHaveAttribute('dir', 'rtl');
    expect(root).toHaveAttribute('lang', 'ar');
    const digits = new Intl.NumberFormat('ar').format(2450);
    await launcherText(widget, new RegExp(digits));
    expect(widget.launcher()).toHaveAccessibleName(new RegExp(`^برنامج المكافآت: ${digits} نقطة`));
    // The host element itself carries nothing: the page's own direction is left alone.
    expect(widget.host().hasAttribute('dir')).toBe(false);
  });

  it('Turkish and English are left-to-right; a later init() switches language and direction', async () => {
    const widget = suite.start(suite.options({ locale: 'en' }));
    const root = () => widget.root().querySelector('.root');
    expect(root()).toHaveAttribute('dir', 'ltr');
    expect(root()).toHaveAttribute('lang', 'en');
    widget.api.init(suite.options({ locale: 'ar-EG' }));
    expect(root()).toHaveAttribute('dir', 'rtl');
    expect(root()).toHaveAttribute('lang', 'ar-EG');
  });
});

describe('locale chain', () => {
  it('sends the resolved locale with the boot call: option, then <html lang>, then the browser', async () => {
    const first = recording();
    document.documentElement.lang = 'en-GB';
    const a = suite.start(suite.options({ locale: undefined, fetch: first.fetchFn }));
    await waitFor(() => expect(first.asked).toEqual(['en-GB']));
    expect(a.root().querySelector('.root')).toHaveAttribute('lang', 'en-GB');
    a.api.destroy();

    document.documentElement.lang = 'de';
    vi.spyOn(navigator, 'languages', 'get').mockReturnValue(['fr-FR', 'ar-MA']);
    const second = recording();
    const b = suite.start(suite.options({ locale: undefined, fetch: second.fetchFn }));
    await waitFor(() => expect(second.asked).toEqual(['ar-MA']));
    expect(b.root().querySelector('.root')).toHaveAttribute('dir', 'rtl');
  });

  it('with no catalog anywhere in the chain, asks without a locale and adopts the shop default', async () => {
    document.documentElement.lang = 'de';
    vi.spyOn(navigator, 'languages', 'get').mockReturnValue(['fr-FR']);
    // This shop's default language is English (the demo shop's is Turkish, so the answer says so).
    const { asked, fetchFn } = recording((body) => (body.locale = 'en'));
    const widget = suite.start(suite.options({ locale: 'de', fetch: fetchFn, customerToken: await suite.backend.tokenFor('ayse') }));
    expect(await launcherText(widget, /\d/)).toBe('2,450 points');
    expect(asked).toEqual([null]);
    expect(widget.root().querySelector('.root')).toHaveAttribute('lang', 'en');
    // A repeated init() with the same options keeps the adopted language and does not re-boot.
    widget.api.init(suite.options({ locale: 'de', fetch: fetchFn, customerToken: await suite.backend.tokenFor('ayse') }));
    expect(widget.root().querySelector('.root')).toHaveAttribute('lang', 'en');
  });
});
