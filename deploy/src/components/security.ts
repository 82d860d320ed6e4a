/**
 * How every Okno-run container runs: as user 1000, never root, on the runtime's default
 * seccomp profile, without privilege escalation or capabilities, on a read-only root (the
 * policy pack refuses anything else).
 */
export const podSecurity = {
  runAsNonRoot: true,
  runAsUser: 1000,
  runAsGroup: 1000,
  fsGroup: 1000,
  seccompProfile: { type: 'RuntimeDefault' },
};

export const containerSecurity = {
  allowPrivilegeEscalation: false,
  readOnlyRootFilesystem: true,
  capabilities: { drop: ['ALL'] },
};

/** A writable /tmp on a read-only root: tsx's compile cache and temporary files. */
export const tmpVolume = {
  mount: { name: 'tmp', mountPath: '/tmp' },
  volume: { name: 'tmp', emptyDir: { sizeLimit: '256Mi' } },
};
