import { describe, expect, it } from 'vitest';
import { CliError } from './cli-error.ts';
import { CoreRunner, coreTimeoutMs } from './core-call.ts';
import { terminalSafe, terminalSafeJson } from './terminal-text.ts';

describe('the CLI watchdog', () => {
  it('stops a job stuck in an endless synchronous loop and rejects with exit code 1', async () => {
    const runner = new CoreRunner(new URL('./test-fixtures/hanging-worker.ts', import.meta.url), 100_000);
    // The thread is up and answering; then a job that never returns gets 300 ms.
    expect(await runner.call('pinging', 'check', 'ping', '')).toBe('pong');
    runner.timeoutMs = 300;
    const error = await runner.call('checking the spec', 'check', 'id: x\n', '{}').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CliError);
    expect((error as CliError).exitCode).toBe(1);
    expect((error as CliError).message).toMatch(/^checking the spec did not finish within 300 ms, so it was stopped\./);
    await runner.close();
  }, 120_000);

  it('reads its limit from WT_CLI_TIMEOUT_MS (default 60 s)', () => {
    expect(coreTimeoutMs({})).toBe(60_000);
    expect(coreTimeoutMs({ WT_CLI_TIMEOUT_MS: '250' })).toBe(250);
    expect(coreTimeoutMs({ WT_CLI_TIMEOUT_MS: 'soon' })).toBe(60_000);
  });
});

describe('terminalSafe', () => {
  it('writes control characters as visible escapes and leaves other text alone', () => {
    expect(terminalSafe('a\u001b[2Jb\u001b]0;title\u0007c\r\n\t\u0000\u007f\u009b\u202eé✓')).toBe('a\\e[2Jb\\e]0;title\\x07c\\r\\n\\t\\x00\\x7f\\x9b\\u202eé✓');
  });

  it('keeps JSON valid and equal while escaping what JSON.stringify leaves raw', () => {
    const value = { m: 'x\u009b31m\u202ey\u001b' };
    const safe = terminalSafeJson(JSON.stringify(value));
    expect(safe).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u202e]/);
    expect(JSON.parse(safe)).toEqual(value);
  });
});
