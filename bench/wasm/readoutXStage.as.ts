// AssemblyScript source of bench/wasm/readoutXStage.wasm: the x stage of the perifollicular readout
// (src/microenv/perifollicularKernel.ts, averageFields) in the layout of bench/readout.bench.ts, as scalar
// wasm and as f64x2 SIMD, to measure what compiling the hot loops would buy (issue 10, "Speed").
// Rebuild (not part of the build; the .wasm is committed, 621 bytes):
//   npx -y assemblyscript@0.28 asc bench/wasm/readoutXStage.as.ts -O3 --enable simd --runtime stub -o bench/wasm/readoutXStage.wasm
// cols[(c·k + j)·rows + r] = Σ_x W[c·nx + x] · F[(j·rows + r)·nx + x0_c + x], two rows per pass.

export function xstage(F: usize, W: usize, x0s: usize, xls: usize, cols: usize, classes: i32, k: i32, rows: i32, nx: i32): void {
  for (let c = 0; c < classes; c++) {
    const x0 = load<i32>(x0s + (<usize>c << 2));
    const xl = load<i32>(xls + (<usize>c << 2));
    const wb = W + (<usize>(c * nx) << 3);
    for (let j = 0; j < k; j++) {
      const ob = cols + (<usize>((c * k + j) * rows) << 3);
      for (let r = 0; r < rows; r += 2) {
        let s: f64 = 0, t: f64 = 0;
        const q = F + (<usize>((j * rows + r) * nx + x0) << 3);
        const q2 = q + (<usize>nx << 3);
        for (let x = 0; x < xl; x++) {
          const w = load<f64>(wb + (<usize>x << 3));
          s += w * load<f64>(q + (<usize>x << 3));
          t += w * load<f64>(q2 + (<usize>x << 3));
        }
        store<f64>(ob + (<usize>r << 3), s);
        store<f64>(ob + (<usize>(r + 1) << 3), t);
      }
    }
  }
}

export function xstageSimd(F: usize, W: usize, x0s: usize, xls: usize, cols: usize, classes: i32, k: i32, rows: i32, nx: i32): void {
  for (let c = 0; c < classes; c++) {
    const x0 = load<i32>(x0s + (<usize>c << 2));
    const xl = load<i32>(xls + (<usize>c << 2));
    const wb = W + (<usize>(c * nx) << 3);
    for (let j = 0; j < k; j++) {
      const ob = cols + (<usize>((c * k + j) * rows) << 3);
      for (let r = 0; r < rows; r += 2) {
        let st = f64x2.splat(0);
        const q = F + (<usize>((j * rows + r) * nx + x0) << 3);
        const q2 = q + (<usize>nx << 3);
        for (let x = 0; x < xl; x++) {
          const w = f64x2.splat(load<f64>(wb + (<usize>x << 3)));
          const v = f64x2.replace_lane(f64x2.splat(load<f64>(q + (<usize>x << 3))), 1, load<f64>(q2 + (<usize>x << 3)));
          st = f64x2.add(st, f64x2.mul(w, v));
        }
        v128.store(ob + (<usize>r << 3), st);
      }
    }
  }
}
