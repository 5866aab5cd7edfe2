'use client';

import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { useTranslations } from 'next-intl';
import { Button } from '@/components/ui/button';
import { useToast } from '@/components/ui/toast';
import { generateUserKeyAction } from '@/app/[serviceId]/(desk)/settings/channels/actions';

/** Dooray 유저키 on the agent screen, with 생성 for agents added after 조직 등록. */
export function DoorayUserKey({
  serviceId,
  agentId,
  userKey,
}: {
  serviceId: string;
  agentId: string;
  userKey: string | null;
}) {
  const t = useTranslations('channels.dooray');
  const toast = useToast();
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, start] = useTransition();
  const generate = () =>
    start(async () => {
      setError(null);
      const r = await generateUserKeyAction(null, { serviceId, agentId });
      if (!r.ok) return setError([...Object.values(r.fieldErrors ?? {}).flat()].join(' ') || r.error);
      toast(t('generated'));
      router.refresh();
    });
  return (
    <section
      aria-labelledby="dooray-user-key"
      className="mt-6 space-y-1 rounded-lg border border-slate-200 bg-white p-4"
    >
      <h2 id="dooray-user-key" className="text-sm font-semibold">
        {t('userKey')}
      </h2>
      <div className="flex flex-wrap items-center gap-3 text-sm">
        <span className="font-mono" data-testid="dooray-user-key">
          {userKey ?? t('userKeyNone')}
        </span>
        <Button size="sm" variant="secondary" onClick={generate} disabled={pending}>
          {t('generate')}
        </Button>
      </div>
      <p className="text-xs text-slate-500">{t('userKeyHelp')}</p>
      {error && (
        <p role="alert" className="text-xs text-red-600">
          {error}
        </p>
      )}
    </section>
  );
}
