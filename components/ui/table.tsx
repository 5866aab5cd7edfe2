import type { ReactNode } from 'react';

/** A bordered, horizontally scrollable data table; a header may be visually hidden with `{ srOnly }`. */
export function DataTable({ headers, children }: { headers: (ReactNode | { srOnly: string })[]; children: ReactNode }) {
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
      <table className="w-full text-left text-sm">
        <thead className="bg-slate-50 text-xs text-slate-500">
          <tr>
            {headers.map((h, i) => (
              <th key={i} scope="col" className="px-3 py-2">
                {h && typeof h === 'object' && 'srOnly' in h ? <span className="sr-only">{h.srOnly}</span> : h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">{children}</tbody>
      </table>
    </div>
  );
}

export function Td({ children, className }: { children?: ReactNode; className?: string }) {
  return <td className={`px-3 py-2 ${className ?? ''}`}>{children}</td>;
}
