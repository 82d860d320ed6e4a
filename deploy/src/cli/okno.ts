// `pnpm okno <command>`: the deployment's own commands (docs/deploy.md).
//   region init <CODE> …   a new region's stack, realm input and policy configuration
//   keys data|signing      a fresh personal-data key or document-signing key
import { keys } from './keys-command';
import { fail, regionInit } from './region-init-command';

const [noun, verb, ...rest] = process.argv.slice(2);
if (noun === 'region' && verb === 'init') regionInit(rest);
else if (noun === 'keys') {
  try {
    console.log(keys(verb));
  } catch (error) {
    fail((error as Error).message);
  }
} else fail('usage: pnpm okno region init <CODE> … | pnpm --silent okno keys data|signing');
