'use client';

import { useTranslations } from 'next-intl';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { ProcessActionPicker } from '../process-action-picker';

export const REPLY_ACTIONS = ['solve', 'pend', 'comment', 'internal'] as const;
export type ReplyAction = (typeof REPLY_ACTIONS)[number];
export type Preview = { to: string | null; subject: string; text: string };

/** 처리 선택 (and 내부해결's reason), 미리보기 for replies to the customer, and 처리하기. */
export function SendBar({
  action,
  setAction,
  available,
  reason,
  setReason,
  reasonErrors,
  pending,
  onPreview,
  onSubmit,
}: {
  action: ReplyAction;
  setAction: (a: ReplyAction) => void;
  available: readonly ReplyAction[];
  reason: string;
  setReason: (r: string) => void;
  reasonErrors?: string[];
  pending: boolean;
  onPreview: () => void;
  onSubmit: () => void;
}) {
  const t = useTranslations('tickets');
  return (
    <div className="mt-3 flex flex-wrap items-end gap-2">
      <ProcessActionPicker
        actions={available}
        action={action}
        onAction={setAction}
        reason={reason}
        onReason={setReason}
        reasonErrors={reasonErrors}
        named
      />
      <div className="ml-auto flex gap-2">
        {(action === 'solve' || action === 'pend') && (
          <Button variant="secondary" onClick={onPreview} disabled={pending}>
            {t('process.preview')}
          </Button>
        )}
        <Button onClick={onSubmit} disabled={pending}>
          {pending ? t('process.running') : t('process.submit')}
        </Button>
      </div>
    </div>
  );
}

/** 미리보기: the mail the customer would get (recipient, subject, text). */
export function PreviewDialog({ preview, onClose }: { preview: Preview | null; onClose: () => void }) {
  const t = useTranslations('tickets');
  return (
    <Dialog open={Boolean(preview)} onOpenChange={(o) => !o && onClose()} title={t('process.previewTitle')} size="lg">
      {preview && (
        <div className="flex flex-col gap-2 text-sm">
          <p>
            <span className="text-slate-500">{t('process.previewTo')}:</span>{' '}
            {preview.to ?? t('process.previewNoEmail')}
          </p>
          <p>
            <span className="text-slate-500">{t('process.previewSubject')}:</span> {preview.subject}
          </p>
          <pre className="max-h-96 overflow-auto rounded border border-slate-200 bg-slate-50 p-3 font-sans whitespace-pre-wrap">
            {preview.text}
          </pre>
        </div>
      )}
    </Dialog>
  );
}
