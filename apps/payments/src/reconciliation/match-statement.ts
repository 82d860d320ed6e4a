import type { DiscrepancyKind } from '@okno/db/payments';

export interface NodePayment {
  id: string;
  uin: string;
  amountMinor: number;
}

export interface StatementLine {
  lineNo: number;
  lineId: string;
  uin: string;
  amountMinor: number;
}

export interface Discrepancy {
  kind: DiscrepancyKind;
  uin: string;
  paymentId: string | null;
  lineNo: number | null;
  nodeMinor: number | null;
  statementMinor: number | null;
}

export interface Reconciliation {
  matched: { paymentId: string; lineNo: number }[];
  discrepancies: Discrepancy[];
}

/**
 * Matches a statement's lines to the payments the node recorded for the same source and day,
 * by UIN and amount, and names every disagreement:
 * - `duplicate`: a line repeating another's transfer id, or a second line for a UIN and
 *   amount whose payment is already matched (the money came twice);
 * - `amount-differs`: a UIN on both sides, with other amounts;
 * - `unknown`: a line for which the node recorded no payment (no or another UIN);
 * - `missing`: a payment the node recorded that the statement does not have.
 * Pure: the same inputs give the same answer, in file order.
 */
export function matchStatement(
  payments: readonly NodePayment[],
  lines: readonly StatementLine[],
): Reconciliation {
  const matched: Reconciliation['matched'] = [];
  const discrepancies: Discrepancy[] = [];
  const open = new Map<string, NodePayment[]>();
  for (const p of payments) open.set(p.uin, [...(open.get(p.uin) ?? []), p]);
  const matchedAmounts = new Set<string>();
  const seenLineIds = new Set<string>();
  const unpaired: StatementLine[] = [];

  for (const line of lines) {
    if (seenLineIds.has(line.lineId)) {
      discrepancies.push(lineOnly('duplicate', line));
      continue;
    }
    seenLineIds.add(line.lineId);
    const candidates = open.get(line.uin) ?? [];
    const exact = candidates.findIndex((p) => p.amountMinor === line.amountMinor);
    if (exact >= 0) {
      const [payment] = candidates.splice(exact, 1);
      matched.push({ paymentId: payment!.id, lineNo: line.lineNo });
      matchedAmounts.add(`${line.uin}/${line.amountMinor}`);
    } else {
      unpaired.push(line);
    }
  }

  for (const line of unpaired) {
    const candidates = open.get(line.uin) ?? [];
    const other = candidates.shift();
    if (other) {
      discrepancies.push({
        kind: 'amount-differs',
        uin: line.uin,
        paymentId: other.id,
        lineNo: line.lineNo,
        nodeMinor: other.amountMinor,
        statementMinor: line.amountMinor,
      });
    } else if (matchedAmounts.has(`${line.uin}/${line.amountMinor}`)) {
      discrepancies.push(lineOnly('duplicate', line));
    } else {
      discrepancies.push(lineOnly('unknown', line));
    }
  }

  for (const left of open.values()) {
    for (const p of left) {
      discrepancies.push({
        kind: 'missing',
        uin: p.uin,
        paymentId: p.id,
        lineNo: null,
        nodeMinor: p.amountMinor,
        statementMinor: null,
      });
    }
  }
  return { matched, discrepancies };
}

const lineOnly = (kind: DiscrepancyKind, line: StatementLine): Discrepancy => ({
  kind,
  uin: line.uin,
  paymentId: null,
  lineNo: line.lineNo,
  nodeMinor: null,
  statementMinor: line.amountMinor,
});
