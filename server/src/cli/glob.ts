// Glob patterns for the command line, for shells that do not expand them (or quoted ones, as CI
// configurations write them): `*` and `?` within a path segment, `**` across segments, `[…]`
// character classes and `{a,b}` alternatives. Paths are matched with `/` separators.

const GLOB_CHARACTERS = /[*?[{]/;

export function isGlob(pattern: string): boolean {
  return GLOB_CHARACTERS.test(pattern);
}

/** The leading segments without glob characters: the folder to search from (`.` when none). */
export function globBase(pattern: string): string {
  const segments = pattern.replace(/\\/g, '/').split('/');
  const base: string[] = [];
  for (const segment of segments.slice(0, -1)) {
    if (isGlob(segment)) break;
    base.push(segment);
  }
  return base.length === 0 ? '.' : base.join('/') || '/';
}

/** A regular expression matching whole paths (with `/` separators) that the pattern matches. */
export function globToRegExp(pattern: string): RegExp {
  const glob = pattern.replace(/\\/g, '/');
  let source = '';
  let braces = 0;
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (c === '*' && glob[i + 1] === '*') {
      // `**/` is any number of whole segments, none included; a trailing `**` is anything.
      const slash = glob[i + 2] === '/';
      source += slash ? '(?:[^/]*/)*' : '.*';
      i += slash ? 2 : 1;
    } else if (c === '*') source += '[^/]*';
    else if (c === '?') source += '[^/]';
    else if (c === '[') {
      const close = glob.indexOf(']', i + 2);
      if (close < 0) source += '\\[';
      else {
        const body = glob.slice(i + 1, close).replace(/^!/, '^').replace(/\\/g, '\\\\');
        source += `[${body}]`;
        i = close;
      }
    } else if (c === '{') {
      braces++;
      source += '(?:';
    } else if (c === '}' && braces > 0) {
      braces--;
      source += ')';
    } else if (c === ',' && braces > 0) source += '|';
    else source += c.replace(/[.+^$()|\\\]{}]/g, '\\$&');
  }
  return new RegExp(`^${source}$`);
}
