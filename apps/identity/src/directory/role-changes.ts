/** The roles a change grants and revokes: what the audit trail records of it. */
export function roleChanges(before: readonly string[], after: readonly string[]) {
  return {
    granted: after.filter((r) => !before.includes(r)).sort(),
    revoked: before.filter((r) => !after.includes(r)).sort(),
  };
}
