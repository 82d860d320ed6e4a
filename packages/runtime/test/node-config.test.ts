import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseEnv } from '@okno/config';
import {
  decryptField,
  encryptField,
  formatKeyring,
  generateDataKey,
  generateSigningKey,
} from '@okno/crypto';
import { loadDataKeys } from '../src/data-keys';
import { loadSigningKeys } from '../src/document-settings';
import { nodeEnv } from '../src/env';
import { loadRegionSettings } from '../src/region-settings';

const dataDir = mkdtempSync(join(tmpdir(), 'okno-config-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe('node configuration', () => {
  it('refuses production without a token issuer and data keys, naming both', () => {
    expect(() => parseEnv(nodeEnv, { NODE_ENV: 'production' })).toThrow(
      /OIDC_ISSUER: is required in production[\s\S]*OKNO_DATA_KEYS: is required in production[\s\S]*OKNO_SIGNING_KEYS: is required in production[\s\S]*OKNO_UIN_PREFIX: is required in production/,
    );
  });

  it('refuses a malformed keyring without echoing it', () => {
    const env = parseEnv(nodeEnv, {
      OKNO_DATA_KEYS: 'k1:c2hvcnQ=c2hvcnQ=c2hvcnQ=c2hvcnQ=c2hvcnQ=',
    });
    expect(() => loadDataKeys(env)).toThrow(/OKNO_DATA_KEYS: key "k1" is \d+ bytes/);
  });

  it('takes production keys from OKNO_DATA_KEYS', () => {
    const text = formatKeyring([generateDataKey('2026'), generateDataKey('2025')]);
    const env = parseEnv(nodeEnv, {
      NODE_ENV: 'production',
      OIDC_ISSUER: 'https://sso.example.ru/realms/ru-kem',
      OKNO_DATA_KEYS: text,
      OKNO_SIGNING_KEYS: JSON.stringify([generateSigningKey()]),
      OKNO_UIN_PREFIX: '10042200',
    });
    expect(loadDataKeys(env).keyring.primary.id).toBe('2026');
  });

  it('makes development keys once, owner-readable only, and keeps them across restarts', () => {
    const env = parseEnv(nodeEnv, { OKNO_DATA_DIR: dataDir });
    const first = loadDataKeys(env);
    expect(statSync(first.source).mode & 0o777).toBe(0o600);
    const sealed = encryptField(first.keyring, 'Петров', 'ctx');
    expect(decryptField(loadDataKeys(env).keyring, sealed, 'ctx')).toBe('Петров');
  });

  it("refuses production without the region's time zone, and a zone that does not exist", () => {
    const production = {
      NODE_ENV: 'production',
      OIDC_ISSUER: 'https://sso.example.ru/realms/ru-kem',
      OKNO_DATA_KEYS: formatKeyring([generateDataKey('2026')]),
      OKNO_SIGNING_KEYS: JSON.stringify([generateSigningKey()]),
      OKNO_UIN_PREFIX: '10042200',
    };
    expect(() => loadRegionSettings(parseEnv(nodeEnv, production))).toThrow(
      /OKNO_TIME_ZONE: is required in production/,
    );
    expect(() =>
      loadRegionSettings(parseEnv(nodeEnv, { OKNO_TIME_ZONE: 'Siberia/Kemerovo' })),
    ).toThrow(/OKNO_TIME_ZONE: "Siberia\/Kemerovo" is not an IANA time zone/);
    const development = loadRegionSettings(parseEnv(nodeEnv, {}));
    expect(development.code).toBe('RU-KEM');
    expect(development.calendar.timeZone).toBe('Asia/Novokuznetsk');
  });

  it("adds the region's own holidays to the federal years, and names what is wrong in the file", () => {
    const file = join(dataDir, 'calendar.json');
    // A republic's own holiday, added to the 2026 federal decree (which it does not repeat).
    writeFileSync(
      file,
      JSON.stringify({
        additions: {
          '2026': { source: 'the republic’s law on holidays', daysOff: ['2026-03-20'] },
        },
      }),
    );
    const settings = loadRegionSettings(
      parseEnv(nodeEnv, { OKNO_TIME_ZONE: 'Europe/Moscow', OKNO_CALENDAR_FILE: file }),
    );
    expect(settings.calendar.isWorkingDay('2026-03-20')).toBe(false);
    // The federal days off of that year stay off; the federal moved Saturday of 2025 worked.
    expect(settings.calendar.isWorkingDay('2026-03-09')).toBe(false);
    expect(settings.calendar.isWorkingDay('2026-11-04')).toBe(false);
    expect(settings.calendar.isWorkingDay('2025-11-01')).toBe(true);
    expect(settings.calendar.summary.additions).toEqual([
      {
        year: 2026,
        source: 'the republic’s law on holidays',
        daysOff: ['2026-03-20'],
        workingWeekendDays: [],
      },
    ]);

    writeFileSync(file, JSON.stringify({ additions: { '2026': { daysOff: ['2026-13-01'] } } }));
    expect(() => loadRegionSettings(parseEnv(nodeEnv, { OKNO_CALENDAR_FILE: file }))).toThrow(
      /OKNO_CALENDAR_FILE: additions\.2026\.source: .*additions\.2026\.daysOff\.0: a date as YYYY-MM-DD/,
    );
    writeFileSync(file, '{ "additions": ');
    expect(() => loadRegionSettings(parseEnv(nodeEnv, { OKNO_CALENDAR_FILE: file }))).toThrow(
      /OKNO_CALENDAR_FILE: .*calendar\.json: unexpected end of the stream/,
    );
  });

  it("reads a region pack's calendar.yaml as it is written: comments, unquoted dates", () => {
    const file = join(dataDir, 'calendar.yaml');
    writeFileSync(
      file,
      [
        '# yaml-language-server: $schema=../schema/calendar.schema.json',
        'additions:',
        '  2026:',
        '    source: Закон республики о праздниках',
        '    daysOff: [2026-03-20]',
        '',
      ].join('\n'),
    );
    const settings = loadRegionSettings(
      parseEnv(nodeEnv, { OKNO_TIME_ZONE: 'Europe/Moscow', OKNO_CALENDAR_FILE: file }),
    );
    expect(settings.calendar.isWorkingDay('2026-03-20')).toBe(false);
  });

  it('reads where to reach the services a process does not host', () => {
    const env = parseEnv(nodeEnv, {
      OKNO_SERVICE_URLS: 'catalogue=http://catalogue:3000,identity=https://id.example.ru',
    });
    expect(env.OKNO_SERVICE_URLS).toEqual({
      catalogue: 'http://catalogue:3000',
      identity: 'https://id.example.ru',
    });
    expect(() => parseEnv(nodeEnv, { OKNO_SERVICE_URLS: 'catalogue' })).toThrow(
      /OKNO_SERVICE_URLS: name=url pairs/,
    );
  });

  it('makes a development signing key once, owner-readable only, and keeps it', () => {
    const env = parseEnv(nodeEnv, { OKNO_DATA_DIR: dataDir });
    const first = loadSigningKeys(env);
    expect(statSync(first.source).mode & 0o777).toBe(0o600);
    expect(first.keys[0]).toMatchObject({ kty: 'EC', crv: 'P-256' });
    expect(loadSigningKeys(env).keys[0]?.kid).toBe(first.keys[0]?.kid);
  });

  it('refuses signing keys that are not ES256 private JWKs, without echoing them', () => {
    const { d: _private, ...publicOnly } = generateSigningKey();
    const env = parseEnv(nodeEnv, { OKNO_SIGNING_KEYS: JSON.stringify([publicOnly]) });
    expect(() => loadSigningKeys(env)).toThrow(/OKNO_SIGNING_KEYS: not a JSON array of ES256/);
    try {
      loadSigningKeys(env);
    } catch (error) {
      expect((error as Error).message).not.toContain(publicOnly.x);
    }
  });
});
