import * as assert from 'node:assert/strict';
import { isBidiControl, isWhiteSpaceOrLineTerminator } from '../../server/src/service/parse/chars';

describe('character classes', () => {
  it('isWhiteSpaceOrLineTerminator agrees with \\s on every unit of the Basic Multilingual Plane', () => {
    const disagreements: string[] = [];
    for (let code = 0; code <= 0xffff; code++) {
      if (isWhiteSpaceOrLineTerminator(code) !== /\s/.test(String.fromCharCode(code))) disagreements.push(code.toString(16));
    }
    assert.deepEqual(disagreements, []);
  });

  it('isBidiControl is true for U+202A–U+202E and U+2066–U+2069 alone', () => {
    const controls: number[] = [];
    for (let code = 0; code <= 0xffff; code++) if (isBidiControl(code)) controls.push(code);
    assert.deepEqual(controls, [0x202a, 0x202b, 0x202c, 0x202d, 0x202e, 0x2066, 0x2067, 0x2068, 0x2069]);
  });
});
