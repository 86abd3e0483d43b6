import { readFileSync } from 'node:fs';

/** A file's text, or undefined when it cannot be read (an optional input such as pixi.lock). */
export function readIfExists(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}
