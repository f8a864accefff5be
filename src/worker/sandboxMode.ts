// Imported first by kernel.sandbox.ts: modules run in import order, so the
// kernel (imported next) starts in sandboxed mode.
import { markSandboxed } from './mode.ts';

markSandboxed();
