// Providers where `j.o.h.n+shop@…` reaches the same inbox as `john@…`. Dots are ignored only at
// Gmail; sub-addressing with `+` works at all of these. Other providers keep both (a dot or a plus
// may be part of a genuinely different address there).
const DOTS_IGNORED = new Set(['gmail.com', 'googlemail.com']);
const PLUS_TAGS = new Set([
  'gmail.com',
  'googlemail.com',
  'outlook.com',
  'hotmail.com',
  'live.com',
  'msn.com',
  'icloud.com',
  'me.com',
  'mac.com',
  'proton.me',
  'protonmail.com',
  'pm.me',
  'fastmail.com',
  'yandex.com',
  'yandex.ru',
]);
const DOMAIN_ALIASES: Record<string, string> = { 'googlemail.com': 'gmail.com' };

/**
 * The address as one inbox: lower case (local part too: in practice no provider tells cases
 * apart), Unicode NFKC, and at Gmail-like providers without dots and `+tags`. Used to allow one
 * friend claim per inbox and to spot an advocate referring themselves.
 */
export function emailKey(email: string): string | null {
  const normal = email.normalize('NFKC').trim().toLowerCase();
  const at = normal.lastIndexOf('@');
  if (at <= 0 || at === normal.length - 1) return null;
  let local = normal.slice(0, at);
  let domain = normal.slice(at + 1).replace(/\.$/, '');
  if (PLUS_TAGS.has(domain)) local = local.split('+')[0]!;
  if (DOTS_IGNORED.has(domain)) local = local.replace(/\./g, '');
  domain = DOMAIN_ALIASES[domain] ?? domain;
  return local ? `${local}@${domain}` : null;
}
