// One LSTM step as a single tfjs kernel on the WASM backend, with its
// gradient as a second one. Built from ops, a step is ~13 ops forward and
// ~35 backward (the hard sigmoid's clip alone has four in its gradient), and
// on WASM each op's dispatch costs more than its arithmetic on a small
// batch. Here the step's element-wise maths runs as one JavaScript loop on
// the WASM heap (src/ml/wasm-heap.ts); the matMuls stay XNNPACK's.
//
// Inputs: x, the step's input projection x·W + b, and r = h·U, both
// [batch, 4·units] (gates i, f, c, o), and the cell state c [batch, units].
// Outputs: h and the new c. Keras's maths (recurrent.ts): gates
// hardSigmoid(u) = clip(0.2·z + 0.5, 0, 1), activation tanh, in float32.
// The forward pass keeps u for i, f, o, tanh(z_c) and tanh(c') for the
// gradient in a buffer carried by the call's attributes, so the backward
// pass computes no tanh. tanh is Math.tanh rounded to float32 (the WASM
// kernel's tanhf can differ in the last bit; the tests compare with the ops).
import { tf } from '../tf.ts';
import { activeWasmBackend, heapF32, type TensorInfo, type WasmHeapBackend } from '../wasm-heap.ts';
import { clip01, dGate, f, kernelPair, preClip, type CellKernelArgs } from './cell-kernel-common.ts';

const CELL = 'WorkbenchLstmCell';
const CELL_GRAD = 'WorkbenchLstmCellGrad';

interface CellAttrs {
  /** Per element of [batch, units]: u_i, u_f, tanh(z_c), u_o, tanh(c'), filled by the forward kernel. */
  cache: Float32Array;
  [key: string]: unknown;
}

function cellForward(args: CellKernelArgs): TensorInfo[] {
  const backend = args.backend as WasmHeapBackend;
  const { x, r, c } = args.inputs as { x: TensorInfo; r: TensorInfo; c: TensorInfo };
  const cache = (args.attrs as CellAttrs).cache;
  const [batch, units] = c.shape;
  const hOut = backend.makeOutput([batch, units], 'float32');
  const cOut = backend.makeOutput([batch, units], 'float32');
  const X = heapF32(backend, x);
  const R = heapF32(backend, r);
  const C = heapF32(backend, c);
  const H = heapF32(backend, hOut);
  const C2 = heapF32(backend, cOut);
  const width = 4 * units;
  for (let b = 0; b < batch; b++) {
    const row = b * width;
    for (let j = 0; j < units; j++) {
      const k = row + j;
      const ui = preClip(f(X[k] + R[k]));
      const uf = preClip(f(X[k + units] + R[k + units]));
      const g = f(Math.tanh(f(X[k + 2 * units] + R[k + 2 * units])));
      const uo = preClip(f(X[k + 3 * units] + R[k + 3 * units]));
      const e = b * units + j;
      const cNew = f(f(clip01(uf) * C[e]) + f(clip01(ui) * g));
      const tc = f(Math.tanh(cNew));
      C2[e] = cNew;
      H[e] = f(clip01(uo) * tc);
      const at = 5 * e;
      cache[at] = ui;
      cache[at + 1] = uf;
      cache[at + 2] = g;
      cache[at + 3] = uo;
      cache[at + 4] = tc;
    }
  }
  return [hOut, cOut];
}

function cellBackward(args: CellKernelArgs): TensorInfo[] {
  const backend = args.backend as WasmHeapBackend;
  const { dh, dc, c } = args.inputs as { dh: TensorInfo; dc: TensorInfo; c: TensorInfo };
  const cache = (args.attrs as CellAttrs).cache;
  const [batch, units] = c.shape;
  const dzOut = backend.makeOutput([batch, 4 * units], 'float32');
  const dcOut = backend.makeOutput([batch, units], 'float32');
  const DH = heapF32(backend, dh);
  const DC = heapF32(backend, dc);
  const C = heapF32(backend, c);
  const DZ = heapF32(backend, dzOut);
  const DCP = heapF32(backend, dcOut);
  for (let b = 0; b < batch; b++) {
    const row = b * 4 * units;
    for (let j = 0; j < units; j++) {
      const e = b * units + j;
      const at = 5 * e;
      const ui = cache[at];
      const uf = cache[at + 1];
      const g = cache[at + 2];
      const uo = cache[at + 3];
      const tc = cache[at + 4];
      const dhe = DH[e];
      const dcTotal = f(DC[e] + f(f(dhe * clip01(uo)) * f(1 - f(tc * tc))));
      const k = row + j;
      DZ[k] = dGate(f(dcTotal * g), ui);
      DZ[k + units] = dGate(f(dcTotal * C[e]), uf);
      DZ[k + 2 * units] = f(f(dcTotal * clip01(ui)) * f(1 - f(g * g)));
      DZ[k + 3 * units] = dGate(f(dhe * tc), uo);
      DCP[e] = f(dcTotal * clip01(uf));
    }
  }
  return [dzOut, dcOut];
}

const register = kernelPair({
  name: CELL,
  forward: cellForward,
  gradName: CELL_GRAD,
  backward: cellBackward,
  gradient: {
    inputsToSave: ['c'],
    gradFunc: (dys, saved, attrs) => {
      const [dh, dc] = dys as tf.Tensor[];
      const [c] = saved;
      const [dz, dcPrev] = tf.engine().runKernel(CELL_GRAD, { dh, dc, c }, attrs as never) as tf.Tensor[];
      // x and r enter the gates as x + r: both get dz (a reshape: another tensor on the same data, like tfjs's Add).
      return { x: () => dz, r: () => dz.reshape(dz.shape), c: () => dcPrev };
    },
  },
});

/**
 * One LSTM step as one kernel: [h, c'] from the input projection x, the
 * recurrent product r and the state c. Undefined off the WASM backend
 * (there the ops in recurrent.ts run).
 */
export function lstmCellFused(x: tf.Tensor2D, r: tf.Tensor2D, c: tf.Tensor2D): [tf.Tensor2D, tf.Tensor2D] | undefined {
  if (!activeWasmBackend()) return undefined;
  register();
  const attrs: CellAttrs = { cache: new Float32Array(5 * c.size) };
  const [h, cNew] = tf.engine().runKernel(CELL, { x, r, c }, attrs as never) as tf.Tensor[];
  return [h as tf.Tensor2D, cNew as tf.Tensor2D];
}
