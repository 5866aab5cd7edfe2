/** The deployment's mail domain (MAIL_DOMAIN): representative addresses and Message-IDs live under it. */
export function mailDomain(): string {
  return process.env.MAIL_DOMAIN || 'contactdesk.local';
}

/** True when the built-in receiver accepts mail for `{serviceId}@{MAIL_DOMAIN}` (대표 계정). */
export function representativeEnabled(): boolean {
  return Boolean(process.env.MAIL_DOMAIN);
}

/** The representative address of a service, or null when no mail domain is configured. */
export function representativeAddress(serviceId: string): string | null {
  return representativeEnabled() ? `${serviceId}@${process.env.MAIL_DOMAIN}` : null;
}

/** The Message-ID of one outbox delivery: the same on every retry, so receivers can drop duplicates. */
export function deliveryMessageId(deliveryId: string): string {
  return `<${deliveryId}@${mailDomain()}>`;
}
