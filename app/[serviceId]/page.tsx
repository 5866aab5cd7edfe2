import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { Badge, PageHeader } from '@/components/ui/card';
import { requireService } from '@/lib/auth/require';
import { getDb } from '@/lib/db';
import { dashboard } from '@/lib/tickets/dashboard';

function Stat({ label, value, href }: { label: string; value: string | number; href?: string }) {
  const inner = (
    <>
      <dt className="text-sm text-slate-600">{label}</dt>
      <dd className="mt-1 text-2xl font-semibold text-slate-900 tabular-nums">{value}</dd>
    </>
  );
  return <div className="rounded-lg border border-slate-200 bg-white p-4">{href ? <Link href={href} className="block hover:text-brand-700">{inner}</Link> : inner}</div>;
}

/** 대시보드: the service at a glance and the agent's own work (SPEC §2). */
export default async function ServiceHome({ params }: { params: Promise<{ serviceId: string }> }) {
  const { serviceId } = await params;
  const { service, role, session } = await requireService(serviceId);
  const t = await getTranslations('home');
  const d = await dashboard(getDb(), service.id, session.member.id);
  const rate = d.received24h ? `${Math.round((d.processed24h / d.received24h) * 100)}%` : '-';
  const list = `/${service.id}/tickets`;
  return (
    <>
      <PageHeader
        title={service.name}
        description={t('serviceIntro', { id: service.id, languages: service.languages.join(', ') })}
        actions={<Badge tone="blue">{t('role')}: {role === 'admin' ? t('roleAdmin') : t('roleAgent')}</Badge>}
      />
      <h2 className="mb-3 text-sm font-medium text-slate-700">{t('dash.service')}</h2>
      <dl className="mb-8 grid gap-3 sm:grid-cols-2 lg:grid-cols-5">
        <Stat label={t('dash.agents')} value={d.agents} />
        <Stat label={t('dash.receivedToday')} value={d.receivedToday} href={`${list}?menu=all`} />
        <Stat label={t('dash.unassigned')} value={`${d.unassignedToday} / ${d.unassignedTotal}`} href={`${list}?menu=unassigned`} />
        <Stat label={t('dash.rate')} value={rate} />
      </dl>
      <h2 className="mb-3 text-sm font-medium text-slate-700">{t('dash.mine')}</h2>
      <dl className="grid gap-3 sm:grid-cols-3">
        <Stat label={t('dash.myOpen')} value={d.myOpen} href={`${list}?menu=mine_open`} />
        <Stat label={t('dash.myPending')} value={d.myPending} href={`${list}?menu=mine_pending`} />
        <Stat label={t('dash.myDooray')} value={d.myDooray} />
      </dl>
    </>
  );
}
