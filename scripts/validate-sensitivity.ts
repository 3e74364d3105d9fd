/**
 * Prints the verification numbers of docs/validation.md §8: Sobol indices of the Ishigami and g-functions
 * (estimate, bootstrap SE, analytic value) with the sample sizes of test/methods/sensitivity.test.ts.
 *
 *   node --import tsx scripts/validate-sensitivity.ts
 */
import { RandomStream } from '../src/core/random/stream.ts';
import { saltelliDesign, sobolIndices } from '../src/tasks/methods/saltelli.ts';
import { gFunction, gFunctionIndices, ishigami, ishigamiIndices } from '../test/methods/testFunctions.ts';

function run(name: string, d: number, n: number, seed: number, f: (u: Float64Array) => number, truth: { S1: number[]; ST: number[] }): void {
  const design = saltelliDesign(d, n, RandomStream.fromSeed(seed, [name === 'ishigami' ? 'ishigami' : 'g']));
  const y = new Float64Array(design.points.length / d);
  for (let i = 0; i < y.length; i++) y[i] = f(design.points.subarray(i * d, (i + 1) * d));
  const ix = sobolIndices(design, y, RandomStream.fromSeed(seed, ['boot']), 400);
  console.log(`\n${name}: N = ${n}, ${y.length} runs`);
  console.log('| factor | S1 (est ± SE) | S1 analytic | ST (est ± SE) | ST analytic |');
  for (let i = 0; i < d; i++) {
    console.log(`| x${i + 1} | ${ix.S1[i].toFixed(4)} ± ${ix.S1Se[i].toFixed(4)} | ${truth.S1[i].toFixed(4)} | ${ix.ST[i].toFixed(4)} ± ${ix.STSe[i].toFixed(4)} | ${truth.ST[i].toFixed(4)} |`);
  }
}

run('ishigami', 3, 4096, 5, (u) => ishigami(u), ishigamiIndices());
const a = [0, 1, 4.5, 9, 99, 99, 99, 99];
run('g-function', a.length, 2048, 6, (u) => gFunction(u, a), gFunctionIndices(a));
