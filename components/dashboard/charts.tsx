'use client';

import { useRouter } from 'next/navigation';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useFormatter } from 'next-intl';

const COLORS = ['#2563eb', '#16a34a', '#f59e0b', '#db2777', '#7c3aed', '#0891b2'];

export type Series = { key: string; label: string };
/** One bar group: its label, its values by series key, and where clicking it leads. */
export type Point = { label: string; values: Record<string, number>; hrefs?: Record<string, string> };

/**
 * A bar chart (recharts) whose bars open the ticket list filtered the same way; the same figures
 * are listed as links below it for the keyboard and screen readers.
 */
export function DashboardBars({
  title,
  series,
  points,
  stacked = false,
  height = 220,
}: {
  title: string;
  series: Series[];
  points: Point[];
  stacked?: boolean;
  height?: number;
}) {
  const router = useRouter();
  const format = useFormatter();
  const data = points.map((p) => ({ label: p.label, ...p.values }));
  const n = (v: unknown) => format.number(Number(v ?? 0));
  return (
    <figure className="rounded-lg border border-slate-200 bg-white p-4">
      <figcaption className="mb-2 text-sm font-medium text-slate-700">{title}</figcaption>
      <div style={{ height }} aria-hidden="true">
        <ResponsiveContainer width="100%" height="100%">
          <BarChart data={data} margin={{ top: 4, right: 8, bottom: 4, left: 0 }}>
            <CartesianGrid strokeDasharray="3 3" vertical={false} />
            <XAxis dataKey="label" tick={{ fontSize: 11 }} />
            <YAxis tick={{ fontSize: 11 }} tickFormatter={n} width={48} allowDecimals={false} />
            <Tooltip formatter={(v) => n(v)} />
            {series.length > 1 && <Legend wrapperStyle={{ fontSize: 12 }} />}
            {series.map((s, i) => (
              <Bar
                key={s.key}
                dataKey={s.key}
                name={s.label}
                stackId={stacked ? 'a' : undefined}
                fill={COLORS[i % COLORS.length]}
                cursor="pointer"
                onClick={(_d, index) => {
                  const href = points[index]?.hrefs?.[s.key];
                  if (href) router.push(href);
                }}
              />
            ))}
          </BarChart>
        </ResponsiveContainer>
      </div>
      <details className="mt-2 text-xs text-slate-600">
        <summary className="cursor-pointer">{title}</summary>
        <ul className="mt-1 grid gap-0.5">
          {points.map((p) => (
            <li key={p.label} className="flex flex-wrap gap-x-3">
              <span className="font-medium">{p.label}</span>
              {series.map((s) => {
                const text = `${s.label} ${n(p.values[s.key])}`;
                const href = p.hrefs?.[s.key];
                return href ? (
                  <a key={s.key} href={href} className="text-brand-700 hover:underline">
                    {text}
                  </a>
                ) : (
                  <span key={s.key}>{text}</span>
                );
              })}
            </li>
          ))}
        </ul>
      </details>
    </figure>
  );
}
