import { readFileSync } from 'fs';
import { parseIsnad } from './server/src/service/parse/document';
const sample = readFileSync('samples/north-korea-russia.isnad.md', 'utf8');
const fmEnd = sample.indexOf('\n---\n', 4) + 5;
const fm = sample.slice(0, fmEnd), body = sample.slice(fmEnd);
let text = fm; while (Buffer.byteLength(text) < 1_000_000) text += '\n\n' + body;
for (let i = 0; i < 100; i++) parseIsnad(text);
