'use client';

import { Copy, KeyRound } from 'lucide-react';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { issueApiKeyAction, revokeApiKeyAction } from '@/app/[serviceId]/(desk)/settings/auth/actions';
import { Button } from '@/components/ui/button';
import { ConfirmDialog, Dialog } from '@/components/ui/dialog';
import { useToast } from '@/components/ui/toast';
import { useConfirmedAction } from '@/components/ui/use-confirmed-action';

/** 서비스 Key 생성 / API Key 변경: asks first (rotation keeps the old key for the grace period), then shows the new key once. */
export function IssueKeyButton({
  serviceId,
  rotating,
  graceHours,
}: {
  serviceId: string;
  rotating: boolean;
  graceHours: number;
}) {
  const t = useTranslations('apiAuth');
  const [shown, setShown] = useState<string | null>(null);
  const toast = useToast();
  const router = useRouter();
  // The page refreshes when the shown key is closed, not before: the refresh would not show it again.
  const issue = useConfirmedAction(
    () => issueApiKeyAction(null, { serviceId }),
    (d) => void setShown(d.key),
    { refresh: false },
  );
  const copy = async () => {
    if (!shown) return;
    await navigator.clipboard?.writeText(shown).catch(() => {});
    toast(t('copied'));
  };
  return (
    <>
      <Button onClick={issue.ask} data-testid="api-key-issue">
        <KeyRound className="size-4" aria-hidden />
        {rotating ? t('rotate') : t('issue')}
      </Button>
      <ConfirmDialog
        {...issue.dialog}
        title={rotating ? t('rotateTitle') : t('issueTitle')}
        description={rotating ? t('rotateBody', { hours: graceHours }) : t('issueBody')}
        confirmLabel={rotating ? t('rotate') : t('issue')}
      />
      {shown && (
        <Dialog
          open
          onOpenChange={(o) => {
            if (!o) {
              setShown(null);
              router.refresh();
            }
          }}
          title={t('shownTitle')}
          description={t('shownOnce')}
        >
          <div className="space-y-3">
            <code
              className="block rounded-md border border-slate-300 bg-slate-50 p-3 font-mono text-sm break-all select-all"
              data-testid="api-key-value"
            >
              {shown}
            </code>
            <div className="flex justify-end gap-2">
              <Button variant="secondary" onClick={copy}>
                <Copy className="size-4" aria-hidden />
                {t('copy')}
              </Button>
              <Button
                onClick={() => {
                  setShown(null);
                  router.refresh();
                }}
              >
                {t('done')}
              </Button>
            </div>
          </div>
        </Dialog>
      )}
    </>
  );
}

/** 폐기: revokes one key at once, after a confirm that says integrations using it stop working. */
export function RevokeKeyButton({ serviceId, keyId, hint }: { serviceId: string; keyId: string; hint: string }) {
  const t = useTranslations('apiAuth');
  const revoke = useConfirmedAction(
    () => revokeApiKeyAction(null, { serviceId, keyId }),
    () => t('revoked'),
  );
  return (
    <>
      <Button size="sm" variant="danger" onClick={revoke.ask} aria-label={`${t('revoke')} ••••${hint}`}>
        {t('revoke')}
      </Button>
      <ConfirmDialog
        {...revoke.dialog}
        title={t('revokeTitle')}
        description={t('revokeBody', { code: hint })}
        confirmLabel={t('revoke')}
      />
    </>
  );
}
