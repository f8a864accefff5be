// The single place the ML layer imports tfjs from. '@tensorflow/tfjs' works
// in Node ESM and under Vitest (checked with 4.22: core, layers, cpu, webgl
// register; webgl is simply absent from the registry in Node).
import * as tf from '@tensorflow/tfjs';

export { tf };
