import { afterAll } from 'vitest';
import { removeTempDirs } from './temp-dir.ts';

// Each test file leaves no temporary folders behind.
afterAll(removeTempDirs);
