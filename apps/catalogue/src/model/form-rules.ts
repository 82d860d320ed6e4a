import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import type { FieldError } from '@okno/http';
import type { ServiceContent } from './service-content';

/** The form field that carries an uploaded copy of one of the service's documents. */
export const DOCUMENT_KEYWORD = 'x-okno-document';

function formCompiler() {
  // Strict: unknown keywords, misspelt formats and contradictory types are errors, so a form
  // that would silently accept anything never gets published.
  const ajv = new Ajv2020({ strict: true, allErrors: true });
  addFormats(ajv);
  ajv.addKeyword({ keyword: DOCUMENT_KEYWORD, schemaType: 'string' });
  return ajv;
}
const compiler = formCompiler();

const at = (path: string): FieldError['pointer'] => `/form${path}`;

/**
 * What a service's application form must satisfy to be published: a valid JSON Schema
 * (draft 2020-12) of an object, every field placed and labelled in both languages, and no
 * field asking for a document the agency obtains from a registry (the once-only rule).
 */
export function formErrors(content: ServiceContent): FieldError[] {
  const { schema, ui } = content.form;
  const errors: FieldError[] = [];
  const error = (pointer: string, message: string) =>
    errors.push({ location: 'body', pointer: at(pointer), message });

  try {
    compiler.compile(schema);
  } catch (e) {
    error('/schema', `is not a valid JSON Schema (draft 2020-12): ${(e as Error).message}`);
    return errors;
  }
  if (schema['type'] !== 'object') error('/schema/type', 'the form must be an object');
  const properties = (schema['properties'] ?? {}) as Record<string, Record<string, unknown>>;

  const documents = new Map(content.documents.map((d) => [d.code, d]));
  for (const [name, property] of Object.entries(properties)) {
    if (!ui.order.includes(name)) error('/ui/order', `does not place the field "${name}"`);
    if (!ui.labels[name])
      error(`/ui/labels/${name}`, 'every field needs a label in Russian and English');
    const documentCode = property[DOCUMENT_KEYWORD];
    // The compiler has checked the keyword's value is a string wherever it appears.
    if (typeof documentCode !== 'string') continue;
    const document = documents.get(documentCode);
    if (!document) {
      error(
        `/schema/properties/${name}`,
        `refers to "${documentCode}", which is not a document of this service`,
      );
    } else if (document.source.kind === 'registry') {
      error(
        `/schema/properties/${name}`,
        `asks the applicant for "${document.code}", which the agency obtains from a registry (once-only rule)`,
      );
    }
  }
  for (const name of ui.order) {
    if (!(name in properties))
      error('/ui/order', `places "${name}", which is not a field of the form`);
  }
  return errors;
}

/** Compiles a published form for validating applications (used by the applications service). */
export function compileForm(schema: Record<string, unknown>) {
  return compiler.compile(schema);
}
