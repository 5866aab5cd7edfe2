import addressparser from 'nodemailer/lib/addressparser';

/** The mail domain of this deployment (Message-IDs, the default sender). */
export function mailDomain(): string {
  return process.env.MAIL_DOMAIN || 'contactdesk.local';
}

/** The address every mail is sent from: MAIL_FROM_ADDRESS, else MAIL_FROM's address, else no-reply@MAIL_DOMAIN. */
export function senderAddress(): string {
  if (process.env.MAIL_FROM_ADDRESS) return process.env.MAIL_FROM_ADDRESS;
  const parsed = process.env.MAIL_FROM ? addressparser(process.env.MAIL_FROM, { flatten: true })[0] : undefined;
  return parsed?.address || `no-reply@${mailDomain()}`;
}

/**
 * The sender of every mail a service sends to its customers (replies, help-center
 * confirmations): the service's name over the deployment's address, so a customer sees one
 * sender for one service. The name goes through nodemailer's own encoding, never by hand.
 */
export function serviceSender(serviceName: string): { name: string; address: string } {
  return { name: serviceName.replace(/[\r\n]+/g, ' ').trim(), address: senderAddress() };
}
