// `npm run bench`: every benchmark prints its figures next to its target. Benchmarks never
// fail the build; they are read by people.
import { runFairnessBench } from './fairness';
import { runHeatmapBench } from './heatmap';

async function main() {
  console.log(`node ${process.version}, tzdata ${process.versions.tz ?? 'unknown'}, ICU ${process.versions.icu ?? 'unknown'}`);
  await runFairnessBench();
  runHeatmapBench();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
