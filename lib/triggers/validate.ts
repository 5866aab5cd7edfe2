import { and, eq, inArray, isNull } from 'drizzle-orm';
import { categories, groupMembers, groups, serviceMembers, services } from '@/db/schema';
import type { Queryable } from '@/db';
import { ValidationError, type FieldErrorRefs } from '@/lib/errors';
import { sanitizeRichHtml } from '@/lib/html/sanitize';
import { unknownCodes } from '@/lib/substitution/render';
import { knownCodes } from '@/lib/substitution/values';
import { checkCondition } from './conditions';
import { openEndpointUrl, sealEndpointUrl } from './endpoint-url';
import { targetLookup } from './load';
import { parseResult } from './results/index';
import type { Condition, ResultRow } from './types';

const TEMPLATE_KEYS: Record<string, string[]> = { dooray: ['text', 'attachmentTitle', 'attachmentText'] };
const URL_RESULTS = new Set(['callback', 'dooray']);

/**
 * Checks a trigger before it is saved: every condition row against its target's type, every
 * result row against its type's schema, every group, agent and category it names against this
 * service, every template against the known substitution codes. Throws one ValidationError with
 * all field messages (`conditions.<i>`, `results.<i>`); returns the normalized rows and the
 * group ids the trigger names.
 */
export async function validateTrigger(
  tx: Queryable,
  serviceId: string,
  input: { conditions: Condition[]; results: Record<string, unknown>[] },
): Promise<{ conditions: Condition[]; results: ResultRow[]; groupIds: string[] }> {
  const errors: FieldErrorRefs = {};
  const add = (field: string, key: string, params?: Record<string, string | number>) =>
    (errors[field] ??= []).push({ key, params });
  const lookup = await targetLookup(tx, serviceId);
  const conditions = input.conditions.map((c) => ({ ...c }));
  const want = {
    groups: new Set<string>(),
    members: new Set<string>(),
    categories: new Map<string, 'intake' | 'processing'>(),
  };
  conditions.forEach((c, i) => {
    const err = checkCondition(c, lookup);
    if (err) return add(`conditions.${i}`, err);
    const values = c.value === null || c.value === undefined ? [] : Array.isArray(c.value) ? c.value : [c.value];
    if (c.target === 'group') values.forEach((v) => want.groups.add(String(v)));
    if (c.target === 'assignee') values.forEach((v) => want.members.add(String(v)));
    if (c.target === 'intakeType' || c.target === 'processingType')
      values.forEach((v) => want.categories.set(String(v), c.target === 'intakeType' ? 'intake' : 'processing'));
  });

  const results: ResultRow[] = [];
  const codes = await knownCodes(tx, serviceId);
  const [svc] = await tx
    .select({ languages: services.languages, editorType: services.editorType })
    .from(services)
    .where(eq(services.id, serviceId));
  const assignPairs: { i: number; groupId: string; agentId: string }[] = [];
  input.results.forEach((row, i) => {
    const parsed = parseResult(row);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) add(`results.${i}`, issue.message);
      return;
    }
    const r = parsed.data;
    if (URL_RESULTS.has(r.type)) {
      // Bearer URLs are stored sealed: a new one is sealed here, a kept one must open for this service.
      const url =
        typeof r.url === 'string'
          ? r.url
          : typeof r.urlSealed === 'string'
            ? openEndpointUrl(serviceId, r.urlSealed)
            : null;
      if (!url) return add(`results.${i}`, 'validation.triggers.urlReenter');
      delete r.url;
      Object.assign(r, sealEndpointUrl(serviceId, url));
    }
    // HTML bodies are stored sanitized (and sanitized again when mailed).
    if (r.type === 'notify_mail' && svc?.editorType !== 'text') {
      const messages = r.messages as Record<string, { subject: string; body: string }>;
      r.messages = Object.fromEntries(
        Object.entries(messages).map(([l, m]) => [l, { ...m, body: sanitizeRichHtml(m.body) }]),
      );
    }
    results.push(r);
    if (typeof r.groupId === 'string') want.groups.add(r.groupId);
    if (typeof r.agentId === 'string') want.members.add(r.agentId);
    if (r.type === 'assign' && r.method === 'agent' && typeof r.agentId === 'string')
      assignPairs.push({ i, groupId: r.groupId as string, agentId: r.agentId });
    if (r.type === 'set_intake_type') want.categories.set(r.categoryId as string, 'intake');
    const texts: string[] = TEMPLATE_KEYS[r.type]?.map((k) => String(r[k] ?? '')) ?? [];
    if (r.type === 'notify_mail') {
      for (const [lang, m] of Object.entries(r.messages as Record<string, { subject: string; body: string }>)) {
        if (!svc?.languages.includes(lang)) add(`results.${i}`, 'validation.triggers.language', { lang });
        texts.push(m.subject, m.body);
      }
    }
    const unknown = [...new Set(texts.flatMap((t) => unknownCodes(t, codes)))];
    if (unknown.length)
      add(`results.${i}`, 'validation.triggers.unknownCodes', { codes: unknown.map((c) => `#{${c}}`).join(', ') });
  });

  const groupIds = [...want.groups];
  if (groupIds.length) {
    const found = new Set(
      (
        await tx
          .select({ id: groups.id })
          .from(groups)
          .where(and(eq(groups.serviceId, serviceId), inArray(groups.id, groupIds)))
      ).map((r) => r.id),
    );
    if (groupIds.some((g) => !found.has(g))) add('form', 'validation.triggers.groupUnknown');
  }
  if (want.members.size) {
    const ids = [...want.members];
    const found = new Set(
      (
        await tx
          .select({ id: serviceMembers.memberId })
          .from(serviceMembers)
          .where(and(eq(serviceMembers.serviceId, serviceId), inArray(serviceMembers.memberId, ids)))
      ).map((r) => r.id),
    );
    if (ids.some((m) => !found.has(m))) add('form', 'validation.triggers.agentUnknown');
  }
  for (const p of assignPairs) {
    const [inGroup] = await tx
      .select({ id: serviceMembers.id })
      .from(groupMembers)
      .innerJoin(serviceMembers, eq(serviceMembers.id, groupMembers.agentId))
      .where(
        and(
          eq(groupMembers.serviceId, serviceId),
          eq(groupMembers.groupId, p.groupId),
          eq(serviceMembers.memberId, p.agentId),
        ),
      );
    if (!inGroup) add(`results.${p.i}`, 'validation.triggers.agentNotInGroup');
  }
  if (want.categories.size) {
    const ids = [...want.categories.keys()];
    const rows = await tx
      .select({ id: categories.id, kind: categories.kind })
      .from(categories)
      .where(and(eq(categories.serviceId, serviceId), inArray(categories.id, ids), isNull(categories.deletedAt)));
    const kinds = new Map(rows.map((r) => [r.id, r.kind]));
    if (ids.some((id) => kinds.get(id) !== want.categories.get(id))) add('form', 'validation.triggers.categoryUnknown');
  }
  if (Object.keys(errors).length) {
    const form = errors.form?.[0];
    delete errors.form;
    throw new ValidationError(errors, form?.key ?? 'validation.form', form?.params);
  }
  return { conditions, results, groupIds };
}
