import { getTranslations } from 'next-intl/server';
import { getFormatDate } from '@/lib/i18n/get-format-date';
import { Badge } from '@/components/ui/card';
import type { doorayConversation } from '@/db/queries/dooray';

/**
 * Dooray 대화 내역: the ticket's tasks with their link and every status change and comment both
 * ways, from what was stored (no call to Dooray), as the ticket page loaded it.
 */
export async function DoorayTab({ conversation }: { conversation: Awaited<ReturnType<typeof doorayConversation>> }) {
  const { tasks, events } = conversation;
  const t = await getTranslations('channels.dooray');
  const formatDate = await getFormatDate();
  if (!tasks.length) return <p className="text-sm text-slate-500">{t('tabEmpty')}</p>;
  return (
    <div className="space-y-4" data-testid="dooray-tab">
      {tasks.map((task) => (
        <section
          key={task.id}
          className="rounded-lg border border-slate-200 bg-white p-4 text-sm"
          aria-label={task.subject}
        >
          <header className="mb-3 flex flex-wrap items-center justify-between gap-2">
            <div>
              <p className="font-medium">{task.subject}</p>
              <p className="text-xs text-slate-500">
                {task.projectName ?? '-'} ·{' '}
                {task.createdAs === 'agent'
                  ? t('createdAsAgent')
                  : task.createdAs === 'registrant'
                    ? t('createdAsRegistrant')
                    : t('taskPending')}
              </p>
            </div>
            {task.taskUrl ? (
              <a
                href={task.taskUrl}
                target="_blank"
                rel="noreferrer noopener"
                className="text-brand-700 hover:underline"
              >
                {t('taskLink')}
              </a>
            ) : (
              <Badge tone="amber">{t('taskPending')}</Badge>
            )}
          </header>
          <ol className="space-y-2">
            {events
              .filter((e) => e.taskId === task.id)
              .map((e) => (
                <li
                  key={e.id}
                  data-kind={e.kind}
                  className={
                    e.kind === 'comment_in'
                      ? 'rounded-md bg-sky-50 p-2'
                      : e.kind === 'comment_out'
                        ? 'rounded-md bg-slate-50 p-2'
                        : 'text-slate-600'
                  }
                >
                  <div className="flex flex-wrap justify-between gap-2 text-xs text-slate-500">
                    <span>
                      {e.kind === 'status'
                        ? t('event.status', {
                            state:
                              e.workflowClass === 'working' || e.workflowClass === 'closed'
                                ? t(`workflow.${e.workflowClass}`)
                                : (e.workflowClass ?? ''),
                          })
                        : t(`event.${e.kind}`, { name: e.authorName ?? '-', subject: e.body ?? '' })}
                      {e.delivery && e.kind !== 'comment_in' && <> · {t(`delivery.${e.delivery}`)}</>}
                    </span>
                    <time dateTime={e.createdAt.toISOString()}>{formatDate(e.createdAt)}</time>
                  </div>
                  {(e.kind === 'comment_in' || e.kind === 'comment_out') && (
                    <p className="mt-1 whitespace-pre-wrap break-words">{e.body}</p>
                  )}
                </li>
              ))}
          </ol>
        </section>
      ))}
    </div>
  );
}
