import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadRegionCalendarFile } from '@okno/calendar';
import * as pulumi from '@pulumi/pulumi';
import { loadRegionConfig, realmFiles, realmName } from '@okno/realm';
import { RegionalNode } from './regional-node';
import { RegionStack } from './region/region-stack';

/** The stack's secrets, by their keys under `okno:` (set with `pulumi config set --secret`). */
export const secretKeys = [
  'dataKeys',
  'signingKeys',
  'backupAccessKeyId',
  'backupSecretAccessKey',
  'storageAccessKeyId',
  'storageSecretAccessKey',
] as const;

/** Where `deploy/regions/<code>.json`, the realm generator's input, are. */
export const regionsDir = join(import.meta.dirname, '../regions');

/** The production realm import file Okno's generator makes from a region's file. */
export function realmFileOf(dir: string, region: string): { name: string; content: string } {
  const name = `${realmName(region)}-realm.json`;
  const content = realmFiles(loadRegionConfig(join(dir, `${realmName(region)}.json`))).get(name);
  if (!content) throw new Error(`the realm generator made no ${name}`);
  return { name, content };
}

/** The region's calendar file (relative to `deploy/`), checked as the node will read it. */
function calendarOf(deployDir: string, file: string): string {
  const path = join(deployDir, file);
  loadRegionCalendarFile(path); // throws naming the file and what is wrong
  return readFileSync(path, 'utf8');
}

/**
 * The `regional-node` program: reads the stack's `okno:region` configuration, refuses it with
 * every problem named when it is not valid, and declares the region's node with the realm
 * generated from `deploy/regions/<region>.json`.
 */
export function regionalNodeFromConfig(regions = regionsDir): RegionalNode {
  const config = new pulumi.Config('okno');
  const parsed = RegionStack.safeParse(config.requireObject('region'));
  if (!parsed.success) {
    const problems = parsed.error.issues.map(
      (i) => `  okno:region.${i.path.join('.')}: ${i.message}`,
    );
    throw new Error(
      `Pulumi.${pulumi.getStack()}.yaml is not a valid region:\n${problems.join('\n')}`,
    );
  }
  const secrets = Object.fromEntries(secretKeys.map((key) => [key, config.requireSecret(key)]));
  return new RegionalNode(pulumi.getStack(), {
    stack: parsed.data,
    secrets: secrets as Record<(typeof secretKeys)[number], pulumi.Output<string>>,
    realmFile: realmFileOf(regions, parsed.data.region),
    ...(parsed.data.calendarFile && {
      calendar: calendarOf(join(regions, '..'), parsed.data.calendarFile),
    }),
  });
}
