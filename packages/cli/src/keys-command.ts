import { Argument, Command } from 'commander';
import { keys } from './keys';

/** `okno keys data|signing`: a fresh key printed for `pulumi config set --secret`. */
export function keysCommand(): Command {
  return new Command('keys')
    .description('print a fresh key in the form the node reads (never written to a file)')
    .addArgument(
      new Argument(
        '<kind>',
        'data: a personal-data key (OKNO_DATA_KEYS); signing: a document-signing key (OKNO_SIGNING_KEYS)',
      ).choices(['data', 'signing']),
    )
    .action((kind: string) => console.log(keys(kind)));
}
