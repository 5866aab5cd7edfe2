/** The public base URL of this deployment (APP_URL, else NEXTAUTH_URL), for links in mails and documents. */
export function appUrl(): string {
  return (process.env.APP_URL ?? process.env.NEXTAUTH_URL ?? 'http://localhost:3000').replace(/\/+$/, '');
}
