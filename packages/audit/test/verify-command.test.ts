import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateSigningKey } from '@okno/crypto';
import { createDb, migrate, queryRows, type DatabaseHandle } from '@okno/db';
import { createEmptyPostgresDatabase, testDatabaseKind, testDatabaseUrl } from '@okno/testing';
import { recordAudit, sealAuditTrail } from '../src';

const command = resolve(import.meta.dirname, '../bin/verify-audit-trail.ts');
const tsx = resolve(import.meta.dirname, '../../../node_modules/.bin/tsx');
const signingKey = generateSigningKey();
const { d: _d, ...publicKey } = signingKey;

let dir: string;
let env: Record<string, string>;
let drop = async () => {};

/** The database the command reads, opened here only while the command is not running. */
async function withDatabase<T>(work: (handle: DatabaseHandle) => Promise<T>): Promise<T> {
  const handle = await createDb(
    env['DATABASE_URL'] ? { databaseUrl: env['DATABASE_URL'] } : { dataDir: env['OKNO_DATA_DIR'] },
  );
  try {
    return await work(handle);
  } finally {
    await handle.close();
  }
}

/** Runs `pnpm audit:verify`'s command as an operator would. */
function verify(jwks: string) {
  return new Promise<{ code: number; stdout: string; stderr: string }>((done) => {
    execFile(
      tsx,
      [command, '--jwks', jwks],
      { env: { ...process.env, ...env }, timeout: 60_000 },
      (error, stdout, stderr) =>
        done({ code: error ? Number(error.code) : 0, stdout: stdout.trim(), stderr }),
    );
  });
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'okno-audit-verify-'));
  writeFileSync(join(dir, 'jwks.json'), JSON.stringify({ keys: [publicKey] }));
  writeFileSync(join(dir, 'other.json'), JSON.stringify({ keys: [stripD(generateSigningKey())] }));
  if (testDatabaseUrl) {
    const database = await createEmptyPostgresDatabase();
    env = { DATABASE_URL: database.url };
    drop = () => database.drop();
  } else {
    env = { OKNO_DATA_DIR: join(dir, 'data') };
  }
  await withDatabase(async (handle) => {
    await migrate(handle);
    for (let n = 0; n < 20; n += 1) {
      await recordAudit(
        handle.db,
        { kind: 'sign-in', actorSubject: `citizen-${n}`, details: {} },
        { kind: 'accrual-created', target: `uin-${n}`, details: { amountMinor: 150_000 + n } },
      );
    }
    await sealAuditTrail(handle.db, { signingKeys: [signingKey] });
  });
}, 60_000);
afterAll(async () => {
  await drop();
  rmSync(dir, { recursive: true, force: true });
});

function stripD(key: ReturnType<typeof generateSigningKey>) {
  const { d: _secret, ...rest } = key;
  return rest;
}

describe(`pnpm audit:verify on ${testDatabaseKind}`, () => {
  it('says the trail holds, and exits 0', async () => {
    const run = await verify(join(dir, 'jwks.json'));
    expect(run.stderr).toMatch(
      /40 events, 40 links in 2 chains, 2 signed checkpoints: the trail holds/,
    );
    expect(run).toMatchObject({ code: 0, stdout: '' });
  });

  it('does not take the checkpoints on the word of keys that did not sign them', async () => {
    const run = await verify(join(dir, 'other.json'));
    expect(run.code).toBe(1);
    expect(run.stdout.split('\n')).toHaveLength(2);
    expect(run.stdout).toMatch(/the checkpoint signature is not valid/);
  });

  it('names a deleted event and exits 1', async () => {
    const victim = await withDatabase(async (handle) => {
      const [row] = await queryRows<{ id: string }>(
        handle.db,
        sql`select event_id as id from identity.audit_chain where context = 'payments' and seq = 7`,
      );
      // What someone with the database's owner credentials could do, triggers and all.
      await handle.db.transaction(async (tx) => {
        await tx.execute(
          sql`alter table identity.audit_chain drop constraint audit_chain_event_id_audit_events_id_fk`,
        );
        await tx.execute(
          sql`alter table identity.audit_events disable trigger audit_events_append_only`,
        );
        await tx.execute(sql`delete from identity.audit_events where id = ${row!.id}`);
        await tx.execute(
          sql`alter table identity.audit_events enable trigger audit_events_append_only`,
        );
      });
      return row!.id;
    });
    const run = await verify(join(dir, 'jwks.json'));
    expect(run.code).toBe(1);
    expect(JSON.parse(run.stdout)).toEqual({
      context: 'payments',
      seq: 7,
      eventId: victim,
      problem: 'the sealed event is missing (deleted)',
    });
  });

  it('exits 2 and says how to call it when the keys are not named', async () => {
    const run = await new Promise<{ code: number; stderr: string }>((done) => {
      execFile(tsx, [command], { env: { ...process.env, ...env } }, (error, _out, stderr) =>
        done({ code: error ? Number(error.code) : 0, stderr }),
      );
    });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/usage: .*--jwks/);
  });
});
