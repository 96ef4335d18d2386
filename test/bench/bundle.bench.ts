import { execFileSync } from 'node:child_process';
import { rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { it } from 'vitest';
import { useTempDir } from '../helpers/temp-dir';
import { CLI, initCase, mbps, MIB, pseudoRandomPiece, settle, timed, writeFile } from './commands';
import { median } from './stats';

const tempDir = useTempDir();

/**
 * Export and import of a case holding 1 GiB of evidence, against `zip -0` and `unzip` on the
 * same file in the same run (3 alternating runs each, medians, everything synced to disk first),
 * with the CLI's peak RSS; then a 4 GiB export for the memory bound. Timings include the CLI's
 * start-up (~0.3 s) and, for ours, the case snapshot, signing and the fsync of the output.
 */
it('exports and imports a 1 GiB case at a rate comparable to zip -0 and unzip', async () => {
  const dir = tempDir();
  const env = { ...process.env, BREACHDESK_CONFIG_DIR: join(dir, 'config') };
  const source = join(dir, 'evidence.bin');
  await writeFile(source, 1024, pseudoRandomPiece(Buffer.alloc(MIB)));
  const size = statSync(source).size;
  const casePath = join(dir, 'bench.bdcase');
  initCase(casePath, env);
  execFileSync(process.execPath, [CLI, 'evidence', 'add', casePath, source], { env });

  const zips: number[] = [];
  const unzips: number[] = [];
  const exports: { seconds: number; peakMiB: number }[] = [];
  const imports: { seconds: number; peakMiB: number }[] = [];
  const bundle = join(dir, 'bundle.zip');
  const baseline = join(dir, 'baseline.zip');
  const imported = join(dir, 'imported.bdcase');
  const unzipped = join(dir, 'unzipped');
  for (let run = 0; run < 3; run += 1) {
    settle();
    zips.push(timed(['sh', '-c', `zip -0 -q ${baseline} ${source} && sync -f ${baseline}`]).seconds);
    settle();
    exports.push(timed([process.execPath, CLI, 'bundle', 'export', casePath, '-o', bundle], env));
    settle();
    unzips.push(timed(['sh', '-c', `unzip -q -o ${baseline} -d ${unzipped} && sync -f ${unzipped}`]).seconds);
    settle();
    imports.push(timed([process.execPath, CLI, 'bundle', 'import', bundle, '-o', imported], env));
    rmSync(baseline);
    rmSync(bundle);
    rmSync(imported);
    rmSync(unzipped, { recursive: true });
  }
  const zipRate = mbps(size, median(zips));
  const unzipRate = mbps(size, median(unzips));
  const exportRate = mbps(size, median(exports.map((r) => r.seconds)));
  const importRate = mbps(size, median(imports.map((r) => r.seconds)));
  const peak = (runs: { peakMiB: number }[]) => Math.max(...runs.map((r) => r.peakMiB)).toFixed(0);
  console.log(
    [
      `1 GiB bundle export: median ${exportRate.toFixed(0)} MB/s = ${(exportRate / zipRate).toFixed(2)}× zip -0 (${zipRate.toFixed(0)} MB/s); peak RSS ${peak(exports)} MiB; runs ${exports.map((r) => r.seconds.toFixed(2)).join(', ')} s vs ${zips.map((t) => t.toFixed(2)).join(', ')} s`,
      `1 GiB bundle import (verify every hash + write the case): median ${importRate.toFixed(0)} MB/s = ${(importRate / unzipRate).toFixed(2)}× unzip (${unzipRate.toFixed(0)} MB/s); peak RSS ${peak(imports)} MiB; runs ${imports.map((r) => r.seconds.toFixed(2)).join(', ')} s vs ${unzips.map((t) => t.toFixed(2)).join(', ')} s`,
    ].join('\n'),
  );
  rmSync(casePath);
  rmSync(source);

  const huge = join(dir, 'huge.bin');
  await writeFile(huge, 4096, pseudoRandomPiece(Buffer.alloc(MIB)));
  const hugeCase = join(dir, 'huge.bdcase');
  initCase(hugeCase, env);
  execFileSync(process.execPath, [CLI, 'evidence', 'add', hugeCase, huge], { env });
  rmSync(huge);
  settle();
  const four = timed([process.execPath, CLI, 'bundle', 'export', hugeCase, '-o', bundle], env);
  settle();
  const fourImport = timed([process.execPath, CLI, 'bundle', 'import', bundle, '-o', imported], env);
  console.log(
    `4 GiB bundle export: ${mbps(4096 * MIB, four.seconds).toFixed(0)} MB/s, peak RSS ${four.peakMiB.toFixed(0)} MiB; import ${mbps(4096 * MIB, fourImport.seconds).toFixed(0)} MB/s, peak RSS ${fourImport.peakMiB.toFixed(0)} MiB`,
  );
});
