import type { TicketChannel } from '@/db/schema';

/** Phones and tablets, for the `helpcenter_mobile` channel (SPEC §3). */
function isMobileUserAgent(ua: string | null | undefined): boolean {
  return Boolean(ua && /Mobi|Android|iPhone|iPad|iPod|Windows Phone|BlackBerry|Opera Mini|IEMobile/i.test(ua));
}

/** The channel of a help-center ticket, by the browser that filed it. */
export function helpcenterChannel(userAgent: string | null | undefined): TicketChannel {
  return isMobileUserAgent(userAgent) ? 'helpcenter_mobile' : 'helpcenter_web';
}
