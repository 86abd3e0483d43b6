import { describe, expect, it } from 'vitest';
import { dirname, isAbsolutePath, normalizePath, resolvePath } from './paths.ts';

describe('paths', () => {
  it('resolves relative paths against a folder, POSIX style', () => {
    expect(resolvePath('/repo/tests/reverse_integration', '../../wt-task')).toBe('/repo/wt-task');
    expect(resolvePath('/repo', './pkgs//a/.')).toBe('/repo/pkgs/a');
    expect(resolvePath('/repo', '../../../x')).toBe('/x');
    expect(resolvePath('rel/dir', '../x')).toBe('rel/x');
    expect(resolvePath('.', '../x')).toBe('../x');
  });

  it('leaves absolute paths alone apart from normalising them', () => {
    expect(resolvePath('/repo', '/opt/pkg/')).toBe('/opt/pkg');
    expect(resolvePath('/repo', 'C:\\src\\pkg')).toBe('C:\\src\\pkg');
    expect(resolvePath('C:\\work', 'pkg')).toBe('C:\\work/pkg');
  });

  it('dirname, isAbsolutePath, normalizePath', () => {
    expect(dirname('/a/b/overrides.toml')).toBe('/a/b');
    expect(dirname('overrides.toml')).toBe('.');
    expect(dirname('/overrides.toml')).toBe('/');
    expect(dirname('C:\\a\\o.toml')).toBe('C:\\a');
    expect(isAbsolutePath('/x')).toBe(true);
    expect(isAbsolutePath('D:/x')).toBe(true);
    expect(isAbsolutePath('\\\\server\\share')).toBe(true);
    expect(isAbsolutePath('x/y')).toBe(false);
    expect(normalizePath('/a/../../b')).toBe('/b');
    expect(normalizePath('a/..')).toBe('.');
  });
});
