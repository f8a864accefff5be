// Entry of the kernel as ONE classic script (vite.config.ts builds it as an
// IIFE with every dynamic import inlined): the sandboxed frame starts it from
// a blob: URL, where module workers cannot start. Same kernel, sandboxed mode.
import './sandboxMode.ts';
import './kernel.worker.ts';
