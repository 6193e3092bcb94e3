// The `isnad` command line: the only place where the language service meets the file system.
import { runCli } from './cli/main';

process.exitCode = runCli(process.argv.slice(2), {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
});
