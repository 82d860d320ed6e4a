import { describe, expect, it } from 'vitest';
import { canReach } from './object-access';
import type { Principal } from './principal';

const person = (roles: string[], extra: Partial<Principal> = {}): Principal => ({
  subject: 'p1',
  region: 'RU-KEM',
  roles,
  scopes: [],
  ...extra,
});

describe('canReach', () => {
  const citizen = person(['citizen']);
  const representative = person(['business-representative'], { company: '1024200000000' });
  const officer = person(['back-office-officer'], { subject: 'o1', agency: 'social' });

  it('lets a citizen reach only their own records', () => {
    expect(canReach(citizen, { region: 'RU-KEM', subject: 'p1' })).toBe(true);
    expect(canReach(citizen, { region: 'RU-KEM', subject: 'p2' })).toBe(false);
    expect(canReach(citizen, { region: 'RU-KEM', company: '1024200000000' })).toBe(false);
  });

  it("lets a business representative reach their company's records", () => {
    expect(canReach(representative, { region: 'RU-KEM', company: '1024200000000' })).toBe(true);
    expect(canReach(representative, { region: 'RU-KEM', company: '1020000000000' })).toBe(false);
  });

  it("lets staff reach their agency's records only", () => {
    expect(canReach(officer, { region: 'RU-KEM', subject: 'p1', agency: 'social' })).toBe(true);
    expect(canReach(officer, { region: 'RU-KEM', subject: 'p1', agency: 'health' })).toBe(false);
    expect(canReach(officer, { region: 'RU-KEM', subject: 'p1' })).toBe(false);
  });

  it("never reaches another region's records, even one's own subject", () => {
    expect(canReach(citizen, { region: 'RU-MOW', subject: 'p1' })).toBe(false);
    expect(canReach(officer, { region: 'RU-MOW', agency: 'social' })).toBe(false);
  });

  it('does not treat a missing company as a match', () => {
    const noCompany = person(['business-representative']);
    expect(canReach(noCompany, { region: 'RU-KEM', company: null })).toBe(false);
  });
});
