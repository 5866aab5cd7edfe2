import { providerJson } from '@/lib/channels/provider';
import type { SmsApiVersion } from '@/db/schema';

/** NHN Cloud SMS host (integrations.md §3); closed networks and tests set their own. */
export const SMS_API = 'https://sms.api.nhncloudservice.com';

export type SmsAuth = { baseUrl: string; version: SmsApiVersion; appKey: string; secretKey: string | null };

function url(a: SmsAuth, path: string) {
  return `${a.baseUrl.replace(/\/+$/, '')}/sms/${a.version}/appKeys/${encodeURIComponent(a.appKey)}${path}`;
}

/** v3.0 needs `X-Secret-Key`; v2.4 has the same paths without it. */
function headers(a: SmsAuth): Record<string, string> {
  return a.version === 'v3.0' && a.secretKey ? { 'X-Secret-Key': a.secretKey } : {};
}

type SendNo = { sendNo: string; useYn?: string; blockYn?: string };
type Listed = { header: { isSuccessful: boolean }; body?: { totalCount?: number; data?: SendNo[] } };

const PAGE = 100;

/** The app key's registered sender numbers that can be used (in use, not blocked); proves the key. */
export async function listSenders(a: SmsAuth): Promise<string[]> {
  const out: string[] = [];
  for (let page = 1; page <= 10; page++) {
    const r = await providerJson<Listed>(url(a, `/sendNos?pageNum=${page}&pageSize=${PAGE}`), {
      method: 'GET',
      headers: headers(a),
    });
    const data = Array.isArray(r.body?.data) ? r.body!.data! : [];
    for (const s of data) if (s?.sendNo && s.useYn !== 'N' && s.blockYn !== 'Y') out.push(String(s.sendNo));
    if (data.length < PAGE) break;
  }
  return [...new Set(out)];
}

type Sent = {
  header: { isSuccessful: boolean; resultCode: number; resultMessage: string };
  body?: {
    data?: {
      requestId?: string;
      statusCode?: string;
      sendResultList?: { recipientNo: string; resultCode: number; resultMessage: string }[];
    };
  };
};

/** Sends one SMS (`/sender/sms`) or LMS (`/sender/mms` with a title); returns the request id and the recipient's result. */
export async function sendMessage(
  a: SmsAuth,
  m: {
    type: 'sms' | 'lms';
    sendNo: string;
    recipientNo: string;
    title?: string | null;
    body: string;
    groupingKey: string;
  },
) {
  const body = {
    ...(m.type === 'lms' ? { title: m.title ?? '' } : {}),
    body: m.body,
    sendNo: m.sendNo,
    senderGroupingKey: m.groupingKey,
    recipientList: [{ recipientNo: m.recipientNo }],
  };
  const r = await providerJson<Sent>(url(a, m.type === 'lms' ? '/sender/mms' : '/sender/sms'), {
    method: 'POST',
    headers: headers(a),
    body,
  });
  const first = r.body?.data?.sendResultList?.[0];
  return {
    requestId: r.body?.data?.requestId ?? null,
    resultCode: first ? String(first.resultCode) : String(r.header.resultCode),
    resultMessage: first?.resultMessage ?? r.header.resultMessage ?? '',
  };
}
