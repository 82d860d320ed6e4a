import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import type { FieldError } from '@okno/http';

// The catalogue publishes forms with its own annotation for document uploads; the catalogue
// checked every schema strictly at publication, so here it is only an annotation.
const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats(ajv);
ajv.addKeyword({ keyword: 'x-okno-document', schemaType: 'string' });

/** Compiled forms by catalogue version id: a published version never changes. */
const compiled = new Map<string, ValidateFunction>();

function validatorFor(versionId: string, schema: Record<string, unknown>): ValidateFunction {
  let validate = compiled.get(versionId);
  if (!validate) {
    validate = ajv.compile(schema);
    compiled.set(versionId, validate);
  }
  return validate;
}

/**
 * Every problem with an application's form data against the form of the catalogue version it
 * is filed under, as problem+json field errors under `/formData`. A draft may be incomplete:
 * missing required fields are reported only when it is submitted.
 */
export function formDataErrors(
  form: { versionId: string; schema: Record<string, unknown> },
  formData: Record<string, unknown>,
  stage: 'draft' | 'submission',
): FieldError[] {
  const validate = validatorFor(form.versionId, form.schema);
  if (validate(formData)) return [];
  return (validate.errors ?? [])
    .filter((e) => stage === 'submission' || e.keyword !== 'required')
    .map((e) => ({ location: 'body' as const, pointer: pointerOf(e), message: messageOf(e) }));
}

function pointerOf(error: ErrorObject): string {
  const field =
    error.keyword === 'required'
      ? `/${String(error.params['missingProperty'])}`
      : error.keyword === 'additionalProperties'
        ? `/${String(error.params['additionalProperty'])}`
        : '';
  return `/formData${error.instancePath}${field}`;
}

function messageOf(error: ErrorObject): string {
  if (error.keyword === 'required') return 'is required';
  if (error.keyword === 'additionalProperties') return 'is not a field of this form';
  return error.message ?? 'is invalid';
}
