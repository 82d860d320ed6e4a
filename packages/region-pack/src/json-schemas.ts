import { z } from 'zod';
import { packFiles, ServiceFile } from './pack-files';

/**
 * The JSON Schema (draft 2020-12) of each pack file, from the same zod schemas that validate
 * it, for editors: a YAML file that starts with
 * `# yaml-language-server: $schema=../schema/offices.schema.json` is checked as it is typed.
 * Rules a JSON Schema cannot say (a date in its year, references between files) are checked
 * by `pnpm okno region import --dry-run`.
 */
export function packJsonSchemas(): Record<string, unknown> {
  const files: Record<string, z.ZodType> = {
    ...Object.fromEntries(
      Object.entries(packFiles).map(([file, schema]) => [file.replace('.yaml', ''), schema]),
    ),
    service: ServiceFile,
  };
  return Object.fromEntries(
    Object.entries(files).map(([name, schema]) => [
      `${name}.schema.json`,
      {
        ...z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }),
        title: `Okno region pack: ${name === 'service' ? 'services/<code>' : name}.yaml`,
      },
    ]),
  );
}
