// CPU time of the calling thread, in milliseconds. `process.cpuUsage` counts every thread of the
// process, and V8's optimising compiler and GC helpers keep other threads busy for a while after
// a document is opened (as much CPU as the main thread, measured): a keystroke's cheap analysis
// then read as expensive and its diagnostics were delayed. Linux tells the thread's own time in
// /proc (in nanoseconds, though brought up to date at scheduler ticks: steps of a few
// milliseconds, fine against the debounce's 20); elsewhere the process's time is the best there is.
import * as fs from 'node:fs';

const THREAD_SCHEDSTAT = '/proc/thread-self/schedstat';

function readThreadNanoseconds(): number | undefined {
  try {
    const nanoseconds = Number(fs.readFileSync(THREAD_SCHEDSTAT, 'latin1').split(' ', 1)[0]);
    return Number.isFinite(nanoseconds) ? nanoseconds : undefined;
  } catch {
    return undefined;
  }
}

const threadClockWorks = readThreadNanoseconds() !== undefined;

export function threadCpuMs(): number {
  if (threadClockWorks) {
    const nanoseconds = readThreadNanoseconds();
    if (nanoseconds !== undefined) return nanoseconds / 1e6;
  }
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}
