// The mutation fuzzer: document `i` of a run with seed `s` is made by its own generator from
// the samples, analysed by the pure service in this process (every feature, every invariant of
// ./invariants) and sent through the bundled server (./serverDriver). A failure is shrunk to
// a small text that still fails and saved, with how to run it again.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { runAllFeatures } from './invariants';
import { mutate } from './mutate';
import { Random } from './random';
import { ServerDriver, SessionRecycled } from './serverDriver';
import { minimise } from './minimise';

const ROOT = path.resolve(__dirname, '../..');

export interface FuzzOptions {
  readonly count: number;
  readonly seed: number;
  /** Documents in flight through the server at once, so its debounce waits overlap. */
  readonly concurrency: number;
  /** Leave the server out: the service alone, much faster. */
  readonly serviceOnly: boolean;
  /** Check the service's invariants in this process on every n-th document (the server gets them all). */
  readonly serviceEvery: number;
  /** Where failing documents are saved. */
  readonly failuresDir: string;
  /** Stop after this many failures: one bug tends to fail many documents. */
  readonly maxFailures: number;
  readonly onProgress?: (done: number) => void;
}

export interface FuzzFailure {
  readonly index: number;
  readonly where: 'service' | 'server';
  readonly message: string;
  /** The saved, minimised document. */
  readonly file: string;
}

export interface FuzzReport {
  readonly seed: number;
  readonly documents: number;
  /** Texts analysed: each document, plus the second version of those that were changed. */
  readonly inputs: number;
  readonly inputCharacters: number;
  readonly serverDocuments: number;
  readonly serverRequests: number;
  readonly failures: readonly FuzzFailure[];
  readonly seconds: number;
}

/** The samples, and a few inline seeds for what they lack: CR line ends, an alias, an unclosed front matter. */
export function fuzzSeeds(): string[] {
  const folder = path.join(ROOT, 'samples');
  const samples = fs
    .readdirSync(folder)
    .filter((name) => name.endsWith('.isnad.md'))
    .sort()
    .map((name) => fs.readFileSync(path.join(folder, name), 'utf8'));
  return [
    ...samples,
    '---\r\nsources:\r\n  s: &s {name: S, kind: government}\r\n  t: *s\r\n---\r\n# T\r\r[a [b]{@s} c]{claim by=t}\r<!-- n -->\r',
    '---\nentities:\n  كيان: {name: ك, aliases: [ك]}\n[[ك]{@كيان} قال]{اقتباس قائل=كيان ملاحظة="\\"x\\""}\n',
  ];
}

export interface FuzzCase {
  readonly text: string;
  readonly changeTo?: string;
  readonly probes: readonly number[];
}

/** Document `index` of the run with `seed`, the same wherever and whenever it is made. */
export function fuzzCase(seeds: readonly string[], seed: number, index: number): { fuzzCase: FuzzCase; random: Random } {
  const random = Random.forDocument(seed, index);
  const donor = random.pick(seeds);
  const text = mutate(random.pick(seeds), donor, random);
  const changeTo = random.chance(0.2) ? mutate(text, donor, random) : undefined;
  const probes = Array.from({ length: 4 }, () => random.next());
  return { fuzzCase: { text, changeTo, probes }, random };
}

/** The service's verdict on a text: undefined when every invariant holds, else what broke. */
export function serviceFailure(text: string, probes: readonly number[] = [0, 0.5, 1]): string | undefined {
  try {
    runAllFeatures(text, probes);
    return undefined;
  } catch (error) {
    return error instanceof Error ? `${error.message}\n${error.stack ?? ''}` : String(error);
  }
}

export async function fuzz(options: FuzzOptions): Promise<FuzzReport> {
  const started = performance.now();
  const seeds = fuzzSeeds();
  const driver = options.serviceOnly ? undefined : new ServerDriver();
  await driver?.start();
  const failures: FuzzFailure[] = [];
  let next = 0;
  let done = 0;
  let inputs = 0;
  let inputCharacters = 0;
  let serverDocuments = 0;

  const fail = async (index: number, where: FuzzFailure['where'], message: string, failing: FuzzCase) => {
    const file = await saveFailure(options, index, where, message, failing, driver);
    failures.push({ index, where, message, file });
  };

  const worker = async () => {
    while (next < options.count && failures.length < options.maxFailures) {
      const index = next++;
      const { fuzzCase: current, random } = fuzzCase(seeds, options.seed, index);
      const versions = current.changeTo === undefined ? [current.text] : [current.text, current.changeTo];
      inputs += versions.length;
      for (const text of versions) inputCharacters += text.length;
      const checkService = driver === undefined || index % options.serviceEvery === 0;
      const broken = checkService ? versions.map((text) => serviceFailure(text, current.probes)).find((message) => message !== undefined) : undefined;
      if (broken) await fail(index, 'service', broken, current);
      else if (driver) {
        try {
          await checkOnServer(driver, current, random);
          serverDocuments++;
        } catch (error) {
          await fail(index, 'server', error instanceof Error ? error.message : String(error), current);
          await driver.restart();
        }
      }
      done++;
      options.onProgress?.(done);
    }
  };
  try {
    await Promise.all(Array.from({ length: driver ? options.concurrency : 1 }, worker));
  } finally {
    await driver?.stop();
  }
  return {
    seed: options.seed,
    documents: done,
    inputs,
    inputCharacters,
    serverDocuments,
    serverRequests: driver?.requests ?? 0,
    failures,
    seconds: (performance.now() - started) / 1000,
  };
}

/** A document caught in another's server restart is sent again, to the new server. */
async function checkOnServer(driver: ServerDriver, fuzzed: FuzzCase, random: Random): Promise<void> {
  for (;;) {
    try {
      return await driver.check(fuzzed.text, random, fuzzed.changeTo);
    } catch (error) {
      if (!(error instanceof SessionRecycled)) throw error;
    }
  }
}

/**
 * Shrinks the failing text (by the service when it fails there, else by a fresh server) and
 * writes it, the original and the error next to each other; returns the shrunk file's path.
 */
async function saveFailure(options: FuzzOptions, index: number, where: FuzzFailure['where'], message: string, failing: FuzzCase, driver: ServerDriver | undefined): Promise<string> {
  const original = failing.changeTo ?? failing.text;
  let smallest = original;
  if (where === 'service') {
    const culprit = serviceFailure(failing.text, failing.probes) ? failing.text : original;
    smallest = await minimise(culprit, (text) => serviceFailure(text, failing.probes) !== undefined);
  } else if (driver && failing.changeTo === undefined) {
    smallest = await minimiseThroughServer(failing.text, driver, options.seed, index);
  }
  fs.mkdirSync(options.failuresDir, { recursive: true });
  const base = path.join(options.failuresDir, `seed-${options.seed}-document-${index}`);
  fs.writeFileSync(`${base}.isnad.md`, smallest);
  fs.writeFileSync(`${base}.original.isnad.md`, failing.text);
  if (failing.changeTo !== undefined) fs.writeFileSync(`${base}.changed.isnad.md`, failing.changeTo);
  fs.writeFileSync(`${base}.txt`, `${where} failure of document ${index}, seed ${options.seed}:\n${message}\n\nRun again: npm run fuzz -- --replay ${base}.isnad.md\n`);
  return `${base}.isnad.md`;
}

/** A server failure is shrunk with a fresh process per attempt, within a small budget: each costs a start. */
async function minimiseThroughServer(text: string, driver: ServerDriver, seed: number, index: number): Promise<string> {
  const failsOnServer = async (candidate: string) => {
    await driver.restart();
    try {
      await driver.check(candidate, Random.forDocument(seed, index));
      return false;
    } catch {
      return true;
    }
  };
  return (await failsOnServer(text)) ? minimise(text, failsOnServer, 60) : text;
}
