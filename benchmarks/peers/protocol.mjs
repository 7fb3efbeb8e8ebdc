// The line protocol between the side-by-side driver (benchmarks/Inquir.Typed.SideBySide/Peers) and a peer process.
// Requests arrive on stdin as "<id> <verb> <args...>"; each is answered on stdout with "<id> ok" or "<id> error <text>".
// Between answers the peer writes "ran <step> <count>" (step executions, summed over one turn of the event loop)
// and "began <microseconds>" (a probe's step began that long after its start call, both timed in this process).
import { createInterface } from "node:readline";

const pending = new Map();
let flushQueued = false;

function flush() {
  flushQueued = false;
  const lines = [];
  for (const [step, count] of pending) {
    lines.push(`ran ${step} ${count}\n`);
  }
  pending.clear();
  if (lines.length > 0) {
    process.stdout.write(lines.join(""));
  }
}

/** Records one execution of a step; the driver checks every step ran exactly as often as it should. */
export function ran(step) {
  pending.set(step, (pending.get(step) ?? 0) + 1);
  if (!flushQueued) {
    flushQueued = true;
    setImmediate(flush);
  }
}

let probeStartedAt = 0n;

/** Called just before a probe's start call. */
export function probeStarting() {
  probeStartedAt = process.hrtime.bigint();
}

/** Called first thing in a probe's step. */
export function probeBegan() {
  const micros = (process.hrtime.bigint() - probeStartedAt) / 1000n;
  flush();
  process.stdout.write(`began ${micros}\n`);
  ran("probe");
}

const failed = new Set();

/** Throws the first time it is called for a run: the second step of a failing-once pipeline, as on every system. */
export function failOnce(run) {
  if (!failed.has(run)) {
    failed.add(run);
    throw new Error(`run ${run} fails its second step once, by design`);
  }
}

/**
 * Serves requests until "stop" has been answered. handlers maps a verb to an async function of the request's
 * arguments (strings). Requests run concurrently, as the driver's starting threads do.
 */
export function serve(handlers) {
  const input = createInterface({ input: process.stdin });
  input.on("line", (line) => {
    const [id, verb, ...args] = line.trim().split(" ");
    const handler = handlers[verb];
    const answer = handler
      ? Promise.resolve().then(() => handler(...args))
      : Promise.reject(new Error(`unknown verb '${verb}'`));
    answer.then(
      () => {
        flush();
        process.stdout.write(`${id} ok\n`);
        if (verb === "stop") {
          process.exit(0);
        }
      },
      (error) => {
        flush();
        process.stdout.write(`${id} error ${String(error?.stack ?? error).replace(/\s+/g, " ")}\n`);
      },
    );
  });
  input.on("close", () => process.exit(0));
}

/** Runs start(i) for i in 0..count-1 with at most `inFlight` calls at a time. */
export async function startAll(count, inFlight, start) {
  let next = 0;
  await Promise.all(Array.from({ length: Math.min(inFlight, count) }, async () => {
    while (next < count) {
      await start(next++);
    }
  }));
}
