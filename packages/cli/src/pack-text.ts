import { Document, isScalar, visit } from 'yaml';

/** The first lines of a pack file: what it is, and the schema an editor checks it by. */
export function packHeader(schema: string, what: string, depth = 1): string {
  return `# yaml-language-server: $schema=${'../'.repeat(depth)}schema/${schema}.schema.json\n# ${what} (docs/regions.md)\n`;
}

/**
 * A pack file's text: its header, then the data as YAML as a person would write it: lists of
 * short lists of plain values on one line (`roles: [mfc-officer]`), long lines left whole.
 */
export function packText(schema: string, what: string, data: unknown, depth = 1): string {
  const doc = new Document(data);
  visit(doc, {
    Seq(_, node) {
      const items = node.items.filter((item) => isScalar(item));
      const width = items.reduce((sum, item) => sum + String(item.value).length + 2, 0);
      if (items.length === node.items.length && width <= 60) node.flow = true;
    },
  });
  // As prettier writes YAML, so an export and the repository's formatting agree.
  return (
    packHeader(schema, what, depth) +
    doc.toString({ lineWidth: 0, flowCollectionPadding: false, singleQuote: true })
  );
}
