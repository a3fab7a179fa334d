/** The `rolecraft` command line: conformance, validate, eval, export, analyze, who-can, check. */
import { analysisCommand } from './analyze-command.ts';
import { conformanceCommand } from './conformance/cli.ts';
import { evalCommand } from './eval-command.ts';
import { exportCommand } from './export-command.ts';
import { reportFailure } from './input.ts';
import { validateCommand } from './validate-command.ts';

const usage = [
  'usage: rolecraft <command> ...',
  '  conformance [DIR...] [--json] [--repeat N] [--kind K,...]   run conformance case files',
  '  validate FILE --type identity|resource|trust|boundary|session|scp|rcp [--no-catalog]',
  '  eval CASE.json [--id ID] [--json]                            decision and explanation',
  '  export FILE... --to terraform|cloudformation|authorization-details|rolecraft [--out DIR]',
  '  analyze FILE... [--json] [--now ISO-8601] [--paths FROM TO]   reachability, escalations, findings',
  '  who-can ACTION RESOURCE FILE... [--json] [--now ISO-8601]     who can make a call, and how',
  '  check FILE... --expect EXPECT.json [--now ISO-8601]           exit 1 when an expectation fails',
].join('\n');

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case 'conformance':
      return conformanceCommand(rest);
    case 'validate':
      return validateCommand(rest);
    case 'eval':
      return evalCommand(rest);
    case 'export':
      return exportCommand(rest);
    case 'analyze':
    case 'who-can':
    case 'check':
      return analysisCommand(command, rest);
    case undefined:
    case '--help':
    case '-h':
    case 'help':
      console.log(usage);
      return command === undefined ? 2 : 0;
    default:
      console.error(`unknown command \`${command}\`\n${usage}`);
      return 2;
  }
}

// A refused input or any failure is one `rolecraft: ...` line and exit 2, never a stack trace.
const argv = process.argv.slice(2);
process.exitCode = await main(argv).catch((error: unknown) => reportFailure(error, argv[0]));
