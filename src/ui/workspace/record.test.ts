import { describe, expect, test } from 'vitest';
import { parseWorkspaceRecord } from './record.ts';

describe('stored workspace records', () => {
  test('a good record is read back, unknown file roles dropped', () => {
    expect(parseWorkspaceRecord({ id: 'a', name: 'A', files: { spec: 'id: a\n', junk: 1 }, revision: 2, updatedAt: 5 })).toEqual({
      workspace: { id: 'a', name: 'A', files: { spec: 'id: a\n' }, revision: 2, updatedAt: 5 },
    });
  });

  test.each([
    [null, 'it is not an object'],
    ['text', 'it is not an object'],
    [{ name: 'A', files: {}, revision: 1, updatedAt: 1 }, 'it has no id'],
    [{ id: 'a', name: 42, files: {}, revision: 1, updatedAt: 1 }, 'its name is not text'],
    [{ id: 'a', name: 'A', files: null, revision: 1, updatedAt: 1 }, 'it holds no files'],
    [{ id: 'a', name: 'A', files: [], revision: 1, updatedAt: 1 }, 'it holds no files'],
    [{ id: 'a', name: 'A', files: { spec: 7 }, revision: 1, updatedAt: 1 }, 'its spec.yaml is not text'],
    [{ id: 'a', name: 'A', files: {}, revision: '1', updatedAt: 1 }, 'its revision is not a number'],
    [{ id: 'a', name: 'A', files: {}, revision: 1 }, 'its save time is not a number'],
  ])('%j is refused: %s', (record, error) => {
    expect(parseWorkspaceRecord(record)).toEqual({ error });
  });
});
