import { parse } from 'csv-parse/sync';
import type { FieldError } from '@okno/http';

/** The columns of a statement file, in docs/payments.md. */
export const STATEMENT_COLUMNS = ['line_id', 'uin', 'amount_minor', 'currency', 'paid_at'] as const;

export interface ParsedLine {
  lineNo: number;
  lineId: string;
  uin: string;
  amountMinor: number;
  paidAt: Date;
}

const MAX_LINES = 50_000;

/**
 * Reads a statement: UTF-8 CSV, comma-separated, a header naming at least the columns above
 * (others are ignored, so a bank may send more). Every bad cell is reported with its line, so
 * the sender can fix the file in one go; nothing is imported from a file with any.
 */
export function parseStatementCsv(text: string): { lines: ParsedLine[]; errors: FieldError[] } {
  let records: Record<string, string>[];
  try {
    records = parse<Record<string, string>>(text.replace(/^\uFEFF/, ''), {
      columns: (header: string[]) => header.map((h) => h.trim().toLowerCase()),
      skip_empty_lines: true,
      trim: true,
      max_record_size: 4096,
    });
  } catch (error) {
    return {
      lines: [],
      errors: [{ location: 'body', pointer: '', message: `not CSV: ${(error as Error).message}` }],
    };
  }
  const errors: FieldError[] = [];
  const first = records[0];
  const missing = STATEMENT_COLUMNS.filter((c) => first !== undefined && !(c in first));
  if (records.length === 0)
    errors.push({ location: 'body', pointer: '', message: 'the statement has no lines' });
  if (missing.length > 0) {
    errors.push({
      location: 'body',
      pointer: '/header',
      message: `missing columns: ${missing.join(', ')}`,
    });
  }
  if (records.length > MAX_LINES) {
    errors.push({
      location: 'body',
      pointer: '',
      message: `more than ${MAX_LINES} lines; split the statement`,
    });
  }
  if (errors.length > 0) return { lines: [], errors };

  const lines: ParsedLine[] = [];
  records.forEach((r, i) => {
    const lineNo = i + 1;
    const bad = (column: string, message: string) =>
      errors.push({ location: 'body', pointer: `/lines/${lineNo}/${column}`, message });
    const amount = Number(r['amount_minor']);
    const paidAt = new Date(r['paid_at'] ?? '');
    if (!r['line_id']) bad('line_id', 'is empty');
    if (!/^(0|\d{20}|\d{25})$/.test(r['uin'] ?? '')) bad('uin', 'is not 20 or 25 digits (or 0)');
    if (!/^\d{1,15}$/.test(r['amount_minor'] ?? '') || amount <= 0)
      bad('amount_minor', 'is not a positive whole number of kopecks');
    if (r['currency'] !== 'RUB') bad('currency', 'is not RUB');
    if (!/^\d{4}-\d{2}-\d{2}T/.test(r['paid_at'] ?? '') || Number.isNaN(paidAt.getTime()))
      bad('paid_at', 'is not an ISO 8601 date and time');
    lines.push({
      lineNo,
      lineId: r['line_id'] ?? '',
      uin: r['uin'] ?? '',
      amountMinor: amount,
      paidAt,
    });
  });
  return errors.length > 0 ? { lines: [], errors } : { lines, errors };
}
