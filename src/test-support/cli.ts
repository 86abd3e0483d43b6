import { spawn, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { REPO_ROOT } from './reference.ts';

/** What a CLI run printed and how it exited. */
export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

const COMMAND = [process.execPath, ['--import', 'tsx', join(REPO_ROOT, 'src/cli/main.ts')]] as const;

/** The CLI as a user runs it: a real process over real files (asynchronous, so cases run side by side). */
export function runCli(args: string[], options: { input?: string; env?: NodeJS.ProcessEnv } = {}): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(COMMAND[0], [...COMMAND[1], ...args], { cwd: REPO_ROOT, env: options.env ?? process.env });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(options.input ?? '');
  });
}

/** The same, waiting for the process to end. */
export function runCliSync(args: string[], input?: string): CliRun {
  const r = spawnSync(COMMAND[0], [...COMMAND[1], ...args], { cwd: REPO_ROOT, encoding: 'utf8', input });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}
