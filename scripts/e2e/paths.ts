// Paths shared by the e2e scripts. Everything lives under <repo>/.e2e (gitignored).
import * as path from 'node:path';

export const CODE_SERVER_VERSION = '4.100.3';

export const repoRoot = path.resolve(__dirname, '..', '..');
export const e2eDir = path.join(repoRoot, '.e2e');
/** The folder code-server@CODE_SERVER_VERSION is npm-installed into (its own package.json). */
export const codeServerPrefix = path.join(e2eDir, 'code-server');
export const codeServerPackage = path.join(codeServerPrefix, 'node_modules', 'code-server');
export const codeServerEntry = path.join(codeServerPackage, 'out', 'node', 'entry.js');
export const runsDir = path.join(e2eDir, 'runs');
export const chromiumPath = '/usr/bin/chromium';
