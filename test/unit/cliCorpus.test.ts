// The command line on a corpus: globs, shared registries, SARIF validated against the SARIF 2.1.0
// schema, statistics, and a streaming export whose memory stays bounded.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import Ajv from 'ajv-draft-04';
import { ARTICLE_ONE, ARTICLE_TWO, REGISTRY } from '../corpusFixture';

const ROOT = path.resolve(__dirname, '../..');
const CLI = path.join(ROOT, 'dist', 'cli.js');
const SARIF_SCHEMA = path.join(ROOT, 'test', 'fixtures', 'sarif-schema-2.1.0.json');

function isnad(args: readonly string[], cwd: string, nodeOptions: readonly string[] = []) {
  const result = spawnSync(process.execPath, [...nodeOptions, CLI, ...args], { cwd, encoding: 'utf8', maxBuffer: 1 << 30 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

const ONE = ARTICLE_ONE;
/** With an unattributed claim after the quote. */
const TWO = `${ARTICLE_TWO} and [prices rose]{claim}\n`;
const LOOSE = `[x]{claim by=okafor}
`;

describe('isnad CLI on a corpus (dist/cli.js)', function () {
  let dir: string;
  const write = (relative: string, text: string) => {
    const file = path.join(dir, relative);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, text);
  };

  before(function () {
    this.timeout(120_000);
    if (!fs.existsSync(CLI)) spawnSync(process.execPath, ['esbuild.mjs'], { cwd: ROOT });
  });

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'isnad-corpus-'));
    write('desk/isnad.yaml', REGISTRY);
    write('desk/one.isnad.md', ONE);
    write('desk/sub/two.isnad.md', TWO);
    write('loose.isnad.md', LOOSE);
  });

  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  describe('globs', () => {
    const filesOf = (stdout: string) => [...new Set(stdout.split('\n').filter(Boolean).map((line) => line.slice(0, line.indexOf(':'))))];

    it('expands ** across folders, in sorted order', () => {
      const run = isnad(['check', 'desk/**/*.isnad.md', '--format', 'text'], dir);
      assert.deepEqual(filesOf(run.stdout), [path.join('desk', 'sub', 'two.isnad.md'), path.join('desk', 'isnad.yaml')]);
    });

    it('keeps * within a folder, and reads {a,b} alternatives', () => {
      assert.deepEqual(filesOf(isnad(['check', '*.isnad.md'], dir).stdout), ['loose.isnad.md']);
      const run = isnad(['check', 'desk/{one,sub/two}.isnad.md', 'loose.isnad.md'], dir);
      assert.deepEqual(filesOf(run.stdout), [path.join('desk', 'sub', 'two.isnad.md'), 'loose.isnad.md', path.join('desk', 'isnad.yaml')]);
    });

    it('exits 2 for a glob that matches no document', () => {
      const run = isnad(['check', 'nowhere/**/*.isnad.md'], dir);
      assert.equal(run.status, 2);
      assert.equal(run.stderr, 'isnad: no *.isnad.md or *.isnad files match nowhere/**/*.isnad.md\n');
    });
  });

  describe('shared registries', () => {
    it('resolves ids through isnad.yaml and reports unused entries and errors in the registry file', () => {
      write('desk/isnad.yaml', `${REGISTRY}entites: {}\n`);
      const run = isnad(['check', '.'], dir);
      assert.equal(run.status, 1, run.stderr);
      assert.equal(
        run.stdout,
        [
          `${path.join('desk', 'sub', 'two.isnad.md')}:1:66: warning unattributed-claim: Claim has no source: who said this? Add by=…`,
          'loose.isnad.md:1:14: error unknown-source: No source or entity named “okafor” is defined in the front matter.',
          `${path.join('desk', 'isnad.yaml')}:6:3: hint unused-definition: Entity “ghost” is defined but no article in the workspace refers to it.`,
          `${path.join('desk', 'isnad.yaml')}:7:1: warning front-matter: isnad.yaml holds only sources: and entities:; “entites” is not read.`,
          '',
        ].join('\n'),
      );
    });

    it('refuses an article or a registry that is not UTF-8 (exit 2, naming it) instead of reading replacement characters', () => {
      fs.writeFileSync(path.join(dir, 'latin1.isnad.md'), Buffer.from('[Caf\xe9]{claim by=x}\n', 'latin1'));
      fs.writeFileSync(path.join(dir, 'desk', 'isnad.yaml'), Buffer.concat([Buffer.from(REGISTRY), Buffer.from('  caf\xe9: { name: C }\n', 'latin1')]));
      const run = isnad(['check', 'latin1.isnad.md', 'desk/one.isnad.md'], dir);
      assert.equal(run.status, 2);
      // The registry unread, its ids are unknown.
      assert.deepEqual(run.stdout.split('\n').map((line) => line.slice(0, line.indexOf(': '))), [
        `${path.join('desk', 'one.isnad.md')}:3:32`,
        `${path.join('desk', 'one.isnad.md')}:3:45`,
        `${path.join('desk', 'one.isnad.md')}:3:91`,
        '',
      ]);
      assert.equal(
        run.stderr,
        [
          'isnad: cannot read latin1.isnad.md: not UTF-8 text (line 1)',
          `isnad: cannot read ${path.join(dir, 'desk', 'isnad.yaml')}: not UTF-8 text (line 7)`,
          '',
        ].join('\n'),
      );
      const exported = isnad(['export', 'latin1.isnad.md', '--format', 'jsonl'], dir);
      assert.equal(exported.status, 2);
      assert.equal(exported.stderr, 'isnad: cannot read latin1.isnad.md: not UTF-8 text (line 1)\n');
    });

    it('reads registries only up to --root', () => {
      const run = isnad(['check', 'desk/sub/two.isnad.md', '--root', 'desk/sub'], dir);
      assert.match(run.stdout, /error unknown-source: No source or entity named “okafor” is defined in the front matter\./);
    });
  });

  describe('SARIF', () => {
    it('writes a SARIF 2.1.0 log that the official schema accepts, with one result per diagnostic', () => {
      const run = isnad(['check', '.', '--format', 'sarif'], dir);
      assert.equal(run.status, 1);
      const log: any = JSON.parse(run.stdout);
      // The schema's language-tag pattern is not valid with the `u` flag Ajv uses by default.
      const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
      ajv.addFormat('uri', /^[A-Za-z][A-Za-z0-9+.-]*:[^\s]*$/);
      ajv.addFormat('uri-reference', /^[^\s]*$/);
      ajv.addFormat('date-time', /^\d{4}-\d{2}-\d{2}T/);
      const validate = ajv.compile<any>(JSON.parse(fs.readFileSync(SARIF_SCHEMA, 'utf8')));
      assert.ok(validate(log), JSON.stringify(validate.errors, null, 2));
      assert.equal(log.version, '2.1.0');
      const [runLog] = log.runs;
      assert.equal(runLog.tool.driver.name, 'isnad');
      assert.deepEqual(
        runLog.results.map((result: any) => [result.ruleId, result.level, result.locations[0].physicalLocation.artifactLocation.uri, result.locations[0].physicalLocation.region]),
        [
          ['unattributed-claim', 'warning', 'desk/sub/two.isnad.md', { startLine: 1, startColumn: 66, endLine: 1, endColumn: 86 }],
          ['unknown-source', 'error', 'loose.isnad.md', { startLine: 1, startColumn: 14, endLine: 1, endColumn: 20 }],
          ['unused-definition', 'note', 'desk/isnad.yaml', { startLine: 6, startColumn: 3, endLine: 6, endColumn: 8 }],
        ],
      );
      assert.equal(runLog.results[1].message.text, 'No source or entity named “okafor” is defined in the front matter.');
      assert.equal(runLog.tool.driver.rules[runLog.results[1].ruleIndex].id, 'unknown-source');
      assert.deepEqual(
        runLog.tool.driver.rules.filter((rule: any) => ['unknown-source', 'unattributed-claim', 'unused-definition', 'vague-source'].includes(rule.id)),
        [
          { id: 'unattributed-claim', shortDescription: { text: 'A claim with no attribution: who said it?' }, defaultConfiguration: { level: 'warning' } },
          { id: 'unknown-source', shortDescription: { text: 'by= names no source and no entity.' }, defaultConfiguration: { level: 'error' } },
          { id: 'unused-definition', shortDescription: { text: 'A source or entity nothing refers to.' }, defaultConfiguration: { level: 'note' } },
          { id: 'vague-source', shortDescription: { text: 'A statement attributed to an unnamed source (officials, sources…).' }, defaultConfiguration: { level: 'note' } },
        ],
      );
    });

    it('gives paths inside the folder it runs in relative to SRCROOT, normalised, and any other as an absolute file URI', () => {
      write('desk/dot.isnad.md', '[x]{claim by=nobody}\n');
      const run = isnad(['check', '../loose.isnad.md', path.join(dir, 'desk', 'sub'), './dot.isnad.md', '--format', 'sarif'], path.join(dir, 'desk'));
      assert.equal(run.stderr, '');
      const [runLog] = JSON.parse(run.stdout).runs;
      assert.deepEqual(runLog.originalUriBaseIds, { SRCROOT: { uri: `${pathToFileURL(path.join(dir, 'desk')).href}/` } });
      assert.deepEqual(
        runLog.results.map((result: any) => [result.ruleId, result.locations[0].physicalLocation.artifactLocation]),
        [
          ['unknown-source', { uri: pathToFileURL(path.join(dir, 'loose.isnad.md')).href }],
          ['unattributed-claim', { uri: 'sub/two.isnad.md', uriBaseId: 'SRCROOT' }],
          ['unknown-source', { uri: 'dot.isnad.md', uriBaseId: 'SRCROOT' }],
          ['unused-definition', { uri: 'isnad.yaml', uriBaseId: 'SRCROOT' }],
          ['unused-definition', { uri: 'isnad.yaml', uriBaseId: 'SRCROOT' }],
        ],
      );
    });

    it('writes a valid, empty log for a clean corpus', () => {
      const run = isnad(['check', 'desk/one.isnad.md', '--format', 'sarif', '--root', 'desk'], path.join(dir));
      const log: any = JSON.parse(run.stdout);
      assert.deepEqual(log.runs[0].results.map((r: any) => r.ruleId), ['unused-definition']);
    });
  });

  describe('stats', () => {
    it('prints per-source and per-article tables', () => {
      const run = isnad(['stats', 'desk'], dir);
      assert.equal(run.status, 0, run.stderr);
      assert.equal(
        run.stdout,
        [
          'source    name               claims  quotes  articles',
          '--------  -----------------  ------  ------  --------',
          'okafor    Lena Okafor             1       1         2',
          'ministry  Ministry of Trade       1       0         1',
          '',
          'article                claims  quotes  unattributed  share',
          '---------------------  ------  ------  ------------  -----',
          'desk/one.isnad.md           2       0             0   0.0%',
          'desk/sub/two.isnad.md       1       1             1  50.0%',
          'total (2 articles)          3       1             1  25.0%',
          '',
        ].join('\n'),
      );
    });

    it('prints JSON', () => {
      const run = isnad(['stats', 'desk', '--format', 'json'], dir);
      assert.deepEqual(JSON.parse(run.stdout), {
        sources: [
          { id: 'okafor', name: 'Lena Okafor', registry: path.join('desk', 'isnad.yaml'), claims: 1, quotes: 1, articles: 2 },
          { id: 'ministry', name: 'Ministry of Trade', registry: path.join('desk', 'isnad.yaml'), claims: 1, quotes: 0, articles: 1 },
        ],
        articles: [
          { file: path.join('desk', 'one.isnad.md'), claims: 2, quotes: 0, unattributed: 0, unattributedShare: 0 },
          { file: path.join('desk', 'sub', 'two.isnad.md'), claims: 1, quotes: 1, unattributed: 1, unattributedShare: 0.5 },
        ],
        totals: { articles: 2, claims: 3, quotes: 1, unattributed: 1, unattributedShare: 0.25 },
      });
    });
  });

  describe('corpus export', () => {
    it('exports a folder as one W3C collection whose annotations target each article', () => {
      const run = isnad(['export', 'desk', '--format', 'w3c'], dir);
      assert.equal(run.status, 0, run.stderr);
      const collection = JSON.parse(run.stdout);
      assert.equal(collection.type, 'AnnotationCollection');
      assert.equal(collection.total, 5);
      const items = collection.first.items;
      assert.deepEqual(
        items.map((item: any) => [path.basename(new URL(item.target.source).pathname), item.target.selector[0].exact, item.body['isnad:speaker']?.name ?? null]),
        [
          ['one.isnad.md', 'The channel is open', 'Lena Okafor'],
          ['one.isnad.md', 'licences were renewed', 'Ministry of Trade'],
          ['two.isnad.md', 'Valmora can take twelve ships', 'Lena Okafor'],
          ['two.isnad.md', 'Valmora', null],
          ['two.isnad.md', 'prices rose', null],
        ],
      );
      assert.deepEqual(
        collection.articles.map((article: any) => [path.basename(new URL(article.document).pathname), article.total, article.sha256.length]),
        [
          ['one.isnad.md', 2, 64],
          ['two.isnad.md', 3, 64],
        ],
      );
    });

    it('exports CSV with one header row for the whole corpus', () => {
      const run = isnad(['export', 'desk/**/*.isnad.md', '--format', 'csv'], dir);
      const rows = run.stdout.split('\r\n').filter(Boolean);
      assert.equal(rows.length, 6);
      assert.ok(rows[0].startsWith('\uFEFFid,kind,exact'));
      assert.equal(rows.filter((row) => row.includes('id,kind,exact')).length, 1);
    });

    it('streams a corpus far larger than the heap it is given into a file', function () {
      this.timeout(120_000);
      const spans = Array.from({ length: 25 }, (_, i) => `[Statement ${i} about the port and its ships]{claim by=okafor about=valmora id=s${i}}`).join(' ');
      for (let i = 0; i < 3000; i++) write(`big/${String(i).padStart(4, '0')}.isnad.md`, `# Article ${i}\n\n${spans}\n`);
      write('big/isnad.yaml', REGISTRY);
      // 3,000 articles × 25 annotations of about 0.6 KB each is about 60 MB of JSON Lines (120 MB
      // as JavaScript strings): it fits a 48 MB heap only if it is written as it is made.
      const run = isnad(['export', 'big', '--format', 'jsonl', '-o', 'corpus.jsonl'], dir, ['--max-old-space-size=48']);
      assert.equal(run.status, 0, run.stderr);
      const size = fs.statSync(path.join(dir, 'corpus.jsonl')).size;
      assert.ok(size > 48 * 1024 * 1024, `the export is ${size} bytes`);
      const text = fs.readFileSync(path.join(dir, 'corpus.jsonl'), 'utf8');
      const lines = text.split('\n').filter(Boolean);
      assert.equal(lines.length, 75_000);
      assert.deepEqual(JSON.parse(lines[74_999]).speakerName, 'Lena Okafor');
    });
  });
});
