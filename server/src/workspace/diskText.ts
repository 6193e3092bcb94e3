// A closed file's text as the editor would hold it once opened, so that positions found in it
// (references, rename edits) are the editor's.
import * as fs from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

const BYTE_ORDER_MARK = '\ufeff';

/** The text as VS Code holds a file it opens: without the byte-order mark. */
export function withoutByteOrderMark(text: string): string {
  return text.startsWith(BYTE_ORDER_MARK) ? text.slice(1) : text;
}

/**
 * The file's text without the byte-order mark, which VS Code drops from the document it opens:
 * kept, it would shift every position on the first line by one. Undefined when it cannot be read.
 */
export async function readDiskText(uri: string): Promise<string | undefined> {
  try {
    return withoutByteOrderMark(await fs.readFile(fileURLToPath(uri), 'utf8'));
  } catch {
    return undefined;
  }
}
