// One peer of the side-by-side driver, chosen by its first argument, driven over stdin/stdout (protocol.mjs):
//   node peer.mjs <graphile|pgboss|dbos> <connection string> <schema> <setting>
// setting: graphile-worker's concurrency; pg-boss's batchSize; DBOS's "direct" (in-process start) or "queue".
import { serve } from "./protocol.mjs";

const [system, connectionString, schema, setting] = process.argv.slice(2);
const systems = {
  graphile: () => import("./systems/graphile.mjs"),
  pgboss: () => import("./systems/pgboss.mjs"),
  dbos: () => import("./systems/dbos.mjs"),
};
if (!systems[system] || !connectionString || !schema || !setting) {
  process.stderr.write("usage: node peer.mjs <graphile|pgboss|dbos> <connection string> <schema> <setting>\n");
  process.exit(2);
}

const { open } = await systems[system]();
const peer = await open({ connectionString, schema, setting, concurrency: Number(setting) });
serve({
  workers: () => peer.workers(),
  pipeline: (run, failing) => peer.pipeline(run, failing),
  pipelines: (count) => peer.pipelines(Number(count)),
  job: (run) => peer.job(run),
  probe: () => peer.probe(),
  stop: () => peer.stop(),
});
process.stdout.write("ready\n");
