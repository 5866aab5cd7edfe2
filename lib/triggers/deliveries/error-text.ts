/**
 * The message key (and parameters) that explains a delivery attempt's error class in the
 * member's language: classes are stored as short codes (`http_500`, `redirect`, `blocked_address`,
 * `ECONNREFUSED`, …) so logs stay language-neutral.
 */
export function deliveryErrorMessage(errorClass: string): { key: string; params?: Record<string, string> } {
  if (errorClass === 'redirect') return { key: 'error.redirect' };
  if (errorClass === 'ticket_gone') return { key: 'error.ticketGone' };
  if (errorClass === 'timeout' || errorClass === 'ETIMEDOUT') return { key: 'error.timeout' };
  if (errorClass.startsWith('blocked')) return { key: 'error.blocked' };
  if (errorClass === 'ENOTFOUND' || errorClass === 'EAI_AGAIN') return { key: 'error.dns' };
  if (errorClass === 'ECONNREFUSED' || errorClass === 'ECONNRESET') return { key: 'error.refused' };
  const http = /^http_(\d{3})$/.exec(errorClass);
  if (http) return { key: 'error.http', params: { status: http[1] } };
  if (/^E[A-Z]+$/.test(errorClass) && errorClass.startsWith('E'))
    return { key: 'error.mail', params: { code: errorClass } };
  return { key: 'error.other', params: { code: errorClass } };
}
