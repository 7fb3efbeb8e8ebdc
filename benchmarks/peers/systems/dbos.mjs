// DBOS Transact 5.3 in this process: a pipeline is a workflow of three steps. "direct" starts each workflow with
// DBOS.startWorkflow, which records it and runs it here at once (DBOS's in-process start); "queue" enqueues it on a
// queue polled every 50 ms (minPollingIntervalMs; the default is 1 s), which any process of the app may dequeue.
// A drain needs waiting work: the queue is filled by a launch that listens to no queue, then DBOS is launched again
// listening to it.
import { DBOS } from "@dbos-inc/dbos-sdk";
import { failOnce, probeBegan, probeStarting, ran, startAll } from "../protocol.mjs";

const QueueName = "sbs";
const Pool = 10;

const quiet = {
  debug() {}, info() {}, warn() {},
  error(message) { process.stderr.write(`dbos: ${message?.stack ?? message}\n`); },
};

const step = (name, work = () => {}) => DBOS.runStep(async () => {
  ran(name);
  work();
}, { name });

const pipeline = DBOS.registerWorkflow(async (run, failing) => {
  await step("step1");
  await DBOS.runStep(async () => {
    ran("step2");
    if (failing) {
      failOnce(run);
    }
  }, { name: "step2", retriesAllowed: failing, intervalSeconds: 0, maxAttempts: 2, backoffRate: 1 });
  await step("step3");
}, { name: "pipeline" });

const oneStep = DBOS.registerWorkflow(async () => step("only"), { name: "one-step" });
const probe = DBOS.registerWorkflow(async () => DBOS.runStep(async () => probeBegan(), { name: "probe" }), { name: "probe" });

export async function open({ connectionString, schema, setting }) {
  if (setting !== "direct" && setting !== "queue") {
    throw new Error(`DBOS setting is direct or queue, got '${setting}'`);
  }

  const launch = async (listenQueues) => {
    DBOS.setConfig({
      name: "sbs",
      systemDatabaseUrl: connectionString,
      systemDatabaseSchemaName: schema,
      systemDatabasePoolSize: Pool,
      logger: quiet,
      listenQueues,
    });
    await DBOS.launch();
    await DBOS.registerQueue(QueueName, { minPollingIntervalMs: 50 });
  };
  const params = setting === "queue" ? { queueName: QueueName } : {};
  let filling = false;

  return {
    async workers() {
      if (filling) {
        await DBOS.shutdown();
      }
      await launch(undefined);
    },
    pipeline: (run, failing) => DBOS.startWorkflow(pipeline, params)(Number(run), failing === "1"),
    // DBOS has no bulk start: a queue is filled by enqueueing each workflow, as many at a time as its pool allows.
    async pipelines(count) {
      if (setting !== "queue") {
        throw new Error("DBOS's in-process start has no waiting work to drain; the queue setting fills one");
      }
      filling = true;
      await launch(["none"]);
      await startAll(count, Pool, (run) => DBOS.startWorkflow(pipeline, params)(run, false));
    },
    job: (run) => DBOS.startWorkflow(oneStep, params)(Number(run)),
    probe: () => {
      probeStarting();
      return DBOS.startWorkflow(probe, params)();
    },
    stop: () => DBOS.shutdown(),
  };
}
