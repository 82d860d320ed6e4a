import {
  serviceNames,
  type RegionStack,
  type ServiceName,
  type ServiceSizing,
} from './region-stack';

const sized = (
  min: number,
  max: number,
  cpu: [string, string],
  memory: [string, string],
): ServiceSizing => ({
  replicas: { min, max },
  cpu: { request: cpu[0], limit: cpu[1] },
  memory: { request: memory[0], limit: memory[1] },
});

/**
 * What each service starts from. `small`: a region of up to ~1.5 million residents (a few
 * hundred applications a minute at the peak); `large`: up to ~15 million. Two replicas at
 * least everywhere, so a node drained for maintenance never takes a service down. The node
 * is single-threaded per process: one CPU is the useful limit, replicas do the rest
 * (docs/performance.md).
 */
const presets: Record<RegionStack['size'], Record<ServiceName, ServiceSizing>> = {
  small: {
    identity: sized(2, 4, ['250m', '1'], ['256Mi', '512Mi']),
    catalogue: sized(2, 6, ['250m', '1'], ['256Mi', '512Mi']),
    applications: sized(2, 8, ['500m', '1'], ['384Mi', '768Mi']),
    documents: sized(2, 6, ['250m', '1'], ['512Mi', '1Gi']),
    payments: sized(2, 4, ['250m', '1'], ['256Mi', '512Mi']),
  },
  large: {
    identity: sized(3, 12, ['500m', '1'], ['384Mi', '768Mi']),
    catalogue: sized(3, 24, ['500m', '1'], ['384Mi', '768Mi']),
    applications: sized(4, 40, ['1', '1'], ['512Mi', '1Gi']),
    documents: sized(3, 24, ['500m', '1'], ['768Mi', '1536Mi']),
    payments: sized(3, 16, ['500m', '1'], ['384Mi', '768Mi']),
  },
};

/** Every service's sizing: the region size's preset, with the stack's own changes on top. */
export function sizingOf(stack: RegionStack): Record<ServiceName, ServiceSizing> {
  return Object.fromEntries(
    serviceNames.map((name) => [name, stack.services[name] ?? presets[stack.size][name]]),
  ) as Record<ServiceName, ServiceSizing>;
}
