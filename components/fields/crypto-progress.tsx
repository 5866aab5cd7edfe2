'use client';

import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useEffect } from 'react';

/**
 * Progress of the background run that converts a field's stored values after 암호화 was switched;
 * while it runs, the screen refreshes itself every few seconds.
 */
export function CryptoProgress({
  run,
}: {
  run: { encrypt: boolean; total: number; done: number; status: 'pending' | 'running' | 'done' };
}) {
  const t = useTranslations('fieldRules');
  const router = useRouter();
  const open = run.status !== 'done';
  useEffect(() => {
    if (!open) return;
    const timer = setInterval(() => router.refresh(), 3000);
    return () => clearInterval(timer);
  }, [open, router]);
  const action = t(run.encrypt ? 'encryptAction' : 'decryptAction');
  const text =
    run.status === 'done'
      ? t('cryptoDone', { name: action, max: run.total })
      : run.status === 'pending'
        ? t('cryptoPending', { name: action, max: run.total })
        : t('cryptoProgress', { name: action, count: run.done, max: run.total });
  return (
    <div className="mt-1 text-xs text-slate-600" role="status" data-testid="crypto-progress">
      <p>{text}</p>
      {open && <progress className="h-1.5 w-28" max={run.total} value={run.done} aria-label={text} />}
    </div>
  );
}
