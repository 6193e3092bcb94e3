import * as assert from 'node:assert/strict';
import { parse, satisfies } from '../../client/src/bundle/semver';

describe('the semver stand-in of the extension bundle', () => {
  it('parses VS Code versions, insiders builds included', () => {
    assert.deepEqual(parse('1.100.2'), { major: 1, minor: 100, patch: 2, prerelease: [] });
    assert.deepEqual(parse('1.101.0-insider'), { major: 1, minor: 101, patch: 0, prerelease: ['insider'] });
    assert.equal(parse('1.100'), null);
  });

  it('answers caret ranges as semver does', () => {
    const version = (text: string) => parse(text)!;
    assert.equal(satisfies(version('1.91.0'), '^1.91.0'), true);
    assert.equal(satisfies(version('1.100.0'), '^1.91.0'), true);
    assert.equal(satisfies(version('1.90.9'), '^1.91.0'), false);
    assert.equal(satisfies(version('2.0.0'), '^1.91.0'), false);
    assert.equal(satisfies(version('1.92.0-insider'), '^1.91.0'), false);
    assert.throws(() => satisfies(version('1.92.0'), '>=1.91.0'), /unsupported version range/);
  });
});
