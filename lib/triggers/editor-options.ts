import 'server-only';
import { and, asc, eq, isNull } from 'drizzle-orm';
import { fields, groupMembers, groups, members, serviceMembers, services } from '@/db/schema';
import type { EditorOptions, Option } from './editor-types';
import type { Queryable } from '@/db';
import { getCategoryTree } from '@/lib/categories/tree';
import type { CategoryNode } from '@/lib/categories/tree-build';
import { translator } from '@/lib/i18n/messages';
import { isLocale } from '@/lib/i18n/config';
import { substitutionCodeList } from '@/lib/substitution/code-list';
import { fieldValueType } from './targets';
import { OPERATORS_BY_TYPE } from './operators';

const BUILTIN_CODES = new Set([
  'subject',
  'content',
  'category',
  'processingType',
  'priority',
  'name',
  'mail',
  'phone',
]);

function flatten(nodes: CategoryNode[], out: Option[] = []): Option[] {
  for (const n of nodes) {
    out.push({ value: n.id, label: `${'　'.repeat(Math.max(0, n.depth - 1))}${n.label}` });
    flatten(n.children, out);
  }
  return out;
}

/** The editor's pickers for one service: agents, groups (with their agents), category trees, field targets, codes. */
export async function editorOptions(db: Queryable, serviceId: string, lang: string): Promise<EditorOptions> {
  const [svc] = await db
    .select({ languages: services.languages, editorType: services.editorType })
    .from(services)
    .where(eq(services.id, serviceId));
  const [fieldRows, agentRows, groupRows, memberships, intake, processing] = await Promise.all([
    db
      .select()
      .from(fields)
      .where(and(eq(fields.serviceId, serviceId), isNull(fields.deletedAt)))
      .orderBy(asc(fields.createdAt)),
    db
      .select({ id: members.id, name: members.name, loginId: members.loginId })
      .from(serviceMembers)
      .innerJoin(members, eq(members.id, serviceMembers.memberId))
      .where(eq(serviceMembers.serviceId, serviceId))
      .orderBy(asc(members.name)),
    db
      .select({ id: groups.id, name: groups.name })
      .from(groups)
      .where(eq(groups.serviceId, serviceId))
      .orderBy(asc(groups.name)),
    db
      .select({ groupId: groupMembers.groupId, memberId: serviceMembers.memberId })
      .from(groupMembers)
      .innerJoin(serviceMembers, eq(serviceMembers.id, groupMembers.agentId))
      .where(eq(groupMembers.serviceId, serviceId))
      .orderBy(asc(groupMembers.seq)),
    getCategoryTree(db, serviceId, 'intake', lang),
    getCategoryTree(db, serviceId, 'processing', lang),
  ]);
  const name = (f: (typeof fieldRows)[number]) => f.names[lang] ?? Object.values(f.names)[0] ?? f.code;
  const fieldTargets: EditorOptions['fieldTargets'] = [];
  for (const f of fieldRows) {
    // Fields stored as ticket columns (and the requester's) are offered as the built-in targets.
    if (BUILTIN_CODES.has(f.code)) continue;
    const type = f.encrypted || !f.visible ? null : fieldValueType(f.type);
    if (!type) continue;
    fieldTargets.push({
      id: `field:${f.code}`,
      label: `${name(f)} (${f.code})`,
      type,
      values:
        type === 'enum' && f.type !== 'agree'
          ? f.options.map((o) => ({ value: o.value, label: o.labels[lang] ?? o.value }))
          : undefined,
    });
  }
  const tr = translator(isLocale(lang) ? lang : 'ko');
  return {
    serviceId,
    languages: svc?.languages ?? ['ko'],
    editorHtml: svc?.editorType !== 'text',
    fieldTargets,
    operatorsByType: OPERATORS_BY_TYPE,
    agents: agentRows.map((a) => ({ value: a.id, label: `${a.name} (${a.loginId})` })),
    groups: groupRows.map((g) => ({
      value: g.id,
      label: g.name,
      agentIds: memberships.filter((m) => m.groupId === g.id).map((m) => m.memberId),
    })),
    intakeTypes: flatten(intake),
    processingTypes: flatten(processing),
    codes: substitutionCodeList(
      fieldRows.map((f) => ({ code: f.code, audience: f.audience, type: f.type, name: name(f) })),
      (code) => tr(`substitutionCodes.${code}` as never),
    ),
  };
}
