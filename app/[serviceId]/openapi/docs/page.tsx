import { eq } from 'drizzle-orm';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { services } from '@/db/schema';
import { getDb } from '@/db';
import { appUrl } from '@/lib/app-url';
import { openApiDocument } from '@/lib/openapi/document';
import { curlExample, typescriptExample } from '@/lib/openapi/examples';

type Op = {
  summary: string;
  security?: unknown[];
  parameters?: { name: string; in: string; required?: boolean }[];
  requestBody?: { content: Record<string, unknown> };
};

/** The readable reference of the Open API for integrators: endpoints, signing, and signed examples. */
export default async function ApiDocsPage({ params }: { params: Promise<{ serviceId: string }> }) {
  const { serviceId } = await params;
  const [svc] = await getDb()
    .select({ id: services.id, name: services.name })
    .from(services)
    .where(eq(services.id, serviceId));
  if (!svc) notFound();
  const t = await getTranslations('apiDocs');
  const origin = appUrl();
  const doc = openApiDocument(origin, svc.id);
  const ops = Object.entries(doc.paths).flatMap(([p, methods]) =>
    Object.entries(methods as Record<string, Op>).map(([m, op]) => ({ path: p, method: m.toUpperCase(), op })),
  );
  return (
    <main className="mx-auto max-w-4xl space-y-8 px-6 py-10">
      <header className="space-y-2">
        <h1 className="text-2xl font-bold">{t('title', { service: svc.name })}</h1>
        <p className="text-slate-600">{t('intro')}</p>
        <p className="text-sm">
          {t('base')} <code className="rounded bg-slate-100 px-1.5 py-0.5">{`${origin}/${svc.id}`}</code> ·{' '}
          <a className="text-brand-700 hover:underline" href={`/${svc.id}/openapi/openapi.json`}>
            {t('document')}
          </a>
        </p>
      </header>
      <section className="space-y-2">
        <h2 className="text-lg font-semibold">{t('signingTitle')}</h2>
        <p className="text-sm text-slate-700">{t('signing')}</p>
        <ul className="list-disc space-y-1 pl-5 text-sm text-slate-700">
          <li>{t('signingTimestamp')}</li>
          <li>{t('signingUpload')}</li>
          <li>{t('signingCodes')}</li>
        </ul>
      </section>
      <section className="space-y-3">
        <h2 className="text-lg font-semibold">{t('endpoints')}</h2>
        <div className="divide-y divide-slate-200 rounded-md border border-slate-200 bg-white">
          {ops.map(({ path: p, method, op }) => (
            <div key={`${method} ${p}`} className="space-y-1 p-3 text-sm">
              <p className="font-mono">
                <span className="mr-2 rounded bg-slate-800 px-1.5 py-0.5 text-xs text-white">{method}</span>
                {p}
                {op.security ? (
                  <span className="ml-2 rounded bg-amber-100 px-1.5 py-0.5 text-xs text-amber-800">{t('signed')}</span>
                ) : null}
              </p>
              <p className="text-slate-700">{op.summary}</p>
              {op.parameters?.length ? (
                <p className="text-xs text-slate-500">
                  {t('parameters')}:{' '}
                  {op.parameters.map((x) => `${x.name}${x.required ? '*' : ''} (${x.in})`).join(', ')}
                </p>
              ) : null}
            </div>
          ))}
        </div>
      </section>
      <section className="space-y-2">
        <h2 className="text-lg font-semibold">{t('curl')}</h2>
        <pre className="overflow-x-auto rounded-md bg-slate-900 p-4 text-xs text-slate-100">
          <code>{curlExample(origin, svc.id)}</code>
        </pre>
      </section>
      <section className="space-y-2">
        <h2 className="text-lg font-semibold">{t('typescript')}</h2>
        <pre className="overflow-x-auto rounded-md bg-slate-900 p-4 text-xs text-slate-100">
          <code>{typescriptExample(origin, svc.id)}</code>
        </pre>
      </section>
    </main>
  );
}
