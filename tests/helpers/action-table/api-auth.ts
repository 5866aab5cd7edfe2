import { ADMINS, A, row, type Row } from './table';

/** Open API keys and settings (설정 → 인증). */
export const apiAuthActions: [string, Row][] = [
  // Open API keys and settings (issue 14): service admins.
  row(A.apiAuth, 'issueApiKeyAction', ADMINS, (fx) => ({ serviceId: fx.s })),
  row(A.apiAuth, 'revokeApiKeyAction', ADMINS, (fx) => ({ serviceId: fx.s, keyId: fx.apiKeyId })),
  row(A.apiAuth, 'saveApiSettingsAction', ADMINS, (fx) => ({
    serviceId: fx.s,
    enabled: 'on',
    cidrs: '',
    rateLimitPerMinute: 60,
  })),
];
