// graphile-worker 0.18 at the settings of its performance page (worker.graphile.org/docs/performance): a local queue
// of 500 jobs fetched in one batch, completions and failures written in batches with no delay, 24 concurrent jobs on
// a pool of 25; or 8 concurrent jobs. New jobs wake the worker by LISTEN/NOTIFY; pollInterval (50 ms) only bounds
// how late a retry is seen. A pipeline is a job whose task adds the next step's job.
import { Logger, makeWorkerUtils, run } from "graphile-worker";
import { failOnce, probeBegan, probeStarting, ran } from "../protocol.mjs";

// Only unexpected errors are shown: the failing-once step's failures are the workload's design.
const silent = new Logger(() => (level, message) => {
  if (level === "error" && !message.includes("by design")) {
    process.stderr.write(`graphile-worker: ${message}\n`);
  }
});

const BulkChunk = 2000;

export async function open({ connectionString, schema, concurrency }) {
  const shared = { connectionString, schema, logger: silent };
  const utils = await makeWorkerUtils({ ...shared, maxPoolSize: 10 });
  await utils.migrate();
  let runner = null;

  const next = (helpers, identifier, payload) =>
    helpers.addJob(identifier, payload, { maxAttempts: identifier === "step2" && payload.f ? 2 : 1 });
  const taskList = {
    step1: async (payload, helpers) => {
      ran("step1");
      await next(helpers, "step2", payload);
    },
    step2: async (payload, helpers) => {
      ran("step2");
      if (payload.f) {
        failOnce(payload.r);
      }
      await next(helpers, "step3", payload);
    },
    step3: async () => ran("step3"),
    only: async () => ran("only"),
    probe: async () => probeBegan(),
  };

  return {
    async workers() {
      runner = await run({
        logger: silent,
        noHandleSignals: true,
        taskList,
        preset: {
          worker: {
            connectionString,
            schema,
            concurrentJobs: concurrency,
            maxPoolSize: Math.max(10, concurrency + 1),
            pollInterval: 50,
            localQueue: { size: 500 },
            completeJobBatchDelay: 0,
            failJobBatchDelay: 0,
          },
        },
      });
    },
    pipeline: (run, failing) => utils.addJob("step1", { r: Number(run), f: failing === "1" }, { maxAttempts: 1 }),
    async pipelines(count) {
      for (let first = 0; first < count; first += BulkChunk) {
        const jobs = [];
        for (let r = first; r < Math.min(count, first + BulkChunk); r++) {
          jobs.push({ identifier: "step1", payload: { r, f: false }, maxAttempts: 1 });
        }
        await utils.addJobs(jobs);
      }
    },
    job: (run) => utils.addJob("only", { r: Number(run) }, { maxAttempts: 1 }),
    probe: () => {
      probeStarting();
      return utils.addJob("probe", {}, { maxAttempts: 1 });
    },
    async stop() {
      await runner?.stop();
      await utils.release();
    },
  };
}

