// The `isnad` command line: the only place where the language service meets the file system.
import { runCli } from './cli/main';

// A reader that stops early (`isnad check … | head`) closes the pipe: not a failure of ours,
// so keep the status the command already chose instead of crashing with a stack trace.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') throw error;
  process.exit();
});

process.exitCode = runCli(process.argv.slice(2), {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
});
