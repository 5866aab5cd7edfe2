import { and, eq, isNull, sql } from 'drizzle-orm';
import { Client } from 'pg';
import { categories, groupMembers, groups, members, serviceMembers, services, type CategoryKind } from '@/db/schema';
import type { Db } from '@/db';
import { hashPassword } from '@/lib/auth/password';
import { insertService } from '@/lib/services/insert-service';
import { searchTextOf } from '@/lib/tickets/search-text';

/**
 * Bulk test data for measuring the ticket lists at scale (scripts/seed-tickets.ts,
 * scripts/bench-tickets.ts): a realistic Korean intake tree (3 levels), processing types,
 * agents in groups, then N tickets loaded with multi-row `INSERT … SELECT FROM unnest(…)`
 * batches. Everything is deterministic for a given seed, so two runs give the same shape.
 */

/** 접수유형: level 1 → level 2; level 3 is `<qualifier> <level 2>` with the root's qualifiers. */
const INTAKE: { name: string; children: string[]; qualifiers: string[] }[] = [
  {
    name: '결제',
    children: ['환불', '결제 오류', '결제 수단 변경', '영수증 발급', '이중 결제', '할부 문의'],
    qualifiers: ['카드', '계좌이체', '휴대폰', '간편결제', '무통장입금'],
  },
  {
    name: '배송',
    children: ['배송 지연', '배송지 변경', '오배송', '파손 배송', '배송 조회', '해외 배송'],
    qualifiers: ['택배', '퀵', '편의점 픽업', '새벽'],
  },
  {
    name: '주문',
    children: ['주문 취소', '주문 변경', '주문 내역', '재고 문의', '예약 주문', '대량 주문'],
    qualifiers: ['앱', '웹', '전화', '매장'],
  },
  {
    name: '교환/반품',
    children: ['교환 신청', '반품 신청', '반품 회수', '교환 배송', '반품 비용', '불량 교환'],
    qualifiers: ['의류', '가전', '식품', '도서', '잡화'],
  },
  {
    name: '회원',
    children: ['회원 가입', '회원 탈퇴', '비밀번호 찾기', '아이디 찾기', '개인정보 변경', '휴면 계정'],
    qualifiers: ['일반', '기업', '외국인', '미성년자'],
  },
  {
    name: '쿠폰/포인트',
    children: ['쿠폰 사용', '쿠폰 미지급', '포인트 적립', '포인트 소멸', '이벤트 참여', '등급 혜택'],
    qualifiers: ['신규', '생일', '구매 감사', '제휴'],
  },
  {
    name: '상품',
    children: ['상품 정보', '사이즈 문의', '재입고 알림', '상품 후기', '정품 인증', '사용 방법'],
    qualifiers: ['의류', '가전', '화장품', '식품', '가구'],
  },
  {
    name: '앱/웹 오류',
    children: ['로그인 오류', '결제 화면 오류', '앱 실행 오류', '알림 오류', '화면 깨짐', '느린 속도'],
    qualifiers: ['안드로이드', 'iOS', 'PC 웹', '모바일 웹'],
  },
  {
    name: '제휴/입점',
    children: ['입점 문의', '광고 제휴', '정산 문의', '판매자 계정', '상품 등록', '입점 서류'],
    qualifiers: ['개인 판매자', '법인 판매자', '해외 판매자'],
  },
  {
    name: '기타',
    children: ['칭찬', '불만', '제안', '언론 문의', '채용 문의', '기타 문의'],
    qualifiers: ['일반', '긴급'],
  },
];
const PROCESSING: { name: string; children: string[] }[] = [
  { name: '안내 완료', children: ['정책 안내', '절차 안내', '링크 안내', 'FAQ 안내'] },
  { name: '처리 완료', children: ['환불 처리', '교환 처리', '정보 수정', '계정 복구'] },
  { name: '이관', children: ['개발팀 이관', '물류팀 이관', '정산팀 이관', '법무팀 이관'] },
  { name: '보상', children: ['쿠폰 보상', '포인트 보상', '배송비 보상'] },
  { name: '미해결', children: ['고객 무응답', '재현 불가', '정책상 불가'] },
];
const GROUPS = ['결제팀', '배송팀', '회원팀', '상품팀', '기술지원팀', 'VIP팀'];
const SURNAMES =
  '김이박최정강조윤장임한오서신권황안송류전홍고문양손배백허유남심노하곽성차주우구민진나지엄채원천방공현함변염여추도소석선설마길연위표명기반라왕금옥육인맹제모탁국어은편용'.split(
    '',
  );
const GIVEN = [
  '민준',
  '서연',
  '도윤',
  '서윤',
  '예준',
  '지우',
  '시우',
  '하윤',
  '주원',
  '지호',
  '하은',
  '지후',
  '수아',
  '준서',
  '지유',
  '준우',
  '채원',
  '현우',
  '지민',
  '도현',
  '건우',
  '서현',
  '우진',
  '민서',
  '선우',
  '하린',
  '연우',
  '다은',
  '유준',
  '윤서',
  '정우',
  '은서',
  '승우',
  '예은',
  '승현',
  '수빈',
  '지환',
  '소율',
  '시윤',
  '예린',
  '태윤',
  '지아',
  '민재',
  '채은',
  '은우',
  '유나',
  '재윤',
  '가윤',
  '동현',
  '영숙',
  '정희',
  '미경',
  '성호',
  '상철',
  '경자',
  '순자',
  '영호',
  '광수',
  '명수',
];
const ROMAN = [
  'minjun',
  'seoyeon',
  'doyun',
  'jiwoo',
  'haeun',
  'junseo',
  'suah',
  'hyunwoo',
  'jimin',
  'dohyun',
  'gunwoo',
  'woojin',
  'minseo',
  'yerin',
  'taeyun',
  'jia',
  'minjae',
  'yuna',
  'donghyun',
  'sungho',
];
const DOMAINS = ['gmail.com', 'naver.com', 'daum.net', 'kakao.com', 'hanmail.net', 'nate.com', 'example.co.kr'];
const PRODUCTS = [
  '무선 이어폰',
  '겨울 패딩',
  '러닝화',
  '전기밥솥',
  '공기청정기',
  '스킨케어 세트',
  '노트북 파우치',
  '유기농 쌀 10kg',
  '원목 책상',
  '블루투스 스피커',
  '캠핑 의자',
  '아동 내복',
  '비타민 세트',
  '커피 원두 1kg',
  '스마트워치',
  '가습기',
  '여행용 캐리어',
  '데님 재킷',
  '무선 청소기',
  '텀블러',
];
const SUBJECTS = [
  (c: string) => `${c} 문의드립니다`,
  (c: string) => `${c} 관련해서 확인 부탁드립니다`,
  (c: string, p: string) => `${p} ${c} 요청합니다`,
  (c: string, p: string, n: number) => `주문번호 ${n} ${c} 건`,
  (c: string) => `${c} 언제 처리되나요?`,
  (c: string, p: string) => `[${p}] ${c} 관련 문의`,
  (c: string) => `${c}이(가) 안 됩니다. 도와주세요`,
  (c: string) => `급합니다! ${c} 확인 좀 해주세요`,
  (c: string, p: string) => `${p} 구매했는데 ${c} 가능한가요`,
  (c: string) => `${c} 진행 상황이 궁금합니다`,
];
const OPENINGS = [
  '안녕하세요.',
  '수고 많으십니다.',
  '안녕하세요, 고객센터 담당자님.',
  '문의드립니다.',
  '바쁘신 와중에 죄송합니다.',
];
const BODIES = [
  (c: string, p: string, n: number) =>
    `지난주에 ${p}을(를) 주문했는데 ${c} 관련해서 문의드립니다. 주문번호는 ${n}입니다.`,
  (c: string, p: string) => `${p} 사용 중에 문제가 생겨서 ${c} 요청드리려고 합니다. 어떻게 진행하면 될까요?`,
  (c: string) => `앱에서 ${c} 메뉴를 찾을 수가 없어요. 방법을 알려주시면 감사하겠습니다.`,
  (c: string, p: string, n: number) => `${n}번 주문 건 ${c} 처리가 아직 안 된 것 같습니다. 확인 부탁드립니다.`,
  (c: string) => `며칠째 ${c} 관련 답변을 기다리고 있습니다. 빠른 처리 부탁드립니다.`,
  (c: string, p: string) => `선물로 받은 ${p}인데 ${c}이(가) 가능한지 궁금합니다.`,
];
const CLOSINGS = [
  '감사합니다.',
  '빠른 답변 부탁드립니다.',
  '연락 기다리겠습니다.',
  '좋은 하루 되세요.',
  '확인 후 연락 주세요.',
];

/** A small deterministic PRNG (mulberry32), so a seed always yields the same data. */
export function rng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (n: number) => Math.floor(next() * n),
    pick: <T>(xs: readonly T[]) => xs[Math.floor(next() * xs.length)],
    /** Index in 0..n-1, skewed towards the front (a few categories and agents are much busier). */
    skewed: (n: number, s = 1.1) => Math.min(n - 1, Math.floor(n * Math.pow(next(), s * 1.6))),
    weighted: <T>(pairs: readonly (readonly [T, number])[]) => {
      let r = next() * pairs.reduce((s, p) => s + p[1], 0);
      for (const [v, w] of pairs) if ((r -= w) < 0) return v;
      return pairs[pairs.length - 1][0];
    },
  };
}

export type SeedNode = { id: string; path: string; depth: number; name: string; root: number };
export type SeedAgent = { memberId: string; name: string; loginId: string; groupIds: string[] };
export type SeedWorld = {
  serviceId: string;
  intake: SeedNode[];
  processing: SeedNode[];
  agents: SeedAgent[];
  groups: { id: string; name: string }[];
};

async function ensureTree(db: Db, serviceId: string, kind: CategoryKind): Promise<SeedNode[]> {
  const live = () =>
    db
      .select({
        id: categories.id,
        path: categories.path,
        depth: categories.depth,
        name: categories.name,
        parentId: categories.parentId,
      })
      .from(categories)
      .where(and(eq(categories.serviceId, serviceId), eq(categories.kind, kind), isNull(categories.deletedAt)));
  let rows = await live();
  if (!rows.length) {
    type Row = {
      id: string;
      parent_id: string | null;
      path: string;
      depth: number;
      position: number;
      name: string;
      names: Record<string, string>;
    };
    const out: Row[] = [];
    const add = (parent: Row | null, name: string, position: number) => {
      const id = crypto.randomUUID();
      const row = {
        id,
        parent_id: parent?.id ?? null,
        path: `${parent?.path ?? '/'}${id}/`,
        depth: (parent?.depth ?? 0) + 1,
        position,
        name,
        names: { ko: name },
      };
      out.push(row);
      return row;
    };
    if (kind === 'intake') {
      INTAKE.forEach((r, i) => {
        const root = add(null, r.name, i);
        r.children.forEach((c, j) => {
          const mid = add(root, c, j);
          r.qualifiers.forEach((q, k) => add(mid, `${q} ${c}`, k));
        });
      });
    } else {
      PROCESSING.forEach((r, i) => {
        const root = add(null, r.name, i);
        r.children.forEach((c, j) => add(root, c, j));
      });
    }
    await db.execute(sql`
      INSERT INTO categories (id, service_id, kind, parent_id, path, depth, position, name, names)
      SELECT v.id, ${serviceId}, ${kind}, v.parent_id, v.path, v.depth, v.position, v.name, v.names
      FROM jsonb_to_recordset(${JSON.stringify(out)}::jsonb) AS v(id uuid, parent_id uuid, path text, depth int, position int, name text, names jsonb)`);
    rows = await live();
  }
  const roots = rows.filter((r) => r.depth === 1).map((r) => r.id);
  return rows.map((r) => ({
    id: r.id,
    path: r.path,
    depth: r.depth,
    name: r.name,
    root: Math.max(0, roots.indexOf(r.path.split('/')[1])),
  }));
}

/**
 * The service (created if missing), its category trees (created when empty), 6 groups and
 * `agentCount` agents (`<prefix>01`… with one shared password) in one or two groups each.
 */
export async function ensureSeedWorld(
  db: Db,
  opts: { serviceId: string; agentCount?: number; password: string; loginPrefix?: string },
): Promise<SeedWorld> {
  const { serviceId, password } = opts;
  const agentCount = opts.agentCount ?? 30;
  const prefix = opts.loginPrefix ?? `${serviceId}-agent-`;
  const [svc] = await db.select({ id: services.id }).from(services).where(eq(services.id, serviceId));
  if (!svc)
    await db.transaction((tx) =>
      insertService(tx, { id: serviceId, name: `${serviceId} 서비스`, languages: ['ko', 'en'] }),
    );
  const intake = await ensureTree(db, serviceId, 'intake');
  const processing = await ensureTree(db, serviceId, 'processing');
  for (const name of GROUPS) await db.insert(groups).values({ serviceId, name }).onConflictDoNothing();
  const groupRows = (
    await db.select({ id: groups.id, name: groups.name }).from(groups).where(eq(groups.serviceId, serviceId))
  ).filter((g) => GROUPS.includes(g.name));
  groupRows.sort((a, b) => GROUPS.indexOf(a.name) - GROUPS.indexOf(b.name));
  const hash = await hashPassword(password);
  const r = rng(7);
  const agents: SeedAgent[] = [];
  for (let i = 1; i <= agentCount; i++) {
    const loginId = `${prefix}${String(i).padStart(2, '0')}`;
    const name = `${SURNAMES[(i * 7) % SURNAMES.length]}${GIVEN[(i * 11) % GIVEN.length]}`;
    await db
      .insert(members)
      .values({ name, loginId, email: `${loginId}@example.com`, passwordHash: hash, status: 'active' })
      .onConflictDoNothing();
    const [m] = await db
      .select({ id: members.id, name: members.name })
      .from(members)
      .where(eq(sql`lower(${members.loginId})`, loginId.toLowerCase()));
    await db.update(members).set({ passwordHash: hash, status: 'active' }).where(eq(members.id, m.id));
    await db
      .insert(serviceMembers)
      .values({ serviceId, memberId: m.id, role: i === 1 ? 'admin' : 'agent', canTransfer: true })
      .onConflictDoNothing();
    const [sm] = await db
      .select({ id: serviceMembers.id })
      .from(serviceMembers)
      .where(and(eq(serviceMembers.serviceId, serviceId), eq(serviceMembers.memberId, m.id)));
    const mine = [groupRows[(i - 1) % groupRows.length]];
    if (r.next() < 0.4) mine.push(groupRows[(i + 2) % groupRows.length]);
    for (const g of mine)
      await db.insert(groupMembers).values({ groupId: g.id, agentId: sm.id, serviceId }).onConflictDoNothing();
    agents.push({ memberId: m.id, name: m.name, loginId, groupIds: mine.map((g) => g.id) });
  }
  return { serviceId, intake, processing, agents, groups: groupRows };
}

const COLUMNS = [
  ['number', 'int'],
  ['subject', 'text'],
  ['content', 'text'],
  ['status', 'text'],
  ['priority', 'text'],
  ['channel', 'text'],
  ['requester_name', 'text'],
  ['requester_email', 'text'],
  ['requester_phone', 'text'],
  ['intake_type_id', 'uuid'],
  ['intake_type_path', 'text'],
  ['processing_type_id', 'uuid'],
  ['processing_type_path', 'text'],
  ['assignee_id', 'uuid'],
  ['group_id', 'uuid'],
  ['starred', 'bool'],
  ['spam', 'bool'],
  ['internal_reason', 'text'],
  ['solved_by_id', 'uuid'],
  ['closed_by_id', 'uuid'],
  ['search_text', 'text'],
  ['first_replied_at', 'timestamptz'],
  ['solved_at', 'timestamptz'],
  ['closed_at', 'timestamptz'],
  ['created_at', 'timestamptz'],
  ['updated_at', 'timestamptz'],
] as const;
type Col = (typeof COLUMNS)[number][0];

const DAY = 86_400_000;

/**
 * Inserts `count` tickets into the world's service, numbered from its sequence, created over the
 * `years` before `now` in number order. Recent tickets are mostly new/open/pending, old ones
 * solved/closed; ~2% are spam; agents and categories are skewed (some are much busier).
 * `onBatch` reports progress. Returns the first number.
 */
export async function insertSeedTickets(
  client: Client,
  world: SeedWorld,
  opts: {
    count: number;
    batch?: number;
    years?: number;
    seed?: number;
    now?: number;
    onBatch?: (done: number) => void;
  },
): Promise<number> {
  const batch = opts.batch ?? 10_000;
  const r = rng(opts.seed ?? 42);
  const now = opts.now ?? Date.now();
  const span = (opts.years ?? 2) * 365 * DAY;
  const leaves = world.intake.filter((n) => n.depth === 3);
  const mids = world.intake.filter((n) => n.depth === 2);
  const procLeaves = world.processing.filter((n) => n.depth === 2);
  const byGroup = new Map(world.groups.map((g) => [g.id, world.agents.filter((a) => a.groupIds.includes(g.id))]));
  {
    let first = 0;
    const text = COLUMNS.map(([, t], i) => `$${i + 2}::${t}[]`).join(', ');
    const insert = `INSERT INTO tickets (service_id, ${COLUMNS.map(([c]) => c).join(', ')}) SELECT $1, * FROM unnest(${text})`;
    for (let done = 0; done < opts.count;) {
      const n = Math.min(batch, opts.count - done);
      const cols: Record<Col, unknown[]> = Object.fromEntries(COLUMNS.map(([c]) => [c, new Array(n)])) as Record<
        Col,
        unknown[]
      >;
      // Numbers from the service's sequence, so seeding beside live intake never collides.
      const { rows } = await client.query<{ n: number[] }>(
        'SELECT array_agg(next_ticket_number($1) ORDER BY g) AS n FROM generate_series(1, $2::int) g',
        [world.serviceId, n],
      );
      const numbers = rows[0].n;
      first ||= numbers[0];
      for (let k = 0; k < n; k++) {
        const i = done + k;
        const created = now - span + Math.floor(((i + r.next()) / opts.count) * span);
        const age = (now - created) / DAY;
        const spam = r.next() < 0.02;
        const leaf = r.next() < 0.85 ? leaves[r.skewed(leaves.length)] : mids[r.skewed(mids.length)];
        const catName = leaf.name;
        const product = r.pick(PRODUCTS);
        const orderNo = 2024000000 + r.int(99_999_999);
        const status = spam
          ? 'closed'
          : age < 3
            ? r.weighted([
                ['new', 30],
                ['open', 40],
                ['pending', 15],
                ['solved', 12],
                ['closed', 3],
              ] as const)
            : age < 30
              ? r.weighted([
                  ['new', 4],
                  ['open', 26],
                  ['pending', 20],
                  ['solved', 30],
                  ['closed', 18],
                  ['dooray_working', 2],
                ] as const)
              : r.weighted([
                  ['open', 2],
                  ['pending', 1],
                  ['solved', 7],
                  ['closed', 89],
                  ['dooray_done', 1],
                ] as const);
        const agent = status === 'new' || spam ? null : world.agents[r.skewed(world.agents.length)];
        const groupId = agent ? r.pick(agent.groupIds) : spam ? null : world.groups[leaf.root % world.groups.length].id;
        if (agent && groupId && !byGroup.get(groupId)?.includes(agent)) throw new Error('inconsistent seed group');
        const name = `${r.pick(SURNAMES)}${r.pick(GIVEN)}`;
        const email = r.next() < 0.8 ? `${r.pick(ROMAN)}${r.int(9999)}@${r.pick(DOMAINS)}` : null;
        const phone = r.next() < 0.5 ? `010-${String(1000 + r.int(9000))}-${String(1000 + r.int(9000))}` : null;
        const subject = spam
          ? r.pick([
              '[광고] 최저가 보장 이벤트',
              '무료 쿠폰 받아가세요!!',
              '대출 한도 조회 안내',
              '부업으로 월 500 벌기',
            ])
          : r.pick(SUBJECTS)(catName, product, orderNo);
        const content = spam
          ? `${subject} 지금 바로 클릭하세요 http://spam.example/${r.int(1e6)}`
          : `${r.pick(OPENINGS)} ${r.pick(BODIES)(catName, product, orderNo)} ${r.pick(CLOSINGS)}`;
        const done_ = status === 'solved' || status === 'closed' || status === 'dooray_done';
        const proc = done_ && !spam ? r.pick(procLeaves) : null;
        const replied = agent && status !== 'new' ? created + (10 + r.int(600)) * 60_000 : null;
        const solvedAt = done_ ? Math.min(now, created + (1 + r.int(72)) * 3_600_000) : null;
        const closedAt = status === 'closed' ? Math.min(now, (solvedAt ?? created) + (spam ? 60_000 : 3 * DAY)) : null;
        const updated = Math.max(created, closedAt ?? solvedAt ?? replied ?? created);
        const c = cols;
        c.number[k] = numbers[k];
        c.subject[k] = subject;
        c.content[k] = content;
        c.status[k] = status;
        c.priority[k] = r.weighted([
          ['normal', 70],
          ['low', 10],
          ['high', 15],
          ['urgent', 5],
        ] as const);
        c.channel[k] = r.weighted([
          ['helpcenter_web', 45],
          ['helpcenter_mobile', 20],
          ['email', 25],
          ['api', 5],
          ['manual', 5],
        ] as const);
        c.requester_name[k] = name;
        c.requester_email[k] = email;
        c.requester_phone[k] = phone;
        c.intake_type_id[k] = spam ? null : leaf.id;
        c.intake_type_path[k] = spam ? null : leaf.path;
        c.processing_type_id[k] = proc?.id ?? null;
        c.processing_type_path[k] = proc?.path ?? null;
        c.assignee_id[k] = agent?.memberId ?? null;
        c.group_id[k] = groupId;
        c.starred[k] = r.next() < 0.01;
        c.spam[k] = spam;
        c.internal_reason[k] = spam ? 'spam' : null;
        c.solved_by_id[k] = done_ && agent ? agent.memberId : null;
        c.closed_by_id[k] = status === 'closed' && agent ? agent.memberId : null;
        c.search_text[k] = searchTextOf(
          { subject, content, requesterName: name, requesterEmail: email, requesterPhone: phone },
          {},
        );
        c.first_replied_at[k] = replied ? new Date(replied).toISOString() : null;
        c.solved_at[k] = solvedAt ? new Date(solvedAt).toISOString() : null;
        c.closed_at[k] = closedAt ? new Date(closedAt).toISOString() : null;
        c.created_at[k] = new Date(created).toISOString();
        c.updated_at[k] = new Date(updated).toISOString();
      }
      await client.query(insert, [world.serviceId, ...COLUMNS.map(([col]) => cols[col])]);
      done += n;
      opts.onBatch?.(done);
    }
    return first;
  }
}

/**
 * Drops the secondary indexes of `tickets` (a bulk load is several times faster without them)
 * and returns their definitions for `restoreIndexes`. Call both in one transaction around the
 * load: a failure then rolls the drop back too (the table is locked meanwhile).
 */
export async function dropTicketIndexes(client: Client): Promise<string[]> {
  const { rows } = await client.query<{ name: string; def: string }>(`
    SELECT i.relname AS name, pg_get_indexdef(i.oid) AS def
    FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid
    WHERE x.indrelid = 'tickets'::regclass AND NOT x.indisprimary AND NOT x.indisunique`);
  for (const r of rows) await client.query(`DROP INDEX IF EXISTS "${r.name}"`);
  return rows.map((r) => r.def);
}

export async function restoreIndexes(client: Client, defs: string[]): Promise<void> {
  await client.query(`SET maintenance_work_mem = '512MB'`);
  for (const def of defs) await client.query(def.replace(/^CREATE INDEX /, 'CREATE INDEX IF NOT EXISTS '));
}
