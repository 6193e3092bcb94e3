// The fuzz smoke of every CI run: 5,000 mutated documents through the bundled server, every
// fourth also through the service's invariants in this process (the fast-check properties of
// test/unit/property.test.ts cover the service on every run too). `npm run fuzz` runs more.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fuzz, serviceFailure } from '../fuzz/fuzzer';
import { Random } from '../fuzz/random';
import { ServerDriver } from '../fuzz/serverDriver';

const COUNT = Number(process.env.ISNAD_FUZZ_DOCUMENTS) || 5000;
const SEED = Number(process.env.ISNAD_FUZZ_SEED) || 1;
const REGRESSIONS = path.resolve(__dirname, '../fixtures/fuzz-regressions');

describe('fuzz smoke', () => {
  it(`${COUNT} mutated documents through the bundled server: every request answers, the server never exits`, async () => {
    const failuresDir = fs.mkdtempSync(path.join(os.tmpdir(), 'isnad-fuzz-'));
    const report = await fuzz({ count: COUNT, seed: SEED, concurrency: 16, serviceOnly: false, serviceEvery: 4, failuresDir, maxFailures: 3 });
    console.log(`      ${report.documents} documents, ${report.inputs} inputs, ${report.serverRequests} server requests in ${report.seconds.toFixed(1)} s`);
    assert.deepEqual(
      report.failures.map(({ index, where, message, file }) => `document ${index} (${where}): ${message.split('\n')[0]} — saved as ${file}`),
      [],
    );
    assert.equal(report.documents, COUNT);
    assert.equal(report.serverDocuments, COUNT);
    fs.rmSync(failuresDir, { recursive: true });
  });

  describe('documents that once failed', () => {
    const driver = new ServerDriver();
    before(() => driver.start());
    after(() => driver.stop());
    for (const name of fs.readdirSync(REGRESSIONS).filter((file) => file.endsWith('.isnad.md'))) {
      it(name, async () => {
        const text = fs.readFileSync(path.join(REGRESSIONS, name), 'utf8');
        assert.equal(serviceFailure(text, Array.from({ length: 21 }, (_, i) => i / 20)), undefined);
        await driver.check(text, new Random(0));
      });
    }
  });
});
