/** Where the shopper can share: each is a plain link (no third-party script is ever loaded). */
export type ShareChannel = 'whatsapp' | 'x' | 'facebook' | 'email' | 'sms';

export const SHARE_CHANNELS: ShareChannel[] = ['whatsapp', 'x', 'facebook', 'email', 'sms'];

/** A share URL that carries `link` (and a short message) to each channel. */
export function shareUrl(channel: ShareChannel, link: string, message: string, subject: string): string {
  const text = `${message} ${link}`;
  const q = encodeURIComponent;
  switch (channel) {
    case 'whatsapp':
      return `https://wa.me/?text=${q(text)}`;
    case 'x':
      return `https://x.com/intent/post?text=${q(message)}&url=${q(link)}`;
    case 'facebook':
      return `https://www.facebook.com/sharer/sharer.php?u=${q(link)}`;
    case 'email':
      return `mailto:?subject=${q(subject)}&body=${q(text)}`;
    case 'sms':
      // `?&body=` is the form both iOS and Android read.
      return `sms:?&body=${q(text)}`;
  }
}
