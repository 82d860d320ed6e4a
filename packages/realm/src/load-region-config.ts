import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { RegionConfig } from './region-config';

/** Reads and validates a region's configuration file, naming every bad field. */
export function loadRegionConfig(path: string): RegionConfig {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new Error(`${path}: ${(error as Error).message}`);
  }
  const parsed = RegionConfig.safeParse(raw);
  if (!parsed.success) {
    throw new Error(
      `${path} is not a valid region configuration:\n${z.prettifyError(parsed.error)}`,
    );
  }
  return parsed.data;
}
