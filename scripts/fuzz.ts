// `npm run fuzz -- [--count N] [--seed S] [--concurrency C] [--service-only] [--service-every N] [--out DIR]`:
// the mutation fuzzer (test/fuzz/fuzzer.ts) over the service and the bundled server; prints
// its figures, saves failing documents (shrunk) under DIR, exits 1 when any document failed.
// `npm run fuzz -- --replay FILE` runs one saved document through both again.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fuzz, serviceFailure } from '../test/fuzz/fuzzer';
import { Random } from '../test/fuzz/random';
import { ServerDriver } from '../test/fuzz/serverDriver';

function option(name: string, fallback: string): string {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 && at + 1 < process.argv.length ? process.argv[at + 1] : fallback;
}

function integerOption(name: string, fallback: number): number {
  const value = Number(option(name, String(fallback)));
  if (!Number.isSafeInteger(value) || value < 0) throw new Error(`--${name} takes a whole number, not “${option(name, '')}”`);
  return value;
}

async function replay(file: string): Promise<boolean> {
  const text = fs.readFileSync(file, 'utf8');
  const probes = Array.from({ length: 21 }, (_, i) => i / 20);
  const service = serviceFailure(text, probes);
  console.log(service ? `service: FAILS\n${service}` : 'service: passes');
  const driver = new ServerDriver();
  await driver.start();
  let server: string | undefined;
  try {
    await driver.check(text, new Random(0));
  } catch (error) {
    server = error instanceof Error ? error.message : String(error);
  } finally {
    await driver.stop();
  }
  console.log(server ? `server: FAILS\n${server}` : 'server: passes');
  return !service && !server;
}

async function main(): Promise<void> {
  const replayed = option('replay', '');
  if (replayed) {
    process.exitCode = (await replay(replayed)) ? 0 : 1;
    return;
  }
  const count = integerOption('count', 5000);
  const report = await fuzz({
    count,
    seed: integerOption('seed', 1),
    concurrency: Math.max(1, integerOption('concurrency', 4)),
    serviceOnly: process.argv.includes('--service-only'),
    serviceEvery: Math.max(1, integerOption('service-every', 1)),
    failuresDir: path.resolve(option('out', '.fuzz/failures')),
    maxFailures: Math.max(1, integerOption('max-failures', 5)),
    onProgress: (done) => {
      if (done % 1000 === 0 || done === count) console.log(`${done} documents`);
    },
  });
  const { failures, ...figures } = report;
  console.log(JSON.stringify({ ...figures, failures: failures.length, seconds: Number(figures.seconds.toFixed(1)) }));
  for (const failure of failures) console.log(`FAILED document ${failure.index} (${failure.where}): ${failure.message.split('\n')[0]}\n  saved: ${failure.file}`);
  console.log(`${report.documents} documents (${report.inputs} inputs, ${report.serverRequests} server requests) in ${report.seconds.toFixed(1)} s: ${failures.length} failures`);
  process.exitCode = failures.length ? 1 : 0;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 2;
});
