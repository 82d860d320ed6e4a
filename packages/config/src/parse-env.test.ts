import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ConfigError, parseEnv } from './parse-env';
import { baseEnv, databaseEnv, httpEnv } from './fields';

const schema = baseEnv.extend(httpEnv.shape).extend(databaseEnv.shape);

describe('parseEnv', () => {
  it('applies defaults for an empty environment', () => {
    const env = parseEnv(schema, {});
    expect(env.PORT).toBe(3000);
    expect(env.NODE_ENV).toBe('development');
    expect(env.DATABASE_URL).toBeUndefined();
    expect(env.OKNO_DATA_DIR).toBe('.okno-data');
  });

  it('treats empty strings as unset', () => {
    expect(parseEnv(schema, { PORT: '' }).PORT).toBe(3000);
  });

  it('names every bad variable', () => {
    const attempt = () =>
      parseEnv(schema, { PORT: 'eighty', DATABASE_URL: 'mysql://x', OKNO_REGION: 'kemerovo' });
    expect(attempt).toThrow(ConfigError);
    try {
      attempt();
    } catch (error) {
      const message = (error as ConfigError).message;
      expect(message).toMatch(/PORT/);
      expect(message).toMatch(/DATABASE_URL/);
      expect(message).toMatch(/OKNO_REGION/);
      expect((error as ConfigError).problems).toHaveLength(3);
    }
  });

  it('refuses a missing required variable', () => {
    expect(() => parseEnv(z.object({ SIGNING_KEY: z.string() }), {})).toThrow(/SIGNING_KEY/);
  });
});
