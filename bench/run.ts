// `npm run bench`: every benchmark prints its figures next to its target. Benchmarks never
// fail the build; they are read by people. The HTTP benchmarks build the app if its sources
// changed and run a production server of their own on 127.0.0.1 (BENCH_PORT, default 3240).
// `npm run bench -- stores server` runs only the named sections.
import { availableParallelism, cpus, totalmem } from 'node:os';
import { runFairnessBench } from './fairness';
import { runHeatmapBench } from './heatmap';
import { runHostileRequestBench } from './hostile-requests';
import { runServerBenches } from './http';
import { runPageWeightBench } from './page-weight';
import { withBenchServer } from './server';
import { runStoreBench } from './stores';

async function main() {
  console.log(
    `node ${process.version}, tzdata ${process.versions.tz ?? 'unknown'}, ICU ${process.versions.icu ?? 'unknown'}`,
  );
  console.log(
    `machine: ${availableParallelism()} cores (${cpus()[0]?.model ?? 'unknown'}), ${(totalmem() / 2 ** 30).toFixed(0)} GB`,
  );
  const chosen = process.argv.slice(2);
  const wanted = (section: string) => chosen.length === 0 || chosen.includes(section);
  if (wanted('fairness')) await runFairnessBench();
  if (wanted('heatmap')) runHeatmapBench();
  if (wanted('server')) {
    await withBenchServer((server) =>
      runServerBenches(server, runPageWeightBench, runHostileRequestBench),
    );
  }
  if (wanted('stores')) await runStoreBench();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
