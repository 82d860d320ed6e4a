import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { CORE_SCHEMA, load, type YAMLException } from 'js-yaml';
import { isMap, isNode, isSeq, LineCounter, parseDocument } from 'yaml';
import type { z } from 'zod';
import { formErrors } from '@okno/catalogue/content';
import { packFiles, ServiceFile, type PackFileName } from './pack-files';
import { crossFileProblems } from './pack-problems';
import type { RegionPack } from './region-pack';

/** One thing wrong in a pack: the file, the line where known, the path in it, and what. */
export interface PackProblem {
  file: string;
  line?: number;
  path: string;
  message: string;
}

export type ReadResult =
  { packs: RegionPack[]; problems: [] } | { packs?: undefined; problems: PackProblem[] };

/** `ru-tom/offices.yaml:12 offices.3.agencyCode: there is no agency "x"`. */
export const formatProblem = (p: PackProblem): string =>
  `${p.file}${p.line ? `:${p.line}` : ''} ${p.path || '(file)'}: ${p.message}`;

type Locate = (file: string, path: string) => number | undefined;

/**
 * Reads the packs imported together (a region's folder and the federal pack's): every file
 * parsed (YAML 1.2, so JSON too) and checked against its schema, then against the others (an
 * office's agency must be in agencies.yaml, a service code given once, and so on). Every
 * problem in every file comes back at once, each named by file, line and path; the packs
 * only when there is none.
 */
export function readPacks(folders: readonly string[]): ReadResult {
  const problems: PackProblem[] = [];
  const texts = new Map<string, string>();
  const packs = folders.map((folder) => readOne(folder, problems, texts));
  const unreadable = new Set(
    (['agencies', 'offices', 'services'] as const).filter((list) =>
      problems.some(
        (p) => p.file.split('/')[1] === (list === 'services' ? 'services' : `${list}.yaml`),
      ),
    ),
  );
  const locate: Locate = (file, path) => {
    const text = texts.get(file);
    return text === undefined ? undefined : lineOf(text, path ? path.split('.') : []);
  };
  for (const problem of crossFileProblems(packs, unreadable)) {
    const line = locate(problem.file, problem.path);
    problems.push({ ...problem, ...(line && { line }) });
  }
  return problems.length > 0 ? { problems } : { packs, problems: [] };
}

/**
 * One pack on its own, each file checked against its schema but not against other packs: the
 * federal pack read for what it holds (its services name agencies each region's pack lists).
 */
export function readPackAlone(folder: string): ReadResult {
  const problems: PackProblem[] = [];
  const pack = readOne(folder, problems, new Map());
  return problems.length > 0 ? { problems } : { packs: [pack], problems: [] };
}

function readOne(folder: string, problems: PackProblem[], texts: Map<string, string>): RegionPack {
  const name = basename(folder);
  const read = <S extends z.ZodType>(file: string, schema: S): z.output<S> | undefined => {
    const path = join(folder, file);
    if (!existsSync(path)) return undefined;
    const text = readFileSync(path, 'utf8');
    texts.set(`${name}/${file}`, text);
    return parseFile(`${name}/${file}`, text, schema, problems);
  };
  const files: Partial<{ [F in PackFileName]: z.output<(typeof packFiles)[F]> }> = {};
  for (const file of Object.keys(packFiles) as PackFileName[]) {
    const parsed = read(file, packFiles[file]);
    if (parsed !== undefined) (files as Record<string, unknown>)[file] = parsed;
  }
  const hasHead = ['region.yaml', 'pack.yaml'].some((f) => existsSync(join(folder, f)));
  if (!hasHead) {
    problems.push({
      file: `${name}/region.yaml`,
      path: '',
      message: `${folder} has neither region.yaml (a region's pack) nor pack.yaml (the federal pack)`,
    });
  }
  const services: RegionPack['services'] = [];
  const servicesDir = join(folder, 'services');
  if (existsSync(servicesDir)) {
    for (const entry of readdirSync(servicesDir).sort()) {
      if (!/\.(ya?ml|json)$/.test(entry)) continue;
      const code = entry.replace(/\.(ya?ml|json)$/, '');
      if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(code) || code.length > 80) {
        problems.push({
          file: `${name}/services/${entry}`,
          path: '',
          message: 'the file name is the service code: lowercase words joined by dashes',
        });
        continue;
      }
      const file = `services/${entry}`;
      const content = read(file, ServiceFile);
      if (!content) continue;
      const { $schema: _link, ...rest } = content;
      // What publishing holds a form to (fields placed and labelled, the once-only rule).
      const form = formErrors(rest);
      for (const e of form) {
        const path = e.pointer.slice(1).replaceAll('/', '.');
        const line = lineOf(texts.get(`${name}/${file}`) ?? '', path.split('.'));
        problems.push({ file: `${name}/${file}`, ...(line && { line }), path, message: e.message });
      }
      if (form.length === 0) services.push({ code, content: rest });
    }
  }
  return {
    name,
    ...(files['region.yaml'] && { region: files['region.yaml'] }),
    ...(files['pack.yaml'] && { federal: files['pack.yaml'] }),
    agencies: files['agencies.yaml']?.agencies ?? [],
    offices: files['offices.yaml']?.offices ?? [],
    staff: files['staff.yaml']?.staff ?? [],
    demoPeople: files['demo-people.yaml']?.people ?? [],
    ...(files['calendar.yaml'] && { calendar: files['calendar.yaml'] }),
    services,
  };
}

function parseFile<S extends z.ZodType>(
  file: string,
  text: string,
  schema: S,
  problems: PackProblem[],
): z.output<S> | undefined {
  let data: unknown;
  try {
    // js-yaml for speed (a region's thousands of service files); it refuses keys given twice.
    data = load(text, { filename: file, schema: CORE_SCHEMA });
  } catch (error) {
    const mark = (error as YAMLException).mark as { line?: number } | undefined;
    problems.push({
      file,
      ...(mark?.line !== undefined && { line: mark.line + 1 }),
      path: '',
      message: (error as YAMLException).reason ?? 'not YAML',
    });
    return undefined;
  }
  const parsed = schema.safeParse(data);
  if (parsed.success) return parsed.data;
  for (const issue of parsed.error.issues) {
    const path = issue.path.map(String);
    const line = lineOf(text, path);
    problems.push({ file, ...(line && { line }), path: path.join('.'), message: issue.message });
  }
  return undefined;
}

/**
 * The line of the deepest node of `path` that exists (a missing key: its parent's). Only for
 * files with a problem, so the slower parser that keeps positions reads only those.
 */
function lineOf(text: string, path: string[]): number | undefined {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines });
  let node: unknown = doc.contents;
  let line = isNode(node) && node.range ? lines.linePos(node.range[0]).line : undefined;
  for (const segment of path) {
    // Map keys are strings ('2027' too); sequence positions are numbers.
    const next: unknown = isMap(node)
      ? node.get(segment, true)
      : isSeq(node)
        ? node.get(Number(segment), true)
        : undefined;
    if (!isNode(next) || !next.range) break;
    node = next;
    line = lines.linePos(next.range[0]).line;
  }
  return line;
}
