import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { Worker } from 'node:worker_threads';
import { threadCpuMs } from '../../server/src/threadCpu';

const processCpuMs = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};

describe('the server thread’s CPU clock (the diagnostics debounce reads it)', () => {
  const linux = fs.existsSync('/proc/thread-self/schedstat');

  it('counts the calling thread’s own work, in milliseconds', function () {
    if (!linux) this.skip();
    // 100 ms of one thread's CPU cannot take less than 100 ms of wall-clock time (a clock in the
    // wrong unit ends the loop at once or never); other threads' work cannot shorten it.
    const wallBefore = performance.now();
    const threadBefore = threadCpuMs();
    while (threadCpuMs() - threadBefore < 100);
    const wall = performance.now() - wallBefore;
    assert.ok(wall >= 99, `100 ms of the thread's CPU in ${wall} ms`);
  });

  it('does not count another thread’s work, as the process’s time does', async function () {
    if (!linux) this.skip();
    this.timeout(10_000);
    // The worker spins for 300 ms of its own CPU while this thread sleeps in Atomics.wait.
    const done = new Int32Array(new SharedArrayBuffer(4));
    const threadBefore = threadCpuMs();
    const processBefore = processCpuMs();
    const worker = new Worker(
      `const { workerData } = require('node:worker_threads');
       const start = process.cpuUsage();
       while (process.cpuUsage(start).user < 300_000);
       Atomics.store(workerData, 0, 1);
       Atomics.notify(workerData, 0);`,
      { eval: true, workerData: done },
    );
    Atomics.wait(done, 0, 0, 8_000);
    const thread = threadCpuMs() - threadBefore;
    const whole = processCpuMs() - processBefore;
    await worker.terminate();
    assert.equal(Atomics.load(done, 0), 1);
    assert.ok(whole >= 250, `process ${whole} ms`);
    assert.ok(thread < 100, `thread ${thread} ms while the worker spun`);
  });
});
