'use client';

import { Copy } from 'lucide-react';
import { useTranslations } from 'next-intl';
import { Button } from '@/components/ui/button';
import { useToast } from '@/components/ui/toast';

/** Copies `text` to the clipboard and says so. */
export function CopyButton({ text }: { text: string }) {
  const t = useTranslations('email.settings');
  const toast = useToast();
  return (
    <Button
      size="sm"
      variant="secondary"
      onClick={() =>
        navigator.clipboard.writeText(text).then(
          () => toast(t('copied')),
          () => toast(t('copyFailed'), 'error'),
        )
      }
    >
      <Copy className="size-4" aria-hidden />
      {t('copy')}
    </Button>
  );
}
