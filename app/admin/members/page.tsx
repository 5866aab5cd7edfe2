import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { getFormatDate } from '@/lib/i18n/get-format-date';
import { InviteMemberDialog } from '@/components/admin/invite-member-dialog';
import { MemberRowActions } from '@/components/admin/member-row-actions';
import { Badge, EmptyState, PageHeader } from '@/components/ui/card';
import { SearchForm } from '@/components/ui/search-form';
import { latestMemberMails, listMembers, MEMBERS_PAGE } from '@/db/queries/members';
import { MemberMailState } from '@/components/admin/member-mail-state';
import { lockedMemberIds } from '@/lib/auth/login-locks';
import { requireOrgAdmin } from '@/lib/auth/require';
import { getDb } from '@/db';
import { formatTimeCursor, parseTimeCursor } from '@/db/pagination';
import { DataTable } from '@/components/ui/table';

export default async function MembersPage({
  searchParams,
}: {
  searchParams: Promise<{ q?: string; before?: string }>;
}) {
  const session = await requireOrgAdmin();
  const sp = await searchParams;
  const q = sp.q?.trim().slice(0, 100) || undefined;
  const rows = await listMembers(getDb(), { q, before: parseTimeCursor(sp.before) });
  const locked = await lockedMemberIds(
    getDb(),
    rows.map((m) => m.id),
  );
  const page = rows.slice(0, MEMBERS_PAGE);
  const next = rows.length > MEMBERS_PAGE ? page[page.length - 1] : null;
  const mails = await latestMemberMails(
    getDb(),
    page.map((m) => m.id),
  );
  const t = await getTranslations('admin.members');
  const tc = await getTranslations('common');
  const formatDate = await getFormatDate();
  const statusTone = { invited: 'amber', active: 'green', deactivated: 'slate' } as const;
  const statusLabel = { invited: t('statusInvited'), active: t('statusActive'), deactivated: t('statusDeactivated') };
  return (
    <>
      <PageHeader title={t('title')} description={t('intro')} actions={<InviteMemberDialog />} />
      <SearchForm q={q} placeholder={t('searchPlaceholder')} label={tc('search')} />
      {page.length === 0 ? (
        <EmptyState title={q ? t('noMatch') : t('empty')} />
      ) : (
        <DataTable
          headers={[t('name'), t('loginId'), t('email'), t('status'), t('lastLogin'), { srOnly: tc('actions') }]}
        >
          {page.map((m) => (
            <tr key={m.id} data-testid={`member-${m.loginId}`}>
              <td className="px-4 py-2">
                {m.name}
                {m.id === session.member.id && <span className="ml-1 text-xs text-slate-500">({t('you')})</span>}
                {m.isOrgAdmin && (
                  <span className="ml-2">
                    <Badge tone="blue">{t('orgAdmin')}</Badge>
                  </span>
                )}
              </td>
              <td className="px-4 py-2 font-mono">{m.loginId}</td>
              <td className="px-4 py-2">{m.email}</td>
              <td className="px-4 py-2">
                <Badge tone={statusTone[m.status]}>{statusLabel[m.status]}</Badge>
                {mails.get(m.id) && <MemberMailState mail={mails.get(m.id)!} />}
              </td>
              <td className="px-4 py-2 text-slate-500">
                {m.lastLoginAt ? formatDate(m.lastLoginAt, 'dateTime') : '—'}
              </td>
              <td className="px-4 py-2">
                <MemberRowActions member={m} isSelf={m.id === session.member.id} locked={locked.has(m.id)} />
              </td>
            </tr>
          ))}
        </DataTable>
      )}
      {next && (
        <Link
          className="mt-4 inline-block text-sm text-brand-700 hover:underline"
          href={`/admin/members?${new URLSearchParams({ ...(q ? { q } : {}), before: formatTimeCursor({ at: next.cursor, id: next.id }) })}`}
        >
          {tc('more')}
        </Link>
      )}
    </>
  );
}
