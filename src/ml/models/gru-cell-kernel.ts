// One GRU step as two tfjs kernels on the WASM backend, each with a
// gradient kernel, around the step's two matMuls (which stay XNNPACK's).
// Built from ops a step is 14 ops besides the matMuls forward (more than
// twice that backward: the hard sigmoid's clip gradient alone is four),
// and on WASM each op's dispatch costs more than its arithmetic on a small
// batch; the element-wise maths runs here as JavaScript loops on the WASM
// heap (src/ml/wasm-heap.ts), like lstm-cell-kernel.ts.
//
// Keras's GRU (recurrent.ts): x = x_t·W + b and r1 = h·U[:, :2u] give the
// gates z, r = hardSigmoid(x_zr + r1); the candidate needs r first,
// ĥ = tanh(x_h + (r∘h)·U[:, 2u:]); then h' = z∘h + (1 − z)∘ĥ. So:
//   gates kernel:  (x, r1, h) → r∘h and zx = [z, x_h]
//   (tf.matMul)    m = (r∘h)·U[:, 2u:]
//   output kernel: (zx, m, h) → h'
// zx carries x_h to the output kernel so that x and r1 feed only the gates
// kernel: its gradient then writes their whole gradients (no adds of
// partial ones). The forward kernels keep u_z, u_r and ĥ in a buffer carried
// by the step's attributes, so the backward pass computes no tanh.
import { tf } from '../tf.ts';
import { activeWasmBackend, heapF32, type TensorInfo, type WasmHeapBackend } from '../wasm-heap.ts';
import { clip01, dGate, f, kernelPair, preClip, type CellKernelArgs } from './cell-kernel-common.ts';

const GATES = 'WorkbenchGruGates';
const GATES_GRAD = 'WorkbenchGruGatesGrad';
const OUTPUT = 'WorkbenchGruOutput';
const OUTPUT_GRAD = 'WorkbenchGruOutputGrad';

interface StepAttrs {
  /** Per element of [batch, units]: u_z, u_r (gates kernel), ĥ (output kernel). */
  cache: Float32Array;
  [key: string]: unknown;
}

const cacheOf = (args: CellKernelArgs) => (args.attrs as StepAttrs).cache;

function gatesForward(args: CellKernelArgs): TensorInfo[] {
  const backend = args.backend as WasmHeapBackend;
  const { x, r1, h } = args.inputs as { x: TensorInfo; r1: TensorInfo; h: TensorInfo };
  const cache = cacheOf(args);
  const [batch, units] = h.shape;
  const rhOut = backend.makeOutput([batch, units], 'float32');
  const zxOut = backend.makeOutput([batch, 2 * units], 'float32');
  const X = heapF32(backend, x);
  const R1 = heapF32(backend, r1);
  const H = heapF32(backend, h);
  const RH = heapF32(backend, rhOut);
  const ZX = heapF32(backend, zxOut);
  for (let b = 0; b < batch; b++) {
    for (let j = 0; j < units; j++) {
      const e = b * units + j;
      const xk = 3 * b * units + j;
      const rk = 2 * b * units + j;
      const uz = preClip(f(X[xk] + R1[rk]));
      const ur = preClip(f(X[xk + units] + R1[rk + units]));
      RH[e] = f(clip01(ur) * H[e]);
      ZX[rk] = clip01(uz);
      ZX[rk + units] = X[xk + 2 * units];
      cache[3 * e] = uz;
      cache[3 * e + 1] = ur;
    }
  }
  return [rhOut, zxOut];
}

function outputForward(args: CellKernelArgs): TensorInfo[] {
  const backend = args.backend as WasmHeapBackend;
  const { zx, m, h } = args.inputs as { zx: TensorInfo; m: TensorInfo; h: TensorInfo };
  const cache = cacheOf(args);
  const [batch, units] = h.shape;
  const hOut = backend.makeOutput([batch, units], 'float32');
  const ZX = heapF32(backend, zx);
  const M = heapF32(backend, m);
  const H = heapF32(backend, h);
  const H2 = heapF32(backend, hOut);
  for (let b = 0; b < batch; b++) {
    for (let j = 0; j < units; j++) {
      const e = b * units + j;
      const zk = 2 * b * units + j;
      const z = ZX[zk];
      const candidate = f(Math.tanh(f(ZX[zk + units] + M[e])));
      H2[e] = f(f(z * H[e]) + f(f(1 - z) * candidate));
      cache[3 * e + 2] = candidate;
    }
  }
  return [hOut];
}

/** (dh', zx, h) → dzx = [dz, dx_h], dm, and h's share through z∘h. */
function outputBackward(args: CellKernelArgs): TensorInfo[] {
  const backend = args.backend as WasmHeapBackend;
  const { dy, zx, h } = args.inputs as { dy: TensorInfo; zx: TensorInfo; h: TensorInfo };
  const cache = cacheOf(args);
  const [batch, units] = h.shape;
  const dzxOut = backend.makeOutput([batch, 2 * units], 'float32');
  const dmOut = backend.makeOutput([batch, units], 'float32');
  const dhOut = backend.makeOutput([batch, units], 'float32');
  const DY = heapF32(backend, dy);
  const ZX = heapF32(backend, zx);
  const H = heapF32(backend, h);
  const DZX = heapF32(backend, dzxOut);
  const DM = heapF32(backend, dmOut);
  const DH = heapF32(backend, dhOut);
  for (let b = 0; b < batch; b++) {
    for (let j = 0; j < units; j++) {
      const e = b * units + j;
      const zk = 2 * b * units + j;
      const z = ZX[zk];
      const candidate = cache[3 * e + 2];
      const d = DY[e];
      const dPre = f(f(d * f(1 - z)) * f(1 - f(candidate * candidate)));
      DZX[zk] = f(f(d * H[e]) - f(d * candidate));
      DZX[zk + units] = dPre;
      DM[e] = dPre;
      DH[e] = f(d * z);
    }
  }
  return [dzxOut, dmOut, dhOut];
}

/** (d(r∘h), dzx, h) → dx, dr1, and h's share through r∘h. */
function gatesBackward(args: CellKernelArgs): TensorInfo[] {
  const backend = args.backend as WasmHeapBackend;
  const { drh, dzx, h } = args.inputs as { drh: TensorInfo; dzx: TensorInfo; h: TensorInfo };
  const cache = cacheOf(args);
  const [batch, units] = h.shape;
  const dxOut = backend.makeOutput([batch, 3 * units], 'float32');
  const dr1Out = backend.makeOutput([batch, 2 * units], 'float32');
  const dhOut = backend.makeOutput([batch, units], 'float32');
  const DRH = heapF32(backend, drh);
  const DZX = heapF32(backend, dzx);
  const H = heapF32(backend, h);
  const DX = heapF32(backend, dxOut);
  const DR1 = heapF32(backend, dr1Out);
  const DH = heapF32(backend, dhOut);
  for (let b = 0; b < batch; b++) {
    for (let j = 0; j < units; j++) {
      const e = b * units + j;
      const xk = 3 * b * units + j;
      const rk = 2 * b * units + j;
      const ur = cache[3 * e + 1];
      const dz = dGate(DZX[rk], cache[3 * e]);
      const dr = dGate(f(DRH[e] * H[e]), ur);
      DX[xk] = dz;
      DX[xk + units] = dr;
      DX[xk + 2 * units] = DZX[rk + units];
      DR1[rk] = dz;
      DR1[rk + units] = dr;
      DH[e] = f(DRH[e] * clip01(ur));
    }
  }
  return [dxOut, dr1Out, dhOut];
}

/** A kernel's output gradient(s): a Tensor for one output, an array for several. */
const gradList = (dys: tf.Tensor | tf.Tensor[]) => (Array.isArray(dys) ? dys : [dys]);

const registerGates = kernelPair({
  name: GATES,
  forward: gatesForward,
  gradName: GATES_GRAD,
  backward: gatesBackward,
  gradient: {
    inputsToSave: ['h'],
    gradFunc: (dys, saved, attrs) => {
      const [drh, dzx] = gradList(dys);
      const [dx, dr1, dh] = tf.engine().runKernel(GATES_GRAD, { drh, dzx, h: saved[0] }, attrs as never) as tf.Tensor[];
      return { x: () => dx, r1: () => dr1, h: () => dh };
    },
  },
});

const registerOutput = kernelPair({
  name: OUTPUT,
  forward: outputForward,
  gradName: OUTPUT_GRAD,
  backward: outputBackward,
  gradient: {
    inputsToSave: ['zx', 'h'],
    gradFunc: (dys, saved, attrs) => {
      const [dy] = gradList(dys);
      const [zx, h] = saved;
      const [dzx, dm, dh] = tf.engine().runKernel(OUTPUT_GRAD, { dy, zx, h }, attrs as never) as tf.Tensor[];
      return { zx: () => dzx, m: () => dm, h: () => dh };
    },
  },
});

/**
 * One GRU step: h' from the input projection x [batch, 3·units], the state h
 * and the recurrent kernel's two parts (rk1 = U[:, :2u], rk2 = U[:, 2u:]).
 * Undefined off the WASM backend (there the ops in recurrent.ts run).
 */
export function gruStepFused(x: tf.Tensor2D, h: tf.Tensor2D, rk1: tf.Tensor2D, rk2: tf.Tensor2D): tf.Tensor2D | undefined {
  if (!activeWasmBackend()) return undefined;
  registerGates();
  registerOutput();
  const attrs: StepAttrs = { cache: new Float32Array(3 * h.size) };
  const r1 = tf.matMul(h, rk1);
  const [rh, zx] = tf.engine().runKernel(GATES, { x, r1, h }, attrs as never) as tf.Tensor[];
  const m = tf.matMul(rh, rk2);
  // A kernel that returns an array of outputs gives an array, even of one.
  const [next] = tf.engine().runKernel(OUTPUT, { zx, m, h }, attrs as never) as tf.Tensor[];
  return next as tf.Tensor2D;
}
