import { loader } from '@monaco-editor/react';
import * as monaco from './monaco-lite.ts';
import EditorWorker from 'monaco-editor/editor/editor.worker?worker';
import JsonWorker from 'monaco-editor/language/json/json.worker?worker';
import { configureMonacoYaml } from 'monaco-yaml';
import { withoutRemoteImages } from '../form/no-remote-images.ts';
import { listItemEnterRules } from './enter-rules.ts';
import { SPEC_SCHEMA } from './spec-schema.ts';
import { hoverMarkdown, suggestions, type EditorData, type Suggestion } from './suggestions.ts';
import { completionContext, hoverTarget } from './yaml-context.ts';
import YamlWorker from './yaml.worker.ts?worker';

/**
 * Monaco, bundled and offline (toolchain.md §2): our own workers, @monaco-editor/react pointed at
 * this instance instead of its CDN, monaco-yaml through the createWebWorker shim, and the spec
 * completion and hover providers. Imported only by the lazily loaded editor.
 */

/** The URI of the spec model: the providers answer for this model only. */
export const SPEC_URI = 'file:///workspace/spec.yaml';

globalThis.MonacoEnvironment = {
  getWorker: (_id: string, label: string) => (label === 'yaml' ? new YamlWorker() : label === 'json' ? new JsonWorker() : new EditorWorker()),
};

// Without this @monaco-editor/react fetches Monaco from cdn.jsdelivr.net.
loader.config({ monaco });

// monaco-yaml 5.5.1 still calls createWebWorker({moduleId, label, createData}); monaco 0.57 wants
// {worker}. Create the worker here and send the two messages monaco's own factory would send.
interface LegacyWorkerOptions {
  worker?: Worker;
  createData?: unknown;
  host?: Record<string, (...args: unknown[]) => unknown>;
  keepIdleModels?: boolean;
}
const monacoForYaml = {
  ...monaco,
  editor: {
    ...monaco.editor,
    createWebWorker: (opts: LegacyWorkerOptions) => {
      if (opts.worker) return monaco.editor.createWebWorker(opts as monaco.editor.IInternalWebWorkerOptions);
      const worker = new YamlWorker();
      worker.postMessage('ignore');
      worker.postMessage(opts.createData);
      return monaco.editor.createWebWorker({ worker, host: opts.host, keepIdleModels: opts.keepIdleModels });
    },
  },
};

configureMonacoYaml(monacoForYaml as unknown as Parameters<typeof configureMonacoYaml>[0], {
  enableSchemaRequest: false,
  // Diagnostics come from core (the Problems panel and the markers agree); monaco-yaml adds
  // schema-driven key completion, hover, folding and formatting.
  validate: false,
  hoverSchemaSource: false,
  schemas: [{ uri: 'inmemory://schemas/wt-spec.json', fileMatch: ['**/spec.yaml'], schema: SPEC_SCHEMA }],
});

// Enter in a sequence item lines up with the item's keys (enter-rules.ts). Monaco's own YAML
// configuration is registered once its lazy module loads and, being later, would replace these
// rules: register after it, keeping its rules behind ours.
monaco.languages.onLanguageEncountered('yaml', () => {
  void import('monaco-editor/languages/definitions/yaml/yaml').then(({ conf }) =>
    setTimeout(() =>
      monaco.languages.setLanguageConfiguration('yaml', {
        onEnterRules: [
          ...listItemEnterRules().map((r) => ({ beforeText: r.beforeText, action: { indentAction: monaco.languages.IndentAction.None, appendText: r.appendText } })),
          ...(conf.onEnterRules ?? []),
        ],
      }),
    ),
  );
});

/** What the providers know: set by the mounted editor whenever its props change. */
export const editorData: EditorData = { tasks: [], instances: [] };

const KINDS: Record<Suggestion['kind'], monaco.languages.CompletionItemKind> = {
  task: monaco.languages.CompletionItemKind.Function,
  parameter: monaco.languages.CompletionItemKind.Property,
  reference: monaco.languages.CompletionItemKind.Reference,
  env: monaco.languages.CompletionItemKind.Variable,
};

monaco.languages.registerCompletionItemProvider('yaml', {
  triggerCharacters: [' ', '.', '{'],
  provideCompletionItems(model, position) {
    if (model.uri.toString() !== SPEC_URI) return { suggestions: [] };
    const ctx = completionContext(model.getValue(), position.lineNumber, position.column);
    if (ctx.kind === 'none') return { suggestions: [] };
    const range = new monaco.Range(position.lineNumber, ctx.from, position.lineNumber, ctx.to);
    return {
      suggestions: suggestions(ctx, editorData).map((s) => ({
        label: s.label,
        kind: KINDS[s.kind],
        insertText: s.insertText,
        detail: s.detail,
        documentation: s.documentation ? safeMarkdown(s.documentation) : undefined,
        sortText: s.sortText,
        filterText: s.filterText ?? s.label,
        insertTextRules: s.snippet ? monaco.languages.CompletionItemInsertTextRule.InsertAsSnippet : undefined,
        range,
      })),
    };
  },
});

monaco.languages.registerHoverProvider('yaml', {
  provideHover(model, position) {
    if (model.uri.toString() !== SPEC_URI) return null;
    const target = hoverTarget(model.getValue(), position.lineNumber, position.column);
    const markdown = target && hoverMarkdown(target, editorData);
    if (!target || !markdown) return null;
    return { range: new monaco.Range(position.lineNumber, target.from, position.lineNumber, target.to), contents: [safeMarkdown(markdown)] };
  },
});

/**
 * Hover and completion text holds registry descriptions: untrusted markdown. Images (which Monaco
 * would fetch on hover) become links, HTML stays text, and no command links run.
 */
function safeMarkdown(markdown: string): monaco.IMarkdownString {
  return { value: withoutRemoteImages(markdown), supportHtml: false, isTrusted: false };
}

export { monaco };
