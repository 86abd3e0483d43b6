/** Layer A defaults: the text of default-env-injections.toml, inlined so Node, the worker and Vite need no loader. */
// Keep identical to default-env-injections.toml (default-env-injections.test.ts checks it).
export const DEFAULT_ENV_INJECTIONS_TOML = `# Layer A of the pixi.toml dependency merge: what every compiled workflow package gets by default.
#
# Same shape as an --env-overrides file: [feature.<name>.dependencies] holds conda entries,
# [feature.<name>.pypi-dependencies] PyPI entries. A name the spec's \`requirements:\` supplies
# suppresses the entry of the same name here (Layer B); an env-overrides file has the last word
# (Layer C). With \`--variant gcp\`, wt-task and wt-runner become wt-task-gcp and wt-runner-gcp.
#
# Edit this file, then copy it verbatim into default-env-injections.ts (a test compares them).

[feature.default.dependencies]
click = { version = ">=8.0.0,<9.0.0", channel = "conda-forge" }
obstore = { version = ">=0.6.0,<0.7.0", channel = "conda-forge" }
pydantic = { version = ">=2.0.0,<3.0.0", channel = "conda-forge" }
# 0.19.1 dropped the C parser dependency, so YAML written and read by different envs can disagree.
"ruamel.yaml" = { version = ">=0.18.0,<0.19.0", channel = "conda-forge" }
opentelemetry-api = { version = ">=1.20.0,<2.0.0", channel = "conda-forge" }
wt-task = { version = ">=0.1.3,<1.0.0", channel = "ecoscope-workflows" }

[feature.runner.dependencies]
wt-runner = { version = ">=0.3.1,<1.0.0", channel = "ecoscope-workflows" }

[feature.test.dependencies]
pandas = { version = "*", channel = "conda-forge" }
pyarrow = { version = "*", channel = "conda-forge" }
pytest = { version = "*", channel = "conda-forge" }
pytest-asyncio = { version = "*", channel = "conda-forge" }
pytest-check = { version = "*", channel = "conda-forge" }
pillow = { version = "*", channel = "conda-forge" }
scikit-image = { version = "*", channel = "conda-forge" }
syrupy = { version = "*", channel = "conda-forge" }
playwright = { version = ">=1.52.0", channel = "microsoft" }
`;
