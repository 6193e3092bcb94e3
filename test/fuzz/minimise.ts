// Shrinking a failing document: remove halves, then quarters … then single characters, keeping
// each removal after which the text still fails (a simple form of delta debugging). A budget
// of attempts bounds the time, so a slow check (a server start per attempt) still finishes.
export async function minimise(text: string, fails: (candidate: string) => boolean | Promise<boolean>, budget = 5000): Promise<string> {
  let smallest = text;
  let attempts = 0;
  for (let chunk = Math.ceil(text.length / 2); chunk >= 1 && attempts < budget; chunk = Math.floor(chunk / 2)) {
    for (let start = 0; start < smallest.length && attempts < budget; attempts++) {
      const candidate = smallest.slice(0, start) + smallest.slice(start + chunk);
      if (await fails(candidate)) smallest = candidate;
      else start += chunk;
    }
  }
  return smallest;
}
