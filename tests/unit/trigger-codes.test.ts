import { firesOnlyOnReplies, substitutionCodeList } from '@/lib/substitution/code-list';
import { deliveryErrorMessage } from '@/lib/triggers/deliveries/error-text';

describe('code list per context', () => {
  it('knows when a trigger fires only on replies (so #{content} has a value)', () => {
    expect(firesOnlyOnReplies([{ mode: 'all', target: 'event', operator: 'is', value: 'created' }])).toBe(false);
    expect(firesOnlyOnReplies([{ mode: 'all', target: 'event', operator: 'is', value: 'agent_reply' }])).toBe(true);
    expect(
      firesOnlyOnReplies([
        { mode: 'all', target: 'event', operator: 'is_any_of', value: ['agent_reply', 'customer_reply'] },
      ]),
    ).toBe(true);
    expect(
      firesOnlyOnReplies([{ mode: 'all', target: 'event', operator: 'is_any_of', value: ['agent_reply', 'created'] }]),
    ).toBe(false);
    expect(firesOnlyOnReplies([{ mode: 'any', target: 'event', operator: 'is', value: 'agent_reply' }])).toBe(false);
    expect(firesOnlyOnReplies([{ mode: 'all', target: 'priority', operator: 'is', value: 'high' }])).toBe(false);
  });

  it('never lists a field whose code is a ticket fact twice', () => {
    const list = substitutionCodeList(
      [
        { code: 'content', audience: 'customer', type: 'textarea', name: '내용' },
        { code: 'processingType', audience: 'agent', type: 'dropdown', name: '처리유형' },
        { code: 'orderNo', audience: 'customer', type: 'text', name: '주문번호' },
        { code: 'guide', audience: 'customer', type: 'caption', name: '안내' },
      ],
      (c) => c,
    );
    const values = [...list.basic, ...list.customer].map((c) => c.value);
    expect(values.filter((v) => v === 'content' || v === 'processingType')).toEqual(['processingType', 'content']);
    expect(list.customer.map((c) => c.value)).toEqual(['orderNo']);
  });
});

describe('delivery errors', () => {
  it('are explained by message keys, not shown as raw codes', () => {
    expect(deliveryErrorMessage('http_503')).toEqual({ key: 'error.http', params: { status: '503' } });
    expect(deliveryErrorMessage('blocked_address').key).toBe('error.blocked');
    expect(deliveryErrorMessage('redirect').key).toBe('error.redirect');
    expect(deliveryErrorMessage('ECONNREFUSED').key).toBe('error.refused');
    expect(deliveryErrorMessage('EENVELOPE')).toEqual({ key: 'error.mail', params: { code: 'EENVELOPE' } });
  });
});
