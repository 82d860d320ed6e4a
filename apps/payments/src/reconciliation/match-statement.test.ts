import { describe, expect, it } from 'vitest';
import { matchStatement } from './match-statement';

const line = (lineNo: number, uin: string, amountMinor: number, lineId = `T-${lineNo}`) => ({
  lineNo,
  lineId,
  uin,
  amountMinor,
});

describe('matching a statement', () => {
  it('pairs two part-payments of one UIN one to one, whatever their order', () => {
    const payments = [
      { id: 'p1', uin: 'U', amountMinor: 100 },
      { id: 'p2', uin: 'U', amountMinor: 250 },
    ];
    const result = matchStatement(payments, [line(1, 'U', 250), line(2, 'U', 100)]);
    expect(result.matched).toEqual([
      { paymentId: 'p2', lineNo: 1 },
      { paymentId: 'p1', lineNo: 2 },
    ]);
    expect(result.discrepancies).toEqual([]);
  });

  it('calls everything missing when the statement is empty, and everything unknown when the node paid nothing', () => {
    expect(
      matchStatement([{ id: 'p', uin: 'U', amountMinor: 1 }], []).discrepancies.map((d) => d.kind),
    ).toEqual(['missing']);
    expect(
      matchStatement([], [line(1, 'U', 1), line(2, '0', 5)]).discrepancies.map((d) => d.kind),
    ).toEqual(['unknown', 'unknown']);
  });

  it('prefers an exact amount over an earlier differing line of the same UIN', () => {
    const result = matchStatement(
      [{ id: 'p', uin: 'U', amountMinor: 300 }],
      [line(1, 'U', 200), line(2, 'U', 300)],
    );
    expect(result.matched).toEqual([{ paymentId: 'p', lineNo: 2 }]);
    expect(result.discrepancies).toEqual([expect.objectContaining({ kind: 'unknown', lineNo: 1 })]);
  });
});
