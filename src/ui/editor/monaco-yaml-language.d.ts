// Monaco's built-in YAML language definition ships without types; only its configuration is read.
declare module 'monaco-editor/languages/definitions/yaml/yaml' {
  import type { languages } from 'monaco-editor';
  export const conf: languages.LanguageConfiguration;
}
