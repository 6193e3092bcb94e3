// Imported first by extension.ts, so it runs before the rest of the bundle: activation time
// counts from here (loading the bundle, then `activate`), as VS Code counts it.
export const loadStarted = performance.now();
