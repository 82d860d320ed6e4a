/**
 * Splits items into batches a node accepts: at most `maxItems` each, and at most `maxBytes`
 * of JSON (the node's body limit is 1 MiB; a service with its form can be several KiB). An item
 * larger than `maxBytes` goes alone, and the node says if it is too large.
 */
export function batches<T>(items: readonly T[], maxItems = 500, maxBytes = 768 * 1024): T[][] {
  const out: T[][] = [];
  let current: T[] = [];
  let bytes = 0;
  for (const item of items) {
    const size = Buffer.byteLength(JSON.stringify(item));
    if (current.length > 0 && (current.length >= maxItems || bytes + size > maxBytes)) {
      out.push(current);
      current = [];
      bytes = 0;
    }
    current.push(item);
    bytes += size + 1;
  }
  if (current.length > 0) out.push(current);
  return out;
}
