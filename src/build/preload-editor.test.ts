import { describe, expect, it } from 'vitest';
import { chunkClosure } from './preload-editor.ts';

type Bundle = Parameters<typeof chunkClosure>[0];
const chunk = (fileName: string, imports: string[], extra: object = {}) => ({ type: 'chunk', fileName, imports, isEntry: false, facadeModuleId: null, ...extra });

describe('chunkClosure', () => {
  it('lists the lazy module chunk and what it imports statically, without the entry', () => {
    const bundle = {
      'assets/index.js': chunk('assets/index.js', [], { isEntry: true, facadeModuleId: '/app/src/ui/main.tsx' }),
      'assets/SpecEditor.js': chunk('assets/SpecEditor.js', ['assets/monaco-setup.js', 'assets/index.js'], { facadeModuleId: '/app/src/ui/editor/SpecEditor.tsx' }),
      'assets/monaco-setup.js': chunk('assets/monaco-setup.js', ['assets/editor.api.js', 'assets/index.js']),
      'assets/editor.api.js': chunk('assets/editor.api.js', ['assets/monaco-setup.js']),
      'assets/ParametersForm.js': chunk('assets/ParametersForm.js', ['assets/index.js'], { facadeModuleId: '/app/src/ui/form/ParametersForm.tsx' }),
      'assets/style.css': { type: 'asset', fileName: 'assets/style.css' },
    } as unknown as Bundle;
    expect(chunkClosure(bundle, '/src/ui/editor/SpecEditor.tsx')).toEqual(['assets/SpecEditor.js', 'assets/monaco-setup.js', 'assets/editor.api.js']);
    expect(chunkClosure(bundle, '/src/ui/Nothing.tsx')).toEqual([]);
  });
});
