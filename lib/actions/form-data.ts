import { z } from 'zod';

/**
 * FormData → plain object. A key given more than once, or ending in `[]`, becomes an array;
 * File entries are kept. Everything else stays a string: schemas coerce explicitly.
 */
export function formDataToObject(fd: FormData): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of new Set(fd.keys())) {
    if (key.startsWith('$ACTION')) continue; // Next's own bookkeeping fields
    const all = fd.getAll(key);
    if (key.endsWith('[]')) out[key.slice(0, -2)] = all;
    else out[key] = all.length > 1 ? all : all[0];
  }
  return out;
}

/** A checkbox: FormData sends "on" (or the input's value, "true"/"1") when ticked and nothing otherwise; objects send booleans. */
export const formCheckbox = z.preprocess((v) => v === true || v === 'on' || v === 'true' || v === '1', z.boolean());
