import { baseUrl } from './config.ts';
import { postJson } from './requests.ts';

const api = `${baseUrl}/api/applications`;

/** A citizen's draft on the portal, with its form (complete or not). */
export const createDraft = (
  token: string,
  serviceCode: string,
  formData: Record<string, unknown>,
  key: string,
) =>
  postJson(`${api}/applications`, { serviceCode, formData }, token, {
    key,
    name: 'create draft',
  });

/** A lifecycle step (submit, register, review, decide, ...) on an application. */
export const takeStep = (token: string, id: string, step: Record<string, string>, key: string) =>
  postJson(`${api}/applications/${id}/steps`, step, token, {
    key,
    name: `step ${step['step']}`,
  });

export const applicationUrl = (id: string) => `${api}/applications/${id}`;
export const queueUrl = `${api}/queue`;
