import type { FieldRule } from './types';

/** The form name of a field's input (`f.subject`), shared by the renderer and the collector. */
export const inputName = (code: string, part?: 'from' | 'to') => (part ? `f.${code}.${part}` : `f.${code}`);

// <input type="datetime-local"> sends 2022-07-11T09:30; the stored format is 2022-07-11 09:30.
const localToStored = (v: string) => v.replace('T', ' ').slice(0, 16);

/**
 * Reads the submitted values of `rules` out of a form (works without JavaScript): repeated
 * checkbox entries become a list, period inputs become "start ~ end", date-times lose the T.
 */
export function collectFieldValues(fd: FormData, rules: FieldRule[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const str = (k: string) => {
    const v = fd.get(k);
    return typeof v === 'string' ? v : '';
  };
  for (const r of rules) {
    const name = inputName(r.code);
    switch (r.type) {
      case 'checkbox':
        out[r.code] = fd.getAll(name).filter((v): v is string => typeof v === 'string');
        break;
      case 'datetime':
        out[r.code] = str(name) ? localToStored(str(name)) : '';
        break;
      case 'date_period':
      case 'datetime_period': {
        const conv = r.type === 'datetime_period' ? localToStored : (v: string) => v;
        const from = str(inputName(r.code, 'from'));
        const to = str(inputName(r.code, 'to'));
        out[r.code] = from || to ? `${conv(from)} ~ ${conv(to)}` : '';
        break;
      }
      case 'agree':
        out[r.code] = fd.get(name) === 'true';
        break;
      case 'caption':
      case 'file':
        break;
      default:
        out[r.code] = str(name);
    }
  }
  return out;
}
