import fs from 'node:fs';
import path from 'node:path';

/** Files under `dir` (relative to the repo) whose name matches `name`, recursively, sorted. */
export function filesUnder(dir: string, name: RegExp): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (name.test(e.name)) out.push(path.relative(process.cwd(), p));
    }
  };
  walk(path.join(process.cwd(), dir));
  return out.sort();
}

/** Every exported server action as `file#export` (files starting with 'use server'). */
export async function serverActions(): Promise<Map<string, (...args: unknown[]) => Promise<unknown>>> {
  const out = new Map<string, (...args: unknown[]) => Promise<unknown>>();
  for (const file of filesUnder('app', /\.(ts|tsx)$/)) {
    if (!/^\s*['"]use server['"]/.test(fs.readFileSync(file, 'utf8'))) continue;
    const mod = (await import(path.join(process.cwd(), file))) as Record<string, unknown>;
    for (const [name, v] of Object.entries(mod)) if (typeof v === 'function') out.set(`${file}#${name}`, v as never);
  }
  return out;
}

const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS'];

/** Every exported route-handler method as `file#METHOD`. */
export async function routeHandlers(): Promise<
  Map<string, (req: Request, ctx: { params: Promise<Record<string, unknown>> }) => Promise<Response>>
> {
  const out = new Map<string, never>();
  for (const file of filesUnder('app', /^route\.(ts|tsx)$/)) {
    const mod = (await import(path.join(process.cwd(), file))) as Record<string, unknown>;
    for (const m of METHODS) if (typeof mod[m] === 'function') out.set(`${file}#${m}`, mod[m] as never);
  }
  return out;
}
