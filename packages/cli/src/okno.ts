// `pnpm okno`: the commands a region's IT team lives in (docs/regions.md, docs/deploy.md).
import { Command, CommanderError } from 'commander';
import { CliError } from './cli-error';
import { regionCommands } from './region-commands';
import { keysCommand } from './keys-command';
import { realmCommand } from './realm-command';

const program = new Command('okno')
  .description("Okno's commands for a region's IT team: its pack, its deployment, its keys.")
  .configureOutput({ writeErr: (text) => process.stderr.write(text) });
program.addCommand(regionCommands());
program.addCommand(keysCommand());
program.addCommand(realmCommand());
// Every command answers a mistake the same way: its usage hint, exit code 2, no stack.
const everyCommand = (command: Command): Command[] => [
  command,
  ...command.commands.flatMap(everyCommand),
];
for (const command of everyCommand(program)) {
  command.exitOverride().showHelpAfterError('(add --help for usage)');
}

try {
  await program.parseAsync(process.argv);
} catch (error) {
  if (error instanceof CommanderError) {
    // --help and --version are answers, not failures; commander has printed the rest.
    process.exitCode = ['commander.helpDisplayed', 'commander.help', 'commander.version'].includes(
      error.code,
    )
      ? 0
      : 2;
  } else if (error instanceof CliError) {
    process.stderr.write(`${error.message}\n`);
    process.exitCode = error.exitCode;
  } else {
    process.stderr.write(`okno: ${(error as Error).message}\n`);
    process.exitCode = 1;
  }
}
