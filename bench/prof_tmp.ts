import * as fs from 'fs';
import { parseIsnad } from '../server/src/service/parse/document';
import { bodyShadow } from '../server/src/service/arabic/bodyShadow';
import { implicitMentions } from '../server/src/service/features/implicitMentions';
import { attributionHints } from '../server/src/service/features/attributionHints';
import { sentencesOf } from '../server/src/service/arabic/sentences';
const base = fs.readFileSync('samples/north-korea-russia.isnad.md','utf8');
const d0 = parseIsnad(base);
const body = base.slice(d0.bodyStart);
const text = base.slice(0, d0.bodyStart) + body.repeat(Math.floor(1e6/Buffer.byteLength(body)));
const r: Record<string, number[]> = {parse:[], shadow:[], mentions:[], sentences:[], hints:[]};
for (let i=0;i<15;i++){ let s=performance.now(); const d=parseIsnad(text); r.parse.push(performance.now()-s); s=performance.now(); const sh=bodyShadow(d); r.shadow.push(performance.now()-s); s=performance.now(); implicitMentions(d); r.mentions.push(performance.now()-s); s=performance.now(); sentencesOf(sh); r.sentences.push(performance.now()-s); s=performance.now(); attributionHints(d); r.hints.push(performance.now()-s); }
for (const k in r) { const t=r[k].sort((a,b)=>a-b); console.log(k, t[0].toFixed(1), t[7].toFixed(1)); }
