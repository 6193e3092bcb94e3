// "Export Annotations" with its arguments (no prompts) writes each format to the given file
// (FORMAT.md §7). The Arabic sample has no invalid span, so each `]{` in it is one annotation.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { ARABIC_SAMPLE, closeAllEditors, openSample, sampleUri } from './support';

const CSV_HEADER =
  'id,kind,exact,prefix,suffix,start,end,entityId,entityName,entityType,speakerId,speakerName,speakerKind,speakerRole,' +
  'speakerAffiliation,speakerVia,speakerUrl,speakerDate,inheritedFrom,status,note,aboutIds,aboutNames,section,line,character,' +
  'offsetUnit,sha256,target,document';

/** The spans of the sample, counted from its text alone: the `]{` after the front matter. */
function spanCount(text: string): number {
  const body = text.slice(text.indexOf('\n---\n', 3) + 5);
  return body.split(']{').length - 1;
}

/** RFC 4180 records (quoted cells may hold commas, quotes and line breaks), each a list of cells. */
function csvRecords(text: string): string[][] {
  const records: string[][] = [];
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (quoted && char === '"' && text[i + 1] === '"') {
      cell += '"';
      i++;
    } else if (char === '"') {
      quoted = !quoted;
    } else if (quoted) {
      cell += char;
    } else if (char === ',') {
      cells.push(cell);
      cell = '';
    } else if (char === '\r' && text[i + 1] === '\n') {
      records.push([...cells, cell]);
      cells = [];
      cell = '';
      i++;
    } else {
      cell += char;
    }
  }
  assert.equal(cells.length + cell.length, 0, 'the CSV ends with a line end');
  return records;
}

export function exportTests(): void {
  describe('export', () => {
    let folder: string;
    let expected: number;

    before(async () => {
      folder = fs.mkdtempSync(path.join(os.tmpdir(), 'isnad-export-'));
      expected = spanCount(fs.readFileSync(sampleUri(ARABIC_SAMPLE).fsPath, 'utf8'));
      assert.equal(expected, 228, 'the Arabic sample has 228 spans');
      await openSample(ARABIC_SAMPLE);
    });
    after(async () => {
      await closeAllEditors();
      fs.rmSync(folder, { recursive: true, force: true });
    });

    async function exportAs(format: string, fileName: string): Promise<string> {
      const target = vscode.Uri.file(path.join(folder, fileName));
      const written = await vscode.commands.executeCommand<vscode.Uri | undefined>('isnad.exportAnnotations', sampleUri(ARABIC_SAMPLE), format, target);
      assert.equal(written?.toString(), target.toString(), 'the command resolves to the file it wrote');
      return fs.readFileSync(target.fsPath, 'utf8');
    }

    it('w3c: a JSON-LD AnnotationCollection with one annotation per span', async () => {
      const collection = JSON.parse(await exportAs('w3c', 'sample.annotations.jsonld'));
      assert.equal(collection.type, 'AnnotationCollection');
      assert.ok([collection['@context']].flat().includes('http://www.w3.org/ns/anno.jsonld'), 'the Web Annotation context');
      assert.equal(collection.offsetUnit, 'codepoint');
      assert.equal(collection.total, expected);
      assert.equal(collection.first.items.length, expected);
      assert.ok(collection.first.items.every((item: { type: string }) => item.type === 'Annotation'));
    });

    it('jsonl: one JSON object per line, one line per span', async () => {
      const text = await exportAs('jsonl', 'sample.annotations.jsonl');
      assert.ok(text.endsWith('\n'), 'the last line ends with a line break');
      const lines = text.slice(0, -1).split('\n');
      assert.equal(lines.length, expected);
      const first = JSON.parse(lines[0]);
      assert.deepEqual([first.kind, first.exact, first.entityId], ['mention', 'آسيا', 'آسيا']);
      for (const line of lines) assert.equal(typeof JSON.parse(line).kind, 'string');
    });

    it('csv: a byte-order mark, the header, then one row per span', async () => {
      const text = await exportAs('csv', 'sample.annotations.csv');
      assert.ok(text.startsWith(`\uFEFF${CSV_HEADER}\r\n`), text.slice(0, 300));
      const records = csvRecords(text.slice(1));
      assert.equal(records.length, expected + 1);
      const width = CSV_HEADER.split(',').length;
      assert.deepEqual(new Set(records.map((record) => record.length)), new Set([width]));
      assert.deepEqual(records[1].slice(0, 3), ['span-1', 'mention', 'آسيا']);
    });
  });
}
