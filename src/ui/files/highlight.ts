/** Syntax highlighting for generated files, through Monaco's tokenizers (loaded with the editor). */

const LANGUAGES: Array<[RegExp, string]> = [
  [/\.py$/, 'python'],
  [/\.json$/, 'json'],
  [/\.ya?ml$/, 'yaml'],
  [/\.toml$/, 'ini'], // Monaco has no TOML grammar; ini tokenises its tables, keys and strings well enough
  [/\.md$/, 'markdown'],
  [/(^|\/)Dockerfile$/, 'dockerfile'],
  [/\.dot$/, 'plaintext'],
];

/** The Monaco language id for a path. */
export function languageOf(path: string): string {
  return LANGUAGES.find(([re]) => re.test(path))?.[1] ?? 'plaintext';
}

/** HTML with token spans (Monaco escapes the text), or undefined for files too large to colour quickly. */
export async function highlight(path: string, text: string): Promise<string | undefined> {
  if (text.length > 200_000 || languageOf(path) === 'plaintext') return undefined;
  const { monaco } = await import('../editor/monaco-setup.ts');
  return monaco.editor.colorize(text, languageOf(path), { tabSize: 4 });
}
