// Stands in for the `semver` package in the extension bundle (esbuild.mjs): the language client
// uses it once, to check that VS Code's version satisfies its caret range; the package is 20 KB
// of the bundle for that.
export interface Version {
  major: number;
  minor: number;
  patch: number;
  prerelease: string[];
}

const VERSION = /^v?(\d+)\.(\d+)\.(\d+)(?:-([0-9A-Za-z.-]+))?(?:\+[0-9A-Za-z.-]+)?$/;

export function parse(version: string): Version | null {
  const match = VERSION.exec(version.trim());
  return match ? { major: Number(match[1]), minor: Number(match[2]), patch: Number(match[3]), prerelease: match[4] ? match[4].split('.') : [] } : null;
}

/** Only caret ranges (`^1.91.0`), the one form the language client asks about. */
export function satisfies(version: Version, range: string): boolean {
  const caret = /^\^(\d+)\.(\d+)\.(\d+)$/.exec(range);
  if (!caret) throw new Error(`unsupported version range ${range}`);
  const [major, minor, patch] = caret.slice(1).map(Number);
  if (version.prerelease.length > 0 || version.major !== major) return false;
  return version.minor > minor || (version.minor === minor && version.patch >= patch);
}
