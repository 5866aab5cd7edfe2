/** Every job queue of Contact Desk, with its pg-boss settings. */
export const QUEUES = {
  /** 개인정보 파기: destroys due field values; singleton so at most one run is active anywhere. */
  piiDestroy: { name: 'pii-destroy', policy: 'singleton', cron: '*/15 * * * *', retryLimit: 3 },
} as const;
