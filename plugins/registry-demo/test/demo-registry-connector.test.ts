import { describe, expect, it } from 'vitest';
import { asPlugin, collectExtensions, type RegistryRequest } from '@okno/plugin-sdk';
import * as demoModule from '../src';
import { demoRegistryConnector } from '../src';

const request = (over: Partial<RegistryRequest> = {}): RegistryRequest => ({
  id: '0194f7a0-0000-7000-8000-00000000abcd',
  registry: 'civil-registry',
  document: { code: 'birth-record', title: { ru: 'Запись о рождении', en: 'Birth record' } },
  data: { ru: 'Сведения о рождении', en: 'Birth record data' },
  legalBasis: { ru: '210-ФЗ', en: 'Federal Law 210-FZ' },
  application: {
    id: '0194f7a0-0000-7000-8000-000000000001',
    number: 'KEM-2026-0000001',
    serviceCode: 'unified-child-allowance',
    agencyCode: 'social-fund',
  },
  subject: { fullName: 'Анна Петрова' },
  firstSentAt: new Date(),
  attempt: 1,
  ...over,
});
const signal = new AbortController().signal;

describe('the demo registry connector', () => {
  it('is pending until its delay has passed since the first send, then answers', async () => {
    const connector = demoRegistryConnector({ delayMs: 60_000, failWhen: () => false });
    const early = await connector.request(request(), { signal });
    expect(early.kind).toBe('pending');
    if (early.kind === 'pending') expect(early.checkAgainInMs).toBeGreaterThan(59_000);

    const late = await connector.request(request({ firstSentAt: new Date(Date.now() - 61_000) }), {
      signal,
    });
    expect(late).toMatchObject({
      kind: 'answered',
      answer: { reference: 'DEMO-CIVIL-REGISTRY-00000000abcd', data: { about: 'Анна Петрова' } },
    });
  });

  it('fails, retryably, when told to', async () => {
    const connector = demoRegistryConnector({ delayMs: 0, failWhen: (r) => r.attempt < 3 });
    expect(await connector.request(request({ attempt: 2 }), { signal })).toMatchObject({
      kind: 'failed',
      retryable: true,
    });
    expect((await connector.request(request({ attempt: 3 }), { signal })).kind).toBe('answered');
  });

  it('is a development-only plugin a node can load by its package name', () => {
    const plugin = asPlugin('@okno/plugin-registry-demo', demoModule);
    expect(plugin.developmentOnly).toBe(true);
    expect(collectExtensions([plugin]).of('applications.registry-connector')).toHaveLength(1);
  });
});
