// The `isnad` command as users run it: the bundled dist/cli.js in a child process.
import * as assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseIsnad } from '../../server/src/service/parse/document';
import { exportDocument, EXPORT_FORMATS } from '../../server/src/service/export/index';

const ROOT = path.resolve(__dirname, '../..');
const CLI = path.join(ROOT, 'dist', 'cli.js');

interface Run {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

function isnad(args: readonly string[], cwd: string): Run {
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

const FRONT_MATTER = `---
sources:
  ali:
    name: Ali
entities:
  town:
    name: Example Town
---
`;

/** Every id used, no span problems. */
const CLEAN = `${FRONT_MATTER}[Ali]{@town} said [the bridge reopened]{claim by=ali}.\n`;

/** Warnings only: an unattributed claim after an astral character (two UTF-16 units). */
const WARNINGS = `${FRONT_MATTER}[Town]{@town} 😀 [Prices rose]{claim} [x]{quote by=ali}\n`;

/** An error (unknown entity) and a warning, on line 9, just after the front matter. */
const ERRORS = `${FRONT_MATTER}[Atlantis]{@atlantis} [sank]{claim by=ali}, [Town]{@town} [said]{claim}\n`;

describe('isnad CLI (dist/cli.js)', function () {
  let dir: string;

  before(function () {
    this.timeout(120_000);
    const started = Date.now();
    const build = spawnSync(process.execPath, ['esbuild.mjs'], { cwd: ROOT, encoding: 'utf8' });
    // The other bundles may be mid-change; what matters here is that the CLI was rebuilt.
    const built = fs.existsSync(CLI) && fs.statSync(CLI).mtimeMs >= started - 1000;
    assert.ok(built, `dist/cli.js was not rebuilt:\n${build.stdout}${build.stderr}`);
  });

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'isnad-cli-'));
  });

  afterEach(() => {
    fs.rmSync(dir, { recursive: true, force: true });
  });

  function write(name: string, text: string): string {
    const file = path.join(dir, name);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, text);
    return name;
  }

  describe('top level', () => {
    it('prints help with --help and -h', () => {
      for (const flag of ['--help', '-h']) {
        const run = isnad([flag], dir);
        assert.equal(run.status, 0);
        assert.match(run.stdout, /^Usage: isnad <command>/);
        assert.match(run.stdout, /check <file, folder or glob>/);
        assert.match(run.stdout, /export <file, folder or glob>/);
        assert.match(run.stdout, /stats <file, folder or glob>/);
      }
    });

    it('prints the package version', () => {
      const { version } = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string };
      const run = isnad(['--version'], dir);
      assert.equal(run.status, 0);
      assert.equal(run.stdout, `${version}\n`);
    });

    it('exits 2 with a usage hint for no command or an unknown one', () => {
      for (const args of [[], ['lint']]) {
        const run = isnad(args, dir);
        assert.equal(run.status, 2);
        assert.equal(run.stdout, '');
        assert.match(run.stderr, /^isnad: .*\nRun isnad --help for usage\.\n$/);
      }
    });
  });

  describe('check', () => {
    it('exits 0 and prints nothing for a clean document', () => {
      write('clean.isnad.md', CLEAN);
      const run = isnad(['check', 'clean.isnad.md'], dir);
      assert.deepEqual(run, { status: 0, stdout: '', stderr: '' });
    });

    it('exits 0 with warnings, one line each, with 1-based UTF-16 columns', () => {
      write('warn.isnad.md', WARNINGS);
      const run = isnad(['check', 'warn.isnad.md'], dir);
      assert.equal(run.status, 0);
      assert.equal(run.stdout, 'warn.isnad.md:9:18: warning unattributed-claim: Claim has no source: who said this? Add by=…\n');
    });

    it('exits 1 when a document has an error, listing diagnostics in document order', () => {
      write('errors.isnad.md', ERRORS);
      const run = isnad(['check', 'errors.isnad.md'], dir);
      assert.equal(run.status, 1);
      assert.equal(
        run.stdout,
        [
          'errors.isnad.md:9:13: error unknown-entity: No entity named “atlantis” is defined in the front matter.',
          'errors.isnad.md:9:59: warning unattributed-claim: Claim has no source: who said this? Add by=…',
          '',
        ].join('\n'),
      );
      assert.equal(run.stderr, '');
    });

    it('localises messages with --locale ar', () => {
      write('errors.isnad.md', ERRORS);
      const run = isnad(['check', '--locale', 'ar', 'errors.isnad.md'], dir);
      assert.equal(run.status, 1);
      assert.match(run.stdout, /^errors\.isnad\.md:9:13: error unknown-entity: لا يوجد في الترويسة كيان باسم «atlantis»\.\n/);
    });

    it('prints a JSON array with LSP ranges and severity names', () => {
      write('errors.isnad.md', ERRORS);
      write('clean.isnad.md', CLEAN);
      const run = isnad(['check', '--format', 'json', 'errors.isnad.md', 'clean.isnad.md'], dir);
      assert.equal(run.status, 1);
      assert.deepEqual(JSON.parse(run.stdout), [
        {
          file: 'errors.isnad.md',
          range: { start: { line: 8, character: 12 }, end: { line: 8, character: 20 } },
          severity: 'error',
          code: 'unknown-entity',
          message: 'No entity named “atlantis” is defined in the front matter.',
        },
        {
          file: 'errors.isnad.md',
          range: { start: { line: 8, character: 58 }, end: { line: 8, character: 71 } },
          severity: 'warning',
          code: 'unattributed-claim',
          message: 'Claim has no source: who said this? Add by=…',
        },
      ]);
    });

    it('prints an empty JSON array when there is nothing to report', () => {
      write('clean.isnad.md', CLEAN);
      const run = isnad(['check', 'clean.isnad.md', '--format=json'], dir);
      assert.equal(run.status, 0);
      assert.deepEqual(JSON.parse(run.stdout), []);
    });

    it('searches folders recursively in sorted order, skipping node_modules and dot-folders', () => {
      write('articles/b.isnad.md', WARNINGS);
      write('articles/a.isnad', WARNINGS);
      write('articles/sub/c.isnad.md', WARNINGS);
      write('articles/notes.md', WARNINGS);
      write('articles/node_modules/d.isnad.md', WARNINGS);
      write('articles/.git/e.isnad.md', WARNINGS);
      const run = isnad(['check', 'articles'], dir);
      assert.equal(run.status, 0);
      const files = run.stdout.split('\n').filter(Boolean).map((line) => line.slice(0, line.indexOf(':')));
      assert.deepEqual(files, [
        path.join('articles', 'a.isnad'),
        path.join('articles', 'b.isnad.md'),
        path.join('articles', 'sub', 'c.isnad.md'),
      ]);
    });

    it('checks a file once when it is named and also found in a folder', () => {
      write('articles/a.isnad.md', WARNINGS);
      const run = isnad(['check', path.join('articles', 'a.isnad.md'), 'articles'], dir);
      assert.equal(run.stdout.split('\n').filter(Boolean).length, 1);
    });

    it('exits 2 for a folder without documents', () => {
      fs.mkdirSync(path.join(dir, 'empty'));
      const run = isnad(['check', 'empty'], dir);
      assert.equal(run.status, 2);
      assert.match(run.stderr, /no \*\.isnad\.md or \*\.isnad files in empty/);
    });

    it('exits 2 for a missing file, still checking the others', () => {
      write('errors.isnad.md', ERRORS);
      const run = isnad(['check', 'missing.isnad.md', 'errors.isnad.md'], dir);
      assert.equal(run.status, 2);
      assert.equal(run.stderr, 'isnad: cannot read missing.isnad.md: ENOENT: no such file or directory\n');
      assert.match(run.stdout, /^errors\.isnad\.md:9:13: error unknown-entity/);
    });

    it('reads a document with a byte-order mark as the editor does', () => {
      write('bom.isnad.md', `\uFEFF${ERRORS}`);
      const run = isnad(['check', 'bom.isnad.md'], dir);
      assert.match(run.stdout, /^bom\.isnad\.md:9:13: error unknown-entity/);
      // VS Code drops the mark from the document: the first line's columns do not count it.
      write('bom-first-line.isnad.md', '\uFEFF[It]{claim by=nobody}\n');
      assert.equal(
        isnad(['check', 'bom-first-line.isnad.md'], dir).stdout,
        'bom-first-line.isnad.md:1:15: error unknown-source: No source or entity named “nobody” is defined in the front matter.\n',
      );
    });

    it('counts columns of the first line after a byte-order mark as the editor does, which does not show it', () => {
      write('bom-first-line.isnad.md', '\uFEFF[a]{claim}\n');
      const run = isnad(['check', 'bom-first-line.isnad.md', '--format', 'json'], dir);
      assert.deepEqual(JSON.parse(run.stdout)[0].range, { start: { line: 0, character: 0 }, end: { line: 0, character: 10 } });
      assert.equal(isnad(['check', 'bom-first-line.isnad.md'], dir).stdout, 'bom-first-line.isnad.md:1:1: warning unattributed-claim: Claim has no source: who said this? Add by=…\n');
    });

    it('exits 2 naming the line for a document that is not UTF-8, still checking the others', () => {
      fs.writeFileSync(path.join(dir, 'latin1.isnad.md'), Buffer.concat([Buffer.from(`${FRONT_MATTER}caf`), Buffer.from([0xe9]), Buffer.from(' [x]{claim by=ali}\n')]));
      fs.writeFileSync(path.join(dir, 'utf16.isnad.md'), Buffer.from(`\uFEFF${CLEAN}`, 'utf16le'));
      write('errors.isnad.md', ERRORS);
      const run = isnad(['check', 'latin1.isnad.md', 'utf16.isnad.md', 'errors.isnad.md'], dir);
      assert.equal(run.status, 2);
      assert.equal(run.stderr, 'isnad: cannot read latin1.isnad.md: not UTF-8 text (line 9)\nisnad: cannot read utf16.isnad.md: not UTF-8 text (line 1)\n');
      assert.match(run.stdout, /^errors\.isnad\.md:9:13: error unknown-entity/);
      const exported = isnad(['export', 'latin1.isnad.md', '--format', 'jsonl'], dir);
      assert.deepEqual(exported, { status: 2, stdout: '', stderr: 'isnad: cannot read latin1.isnad.md: not UTF-8 text (line 9)\n' });
    });

    it('exits 2 for a link named as a document in a folder that leads nowhere, still checking the others', () => {
      write('articles/a.isnad.md', ERRORS);
      fs.symlinkSync('gone.isnad.md', path.join(dir, 'articles', 'broken.isnad.md'));
      const run = isnad(['check', 'articles'], dir);
      assert.equal(run.status, 2);
      assert.equal(run.stderr, `isnad: cannot read ${path.join('articles', 'broken.isnad.md')}: ENOENT: no such file or directory\n`);
      assert.match(run.stdout, /^articles\/a\.isnad\.md:9:13: error unknown-entity/);
    });

    it('exits 2 for a --root that is not a folder', () => {
      write('clean.isnad.md', CLEAN);
      for (const command of ['check', 'stats']) {
        assert.deepEqual(isnad([command, 'clean.isnad.md', '--root', 'nowhere'], dir), { status: 2, stdout: '', stderr: 'isnad: --root nowhere is not a folder\n' });
      }
      assert.deepEqual(isnad(['export', 'clean.isnad.md', '--format', 'csv', '--root', 'clean.isnad.md'], dir), { status: 2, stdout: '', stderr: 'isnad: --root clean.isnad.md is not a folder\n' });
    });

    it('says that standard input is not read when given -', () => {
      write('clean.isnad.md', CLEAN);
      const run = isnad(['check', '-', 'clean.isnad.md'], dir);
      assert.deepEqual(run, { status: 2, stdout: '', stderr: 'isnad: cannot read standard input (-): name the files, folders or globs to read\n' });
    });

    it('counts columns in UTF-16 units on Arabic lines, marks and astral characters included, as the editor does', () => {
      // قالَ: four units (a mark is its own unit), then a space, 😀 (two units), a space.
      write('arabic.isnad.md', `${FRONT_MATTER}[علي]{@town} قالَ 😀 [ارتفعت الأسعار]{claim} [x]{quote by=ali}\n`);
      const run = isnad(['check', 'arabic.isnad.md'], dir);
      assert.equal(run.stdout, 'arabic.isnad.md:9:22: warning unattributed-claim: Claim has no source: who said this? Add by=…\n');
    });

    it('says only what is wrong with an option given no value before another option', () => {
      write('clean.isnad.md', CLEAN);
      const run = isnad(['check', 'clean.isnad.md', '--format', '--locale', 'ar'], dir);
      assert.deepEqual(run, { status: 2, stdout: '', stderr: "isnad: Option '--format' argument is ambiguous\nRun isnad check --help for usage.\n" });
    });

    it('exits 2 on usage errors', () => {
      write('clean.isnad.md', CLEAN);
      for (const args of [
        ['check'],
        ['check', '--format', 'xml', 'clean.isnad.md'],
        ['check', '--locale', 'fr', 'clean.isnad.md'],
        ['check', '--colour', 'clean.isnad.md'],
        ['check', 'clean.isnad.md', '--format'],
      ]) {
        const run = isnad(args, dir);
        assert.equal(run.status, 2, args.join(' '));
        assert.equal(run.stdout, '', args.join(' '));
        assert.match(run.stderr, /^isnad: .+\nRun isnad check --help for usage\.\n$/, args.join(' '));
      }
    });

    it('keeps its exit status when the reader closes the pipe early, as `| head` does', async () => {
      write('many.isnad.md', FRONT_MATTER + '[Atlantis]{@atlantis}\n\n'.repeat(20_000));
      const child = spawn(process.execPath, [CLI, 'check', 'many.isnad.md'], { cwd: dir });
      let stderr = '';
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      child.stdout.once('data', () => child.stdout.destroy());
      const status = await new Promise<number | null>((resolve) => child.on('close', resolve));
      assert.equal(stderr, '');
      assert.equal(status, 1);
    });

    it('prints its help', () => {
      const run = isnad(['check', '--help'], dir);
      assert.equal(run.status, 0);
      assert.match(run.stdout, /^Usage: isnad check <file, folder or glob>\.\.\. \[--format text\|json\|sarif\] \[--locale en\|ar\] \[--root <folder>\]/);
      assert.match(run.stdout, /Exit status: 0 .* 1 .*\n2 /);
    });
  });

  describe('export', () => {
    /** What the service itself exports for the file, to compare the command's output with. */
    function expected(name: string, format: (typeof EXPORT_FORMATS)[number]): string {
      const file = path.join(dir, name);
      return exportDocument(parseIsnad(fs.readFileSync(file, 'utf8'), pathToFileURL(file).href), format);
    }

    it('writes each format to stdout', () => {
      write('article.isnad.md', WARNINGS);
      for (const format of EXPORT_FORMATS) {
        const run = isnad(['export', 'article.isnad.md', '--format', format], dir);
        assert.equal(run.status, 0, run.stderr);
        assert.equal(run.stdout, expected('article.isnad.md', format));
      }
      assert.ok(JSON.parse(isnad(['export', 'article.isnad.md', '--format', 'w3c'], dir).stdout));
    });

    it('writes to -o, replacing the previous file without leaving a temporary file', () => {
      write('article.isnad.md', CLEAN);
      write('out.csv', 'previous');
      const run = isnad(['export', 'article.isnad.md', '--format', 'csv', '-o', 'out.csv'], dir);
      assert.deepEqual(run, { status: 0, stdout: '', stderr: '' });
      assert.equal(fs.readFileSync(path.join(dir, 'out.csv'), 'utf8'), expected('article.isnad.md', 'csv'));
      assert.deepEqual(fs.readdirSync(dir).sort(), ['article.isnad.md', 'out.csv']);
    });

    it('leaves the target as it was when writing fails', () => {
      write('article.isnad.md', CLEAN);
      write('out.jsonld/keep.txt', 'previous');
      const run = isnad(['export', 'article.isnad.md', '--format', 'w3c', '--output', 'out.jsonld'], dir);
      assert.equal(run.status, 2);
      assert.match(run.stderr, /^isnad: cannot write out\.jsonld: E[A-Z]+: /);
      assert.equal(fs.readFileSync(path.join(dir, 'out.jsonld', 'keep.txt'), 'utf8'), 'previous');
      assert.deepEqual(fs.readdirSync(dir).sort(), ['article.isnad.md', 'out.jsonld']);
    });

    it('refuses an output that is one of the documents exported, by any name', () => {
      write('article.isnad.md', CLEAN);
      fs.symlinkSync('article.isnad.md', path.join(dir, 'alias.isnad.md'));
      for (const args of [
        ['export', 'article.isnad.md', '--format', 'jsonl', '-o', 'article.isnad.md'],
        ['export', 'article.isnad.md', '--format', 'jsonl', '-o', 'alias.isnad.md'],
        ['export', 'article.isnad.md', '--format', 'jsonl', '-o', `.${path.sep}article.isnad.md`],
      ]) {
        const run = isnad(args, dir);
        assert.deepEqual(run, { status: 2, stdout: '', stderr: `isnad: the output ${args[5]} is the input article.isnad.md: choose another file, or the export would replace it\n` });
      }
      const corpus = isnad(['export', '.', '--format', 'csv', '-o', 'article.isnad.md'], dir);
      assert.equal(corpus.status, 2);
      assert.equal(corpus.stderr, 'isnad: the output article.isnad.md is the input alias.isnad.md: choose another file, or the export would replace it\n');
      assert.equal(fs.readFileSync(path.join(dir, 'article.isnad.md'), 'utf8'), CLEAN);
      assert.deepEqual(fs.readdirSync(dir).sort(), ['alias.isnad.md', 'article.isnad.md']);
    });

    it('writes -o through a symbolic link, which stays a link to the replaced file', () => {
      write('article.isnad.md', CLEAN);
      write('exports/real.jsonl', 'previous');
      fs.symlinkSync(path.join('exports', 'real.jsonl'), path.join(dir, 'latest.jsonl'));
      assert.deepEqual(isnad(['export', 'article.isnad.md', '--format', 'jsonl', '-o', 'latest.jsonl'], dir), { status: 0, stdout: '', stderr: '' });
      assert.ok(fs.lstatSync(path.join(dir, 'latest.jsonl')).isSymbolicLink());
      assert.equal(fs.readFileSync(path.join(dir, 'exports', 'real.jsonl'), 'utf8'), expected('article.isnad.md', 'jsonl'));
      assert.deepEqual(fs.readdirSync(path.join(dir, 'exports')), ['real.jsonl']);
    });

    it('writes -o straight into a named pipe, which a rename would have replaced by a file', async function () {
      if (process.platform === 'win32') this.skip();
      write('article.isnad.md', CLEAN);
      const fifo = path.join(dir, 'pipe');
      spawnSync('mkfifo', [fifo]);
      const reader = spawn('cat', [fifo]);
      let read = '';
      reader.stdout.on('data', (chunk: Buffer) => (read += chunk.toString()));
      const readerDone = new Promise((resolve) => reader.on('close', resolve));
      const child = spawn(process.execPath, [CLI, 'export', 'article.isnad.md', '--format', 'jsonl', '-o', 'pipe'], { cwd: dir });
      const status = await new Promise<number | null>((resolve) => child.on('close', resolve));
      await readerDone;
      assert.equal(status, 0);
      assert.equal(read, expected('article.isnad.md', 'jsonl'));
      assert.ok(fs.lstatSync(fifo).isFIFO());
      assert.deepEqual(fs.readdirSync(dir).sort(), ['article.isnad.md', 'pipe']);
    });

    it('writes to stdout for -o -', () => {
      write('article.isnad.md', CLEAN);
      assert.deepEqual(isnad(['export', 'article.isnad.md', '--format', 'csv', '-o', '-'], dir), { status: 0, stdout: expected('article.isnad.md', 'csv'), stderr: '' });
      assert.deepEqual(fs.readdirSync(dir), ['article.isnad.md']);
    });

    it('leaves the target as it was when the document cannot be read', () => {
      write('out.jsonl', 'previous');
      const run = isnad(['export', 'missing.isnad.md', '--format', 'jsonl', '-o', 'out.jsonl'], dir);
      assert.equal(run.status, 2);
      assert.equal(run.stderr, 'isnad: cannot read missing.isnad.md: ENOENT: no such file or directory\n');
      assert.equal(fs.readFileSync(path.join(dir, 'out.jsonl'), 'utf8'), 'previous');
      assert.deepEqual(fs.readdirSync(dir), ['out.jsonl']);
    });

    it('exits 2 on usage errors', () => {
      write('article.isnad.md', CLEAN);
      for (const args of [
        ['export', 'article.isnad.md'],
        ['export', 'article.isnad.md', '--format', 'pdf'],
        ['export', '--format', 'csv'],
        ['export', 'article.isnad.md', '--format', 'csv', '-o'],
      ]) {
        const run = isnad(args, dir);
        assert.equal(run.status, 2, args.join(' '));
        assert.equal(run.stdout, '', args.join(' '));
        assert.match(run.stderr, /^isnad: .+\nRun isnad export --help for usage\.\n$/, args.join(' '));
      }
    });

    it('prints its help', () => {
      const run = isnad(['export', '-h'], dir);
      assert.equal(run.status, 0);
      assert.match(run.stdout, /^Usage: isnad export <file, folder or glob>\.\.\. --format w3c\|jsonl\|csv \[-o <out>\] \[--root <folder>\]/);
    });
  });
  describe('import', () => {
    it('rebuilds the document from its w3c export, to stdout or atomically to -o', () => {
      write('article.isnad.md', CLEAN);
      const exported = isnad(['export', 'article.isnad.md', '--format', 'w3c', '-o', 'article.jsonld'], dir);
      assert.equal(exported.status, 0, exported.stderr);
      const run = isnad(['import', 'article.jsonld'], dir);
      assert.deepEqual(run, { status: 0, stdout: CLEAN, stderr: '' });
      write('copy.isnad.md', 'previous');
      assert.deepEqual(isnad(['import', 'article.jsonld', '-o', 'copy.isnad.md'], dir), { status: 0, stdout: '', stderr: '' });
      assert.equal(fs.readFileSync(path.join(dir, 'copy.isnad.md'), 'utf8'), CLEAN);
      assert.deepEqual(fs.readdirSync(dir).sort(), ['article.isnad.md', 'article.jsonld', 'copy.isnad.md']);
    });

    it('exits 2 naming the problem for input that is not an Isnad export, leaving -o as it was', () => {
      write('broken.jsonld', '{"type": "AnnotationCollection", "cleanText": 3}');
      write('out.isnad.md', 'previous');
      const run = isnad(['import', 'broken.jsonld', '-o', 'out.isnad.md'], dir);
      assert.deepEqual(run, {
        status: 2,
        stdout: '',
        stderr: 'isnad: cannot import broken.jsonld: not an Isnad export: it carries no "cleanText", the article the annotations point into\n',
      });
      assert.equal(fs.readFileSync(path.join(dir, 'out.isnad.md'), 'utf8'), 'previous');
      assert.equal(isnad(['import', 'missing.jsonld'], dir).stderr, 'isnad: cannot read missing.jsonld: ENOENT: no such file or directory\n');
      fs.writeFileSync(path.join(dir, 'latin1.jsonld'), Buffer.from('{"type": "AnnotationCollection",\n"cleanText": "caf\xe9\\n"}', 'latin1'));
      assert.deepEqual(isnad(['import', 'latin1.jsonld'], dir), { status: 2, stdout: '', stderr: 'isnad: cannot read latin1.jsonld: not UTF-8 text (line 2)\n' });
      write('not-json.jsonld', 'hello');
      assert.deepEqual(isnad(['import', 'not-json.jsonld'], dir), { status: 2, stdout: '', stderr: 'isnad: cannot import not-json.jsonld: not valid JSON: Unexpected token \'h\', "hello" is not valid JSON\n' });
      const usage = isnad(['import'], dir);
      assert.equal(usage.status, 2);
      assert.equal(usage.stderr, 'isnad: name exactly one export to import\nRun isnad import --help for usage.\n');
    });

    it('refuses to write over the export it reads', () => {
      write('article.isnad.md', CLEAN);
      isnad(['export', 'article.isnad.md', '--format', 'w3c', '-o', 'article.jsonld'], dir);
      const before = fs.readFileSync(path.join(dir, 'article.jsonld'), 'utf8');
      const run = isnad(['import', 'article.jsonld', '-o', 'article.jsonld'], dir);
      assert.deepEqual(run, { status: 2, stdout: '', stderr: 'isnad: the output article.jsonld is the input article.jsonld: choose another file, or the export would replace it\n' });
      assert.equal(fs.readFileSync(path.join(dir, 'article.jsonld'), 'utf8'), before);
    });

    it('prints its help', () => {
      const run = isnad(['import', '--help'], dir);
      assert.equal(run.status, 0);
      assert.match(run.stdout, /^Usage: isnad import <export\.jsonld> \[-o <out\.isnad\.md>\]/);
    });
  });
});
