/** Every job queue of Contact Desk, with its pg-boss settings. */
export const QUEUES = {
  /** 개인정보 파기: destroys due field values; singleton so at most one run is active anywhere. */
  piiDestroy: { name: 'pii-destroy', policy: 'singleton', cron: '*/15 * * * *', retryLimit: 3 },
  /**
   * One job per trigger delivery attempt (payload: the delivery id only). Retries with backoff are
   * scheduled by the delivery itself (Retry-After, 3 days); the job's own retries cover a worker
   * that dies mid-attempt (the job expires after a minute and runs again).
   */
  triggerDelivery: { name: 'trigger-delivery', policy: 'standard', retryLimit: 5, retryDelay: 20, expireInSeconds: 60 },
  /**
   * 개인정보 파기 of file copies (attachment bytes, outbox mails), enqueued in the destroying
   * transaction; retried with exponential backoff (3 s doubling, about a day in all) and picked up
   * again after a worker dies (the job expires).
   */
  piiFileScrub: {
    name: 'pii-file-scrub',
    policy: 'standard',
    retryLimit: 14,
    retryDelay: 3,
    retryBackoff: true,
    expireInSeconds: 300,
  },
  /** Every minute: converts stored values of fields whose 암호화 was switched (lib/pii/field-crypto.ts). */
  fieldCrypto: { name: 'field-crypto', policy: 'singleton', cron: '* * * * *', retryLimit: 3 },
  /** Every minute: re-enqueues due deliveries whose job was lost (killed worker, queue not yet created). */
  triggerDeliverySweep: { name: 'trigger-delivery-sweep', policy: 'singleton', cron: '* * * * *', retryLimit: 1 },
  /** One poll of one external mail account; stately + singletonKey = account: never two polls of one account at once. */
  mailPoll: { name: 'mail-account-poll', policy: 'stately', retryLimit: 0, expireInSeconds: 300 },
  /**
   * Every minute: the dashboard's daily rollup (lib/dashboard/rollup.ts): rolls up closed days and
   * recomputes days that ticket changes marked stale. Singleton: one run at a time anywhere; the
   * first run over a large service rebuilds every day (about a minute at 1,000,000 tickets).
   */
  dashboardRollup: { name: 'dashboard-rollup', policy: 'singleton', cron: '* * * * *', retryLimit: 1 },
  /** Every minute: enqueues a poll for each active account that is due (backoff after errors). */
  mailPollSweep: { name: 'mail-poll-sweep', policy: 'singleton', cron: '* * * * *', retryLimit: 1 },
} as const;
