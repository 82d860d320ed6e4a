import { describe, expect, it } from 'vitest';
import { parseEnv } from '@okno/config';
import type { ServiceModule } from '@okno/http';
import { nodeEnv } from '../src/env';
import { chooseServices } from '../src/run-node';

// One image, any subset: a Deployment names its services in OKNO_SERVICES.
const service = (name: string) => ({ info: { name } }) as unknown as ServiceModule;
const known = ['identity', 'catalogue', 'applications'].map(service);
const names = (chosen: readonly ServiceModule[]) => chosen.map((s) => s.info.name);

describe('OKNO_SERVICES', () => {
  it('hosts every service when unset', () => {
    expect(names(chooseServices(known, parseEnv(nodeEnv, {}).OKNO_SERVICES))).toEqual([
      'identity',
      'catalogue',
      'applications',
    ]);
  });

  it('hosts the named ones, in the order they mount', () => {
    const env = parseEnv(nodeEnv, { OKNO_SERVICES: ' applications, catalogue' });
    expect(names(chooseServices(known, env.OKNO_SERVICES))).toEqual(['catalogue', 'applications']);
  });

  it('refuses a name it does not know, saying which there are', () => {
    expect(() => chooseServices(known, ['catalogue', 'paymnets'])).toThrow(
      'OKNO_SERVICES: no service paymnets here; there are identity, catalogue, applications',
    );
    expect(() => parseEnv(nodeEnv, { OKNO_SERVICES: 'catalogue;identity' })).toThrow(
      /OKNO_SERVICES: service names separated by commas/,
    );
  });
});
