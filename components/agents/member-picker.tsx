'use client';

import { useTranslations } from 'next-intl';
import { useState, useTransition, type KeyboardEvent } from 'react';
import { searchMembersAction } from '@/app/[serviceId]/(desk)/settings/agents/actions';
import { Button } from '@/components/ui/button';
import { Badge } from '@/components/ui/card';
import { FormError, TextField } from '@/components/ui/field';

export type PickedMember = { id: string; name: string; loginId: string; email: string; isOrgAdmin: boolean };
type Row = PickedMember & { status: string; agentId: string | null };
type Cursor = { name: string; id: string } | undefined;

/**
 * 상담원 검색: name, login ID and e-mail boxes (at least one), paginated results; members
 * who are already agents of the service are shown but cannot be picked.
 */
export function MemberPicker({
  serviceId,
  onPick,
  errors,
}: {
  serviceId: string;
  onPick: (m: PickedMember) => void;
  errors?: string[];
}) {
  const t = useTranslations('agents');
  const [query, setQuery] = useState({ name: '', loginId: '', email: '' });
  const [rows, setRows] = useState<Row[] | null>(null);
  const [pages, setPages] = useState<Cursor[]>([]); // cursors of the pages before the current one
  const [current, setCurrent] = useState<Cursor>(undefined);
  const [next, setNext] = useState<Cursor>(undefined);
  const [error, setError] = useState<string | null>(null);
  const [pending, start] = useTransition();

  // Paging repeats the query of the last search, not whatever the boxes hold now.
  const [used, setUsed] = useState(query);
  const run = (after: Cursor, history: Cursor[], q = used) =>
    start(async () => {
      setUsed(q);
      const r = await searchMembersAction(null, { serviceId, ...q, ...(after ? { after } : {}) });
      if (!r.ok) {
        setError(r.fieldErrors?._form?.[0] ?? r.error);
        setRows(null);
        return;
      }
      setError(null);
      setRows(r.data.rows);
      setNext(r.data.next ?? undefined);
      setCurrent(after);
      setPages(history);
    });
  const search = () => run(undefined, [], query);
  const onEnter = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Enter') {
      e.preventDefault();
      search();
    }
  };
  const field = (key: keyof typeof query, label: string) => (
    <TextField
      label={label}
      value={query[key]}
      maxLength={100}
      autoComplete="off"
      onKeyDown={onEnter}
      onChange={(e) => setQuery({ ...query, [key]: e.target.value })}
    />
  );

  return (
    <div className="space-y-3 rounded-md border border-slate-200 p-4" role="group" aria-label={t('memberSearch')}>
      <p className="text-xs text-slate-500">{t('memberSearchHelp')}</p>
      <div className="grid gap-3 sm:grid-cols-3">
        {field('name', t('searchName'))}
        {field('loginId', t('searchLoginId'))}
        {field('email', t('searchEmail'))}
      </div>
      <div className="flex justify-end">
        <Button variant="secondary" onClick={search} disabled={pending}>
          {t('memberSearch')}
        </Button>
      </div>
      <FormError message={error} />
      {errors?.map((e) => (
        <p key={e} role="alert" className="text-xs text-red-600">
          {e}
        </p>
      ))}
      {rows && rows.length === 0 && <p className="text-sm text-slate-500">{t('noResults')}</p>}
      {rows && rows.length > 0 && (
        <table className="w-full text-left text-sm" aria-busy={pending}>
          <thead className="text-xs text-slate-500">
            <tr>
              <th scope="col" className="py-1">
                {t('name')}
              </th>
              <th scope="col" className="py-1">
                {t('loginId')}
              </th>
              <th scope="col" className="py-1">
                {t('email')}
              </th>
              <th scope="col" className="py-1">
                <span className="sr-only">{t('select')}</span>
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {rows.map((m) => (
              <tr key={m.id}>
                <td className="py-1.5">
                  {m.name}
                  {m.status === 'invited' && (
                    <span className="ml-1">
                      <Badge tone="amber">{t('invitedMember')}</Badge>
                    </span>
                  )}
                </td>
                <td className="py-1.5 font-mono text-xs">{m.loginId}</td>
                <td className="py-1.5 text-xs">{m.email}</td>
                <td className="py-1.5 text-right">
                  {m.agentId ? (
                    <Badge>{t('alreadyAgent')}</Badge>
                  ) : (
                    <Button
                      size="sm"
                      variant="secondary"
                      onClick={() => onPick(m)}
                      aria-label={`${m.name} ${t('select')}`}
                    >
                      {t('select')}
                    </Button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {rows && (pages.length > 0 || next) && (
        <div className="flex justify-end gap-2">
          <Button
            size="sm"
            variant="secondary"
            disabled={pending || pages.length === 0}
            onClick={() => run(pages[pages.length - 1], pages.slice(0, -1))}
          >
            {t('prevPage')}
          </Button>
          <Button
            size="sm"
            variant="secondary"
            disabled={pending || !next}
            onClick={() => run(next, [...pages, current])}
          >
            {t('nextPage')}
          </Button>
        </div>
      )}
    </div>
  );
}
