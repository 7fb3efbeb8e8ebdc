// pg-boss 12 at its fastest documented settings (pgboss.io/api/workers, /api/constructor): LISTEN/NOTIFY wakes the
// workers the moment a job is sent (useListenNotify, and notify on every queue), polling at its 0.5 s minimum as the
// backstop that also picks up retries; a worker fetches `batchSize` jobs at a time (50, or 1 for one job at a time).
// After each fetch a worker waits out the polling interval unless a burst trigger holds: a full batch
// (burstWhenBatchFull, batches of 50) or a backlog in the queue's cached ready count (burstWhenReadyExceeds; the
// only trigger at batchSize 1), so the stats behind that cache are computed and read every second, the minimum of
// monitorIntervalSeconds, superviseIntervalSeconds and queueCacheIntervalSeconds, rather than every minute.
// A pipeline is a job whose handler sends the next step's job through the handler's transaction, so it commits with
// the job's completion (`transactional`).
import { PgBoss } from "pg-boss";
import { failOnce, probeBegan, probeStarting, ran } from "../protocol.mjs";

const BulkChunk = 2000;
const Queues = ["step1", "step2", "step2f", "step3", "only", "probe"];

export async function open({ connectionString, schema, concurrency: batchSize }) {
  const boss = new PgBoss({
    connectionString, schema, max: 10, useListenNotify: true, schedule: false, monitorIntervalSeconds: 1, superviseIntervalSeconds: 1, queueCacheIntervalSeconds: 1,
  });
  boss.on("error", (error) => process.stderr.write(`pg-boss: ${error?.stack ?? error}\n`));
  await boss.start();
  for (const name of Queues) {
    // Only the second step of a failing-once pipeline (step2f) is retried, once and at once, as on every system.
    await boss.createQueue(name, { notify: true, retryLimit: name === "step2f" ? 1 : 0, retryDelay: 0, retryBackoff: false });
  }

  const polling = {
    batchSize,
    localConcurrency: batchSize === 1 ? 8 : 2,
    pollingIntervalSeconds: 0.5,
    notifyPollingIntervalSeconds: 0.5,
    burstWhenBatchFull: true,
    burstWhenReadyExceeds: 1,
  };
  // next(job) names the queue of the job's next step, or null after the last step.
  const steps = (name, next) => async (jobs, tx) => {
    const following = new Map();
    for (const job of jobs) {
      ran(name);
      const queue = next(job);
      if (queue) {
        following.set(queue, [...(following.get(queue) ?? []), { data: job.data }]);
      }
    }

    for (const [queue, batch] of following) {
      await boss.insert(queue, batch, { db: tx });
    }
  };
  const last = () => null;

  // pg-boss fails a transactional batch as a whole, so the step that fails once reports each job's outcome instead
  // (perJobResults) and sends the next steps of the jobs that succeeded before the batch's completion is written.
  const failingSecond = async (jobs) => {
    const results = [];
    const succeeded = [];
    for (const job of jobs) {
      ran("step2");
      try {
        if (job.data.f) {
          failOnce(job.data.r);
        }
        succeeded.push({ data: job.data });
        results.push({ id: job.id, status: "completed" });
      } catch (error) {
        results.push({ id: job.id, status: "failed", output: { message: error.message } });
      }
    }

    if (succeeded.length > 0) {
      await boss.insert("step3", succeeded);
    }

    return results;
  };

  return {
    async workers() {
      await boss.work("step1", { ...polling, transactional: true }, steps("step1", (job) => (job.data.f ? "step2f" : "step2")));
      await boss.work("step2", { ...polling, transactional: true }, steps("step2", () => "step3"));
      await boss.work("step2f", { ...polling, perJobResults: true }, failingSecond);
      await boss.work("step3", { ...polling, transactional: true }, steps("step3", last));
      await boss.work("only", { ...polling, transactional: true }, steps("only", last));
      await boss.work("probe", { ...polling, transactional: true }, async (jobs) => jobs.forEach(() => probeBegan()));
    },
    pipeline: (run, failing) => boss.send("step1", { r: Number(run), f: failing === "1" }),
    async pipelines(count) {
      for (let first = 0; first < count; first += BulkChunk) {
        const jobs = [];
        for (let r = first; r < Math.min(count, first + BulkChunk); r++) {
          jobs.push({ data: { r, f: false } });
        }
        await boss.insert("step1", jobs);
      }
    },
    job: (run) => boss.send("only", { r: Number(run) }),
    probe: () => {
      probeStarting();
      return boss.send("probe", {});
    },
    stop: () => boss.stop({ graceful: true, timeout: 5000 }),
  };
}
