// Imported first by extension.ts, so it runs before the rest of the bundle's modules: the
// activation time counts from here (running the modules, then `activate`).
export const loadStarted = performance.now();
