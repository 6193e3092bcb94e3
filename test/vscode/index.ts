// Entry of the in-editor suite: VS Code's extension host calls run() (see scripts/e2e/runInEditorTests.ts).
import Mocha from 'mocha';

export function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 60_000 });
  return new Promise((resolve, reject) => {
    mocha.run((failures) => (failures ? reject(new Error(`${failures} in-editor tests failed`)) : resolve()));
  });
}
