import { describe, expect, it } from 'vitest';
import { CouponCode, DisplayText, SafeUrl } from '../../src/contract';

// Reliability case T14, the contract half: what the widget refuses before anything is rendered.
// (The browser half — text shown literally, wrapped, isolated — is test/e2e/xss.test.ts.)

describe('hostile values the contract refuses', () => {
  it.each(['<img src=x onerror=alert(1)>', 'ABCD-EFGH-JKLM<', 'abcd-efgh-jkmn', 'ABCD-EFGH-JKMN\u202E', 'ABCD-EFGH-JKMN\n', ''])('a coupon code %j', (code) => {
    expect(CouponCode.safeParse(code).success).toBe(false);
  });

  it('a well-formed coupon code passes', () => {
    expect(CouponCode.safeParse('ABCD-EFGH-JKMN').success).toBe(true);
  });

  it.each([
    'javascript:alert(1)',
    'JaVaScRiPt:alert(1)',
    ' javascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'vbscript:msgbox(1)',
    'http://evil.example/',
    '//evil.example/x',
    '/relative',
    'https://' + 'a'.repeat(2000) + '.example',
  ])('a link %j', (url) => {
    expect(SafeUrl.safeParse(url).success).toBe(false);
  });

  it('an https link passes', () => {
    expect(SafeUrl.safeParse('https://shop.example/odul?x=1').success).toBe(true);
  });

  it('display text over 500 characters (a 10 kB unbroken string)', () => {
    expect(DisplayText.safeParse('W'.repeat(10_000)).success).toBe(false);
    expect(DisplayText.safeParse('W'.repeat(500)).success).toBe(true);
  });
});
