import { EVERYONE, A, row, hcForm, hex, type Row } from './table';

/** Public on purpose: the help-center form, the language cookie, password reset and invites. */
export const publicActions: [string, Row][] = [
  // Public on purpose: the form token, the invite token, a language cookie.
  row(A.helpcenter, 'submitInquiryAction', EVERYONE, hcForm),
  row(A.login, 'setGuestLocaleAction', EVERYONE, () => ({ locale: 'ko' })),
  row(A.passwordReset, 'requestPasswordResetAction', EVERYONE, () => ({ login: `nobody${hex()}` })),
  row(A.passwordReset, 'resetPasswordAction', EVERYONE, () => ({
    token: 'y'.repeat(43),
    password: 'new-secret-2026',
    confirm: 'new-secret-2026',
  })),
  row(A.invite, 'acceptInviteAction', EVERYONE, () => ({
    token: 'x'.repeat(43),
    password: 'new-secret-2026',
    confirm: 'new-secret-2026',
  })),
];
