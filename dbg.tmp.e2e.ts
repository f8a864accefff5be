import { describe, it } from 'vitest';
import { launch, openApp, openNotebook } from './e2e/browser.ts';
