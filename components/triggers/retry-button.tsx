'use client';

import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useTransition } from 'react';
import { retryDeliveryAction } from '@/app/[serviceId]/(desk)/settings/triggers/actions';
import { Button } from '@/components/ui/button';
import { useToast } from '@/components/ui/toast';

/** 재시도 of a dead delivery: a new series of attempts with the same delivery id. */
export function RetryButton({ serviceId, deliveryId }: { serviceId: string; deliveryId: string }) {
  const t = useTranslations('triggers.deliveries');
  const [pending, start] = useTransition();
  const toast = useToast();
  const router = useRouter();
  return (
    <Button
      size="sm"
      variant="secondary"
      disabled={pending}
      onClick={() =>
        start(async () => {
          const r = await retryDeliveryAction(null, { serviceId, deliveryId });
          if (r.ok) {
            toast(t('retried'));
            router.refresh();
          } else toast(r.error, 'error');
        })
      }
    >
      {t('retry')}
    </Button>
  );
}
