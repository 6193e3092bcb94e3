// The client never trusts document text: no Markdown it shows may run commands or carry HTML,
// and the Reading View's webview gets no command links. vscode-languageclient turns the
// server's hovers into MarkdownStrings trusted only when the client options say
// `markdown: { isTrusted, supportHtml }`: a scan of the client's sources, so adding any of
// these fails here. (The bundle holds the library's code that reads those options.)
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');

/** `isTrusted`, `supportHtml` or `enableCommandUris` set on anything, or a `MarkdownString` built with trust. */
const TRUST = /\b(?:isTrusted|supportHtml|enableCommandUris)\b|new\s+(?:\w+\.)?MarkdownString\s*\([^)]*,\s*true/;

function sourcesUnder(folder: string): string[] {
  return fs.readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(folder, entry.name);
    return entry.isDirectory() ? sourcesUnder(full) : /\.(?:ts|js|html)$/.test(entry.name) ? [full] : [];
  });
}

describe('client trust', () => {
  it('never makes trusted Markdown or Markdown with HTML, and gives webviews no command links', () => {
    const files = [...sourcesUnder(path.join(ROOT, 'client/src')), ...sourcesUnder(path.join(ROOT, 'media'))];
    const offenders = files.filter((file) => TRUST.test(fs.readFileSync(file, 'utf8'))).map((file) => path.relative(ROOT, file));
    assert.deepEqual(offenders, []);
  });

  it('recognises each way of trusting Markdown', () => {
    for (const code of ['markdown.isTrusted = true', 'new vscode.MarkdownString(text, true)', '{ supportHtml: true }', 'enableCommandUris: true']) {
      assert.match(code, TRUST, code);
    }
  });
});
