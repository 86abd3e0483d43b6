// monaco-yaml's language service, as its own worker entry (imported with `?worker`, toolchain.md §2).
import 'monaco-yaml/yaml.worker.js';
