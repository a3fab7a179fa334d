/** `npm run conformance -- [DIR...] [--json] [--repeat N] [--kind K,...]` */
import { conformanceCommand } from './conformance/cli.ts';

process.exitCode = await conformanceCommand(process.argv.slice(2));
