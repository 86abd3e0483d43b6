import { withHeader } from '../../util/file-header.ts';

/** `pyproject.toml` + `hatch_build.py`: a buildable wheel whose version comes from VERSION.yaml. */

/** The pyproject.toml text. */
export function pyprojectToml(releaseName: string, packageName: string): string {
  return withHeader(`[build-system]
requires = ["hatchling", "ruamel.yaml>=0.17.0"]
build-backend = "hatchling.build"

[project]
name = "${releaseName}"
dynamic = ["version"]
requires-python = ">=3.10"
dependencies = []

[project.scripts]
${releaseName} = "${packageName}.cli:cli"

[tool.hatch.metadata.hooks.custom]
path = "hatch_build.py"

[tool.hatch.build.targets.wheel]
packages = ["${packageName}"]
`);
}

/** The hatch metadata hook that turns VERSION.yaml into the wheel version `MAJ.MIN.PATCH`. */
export function hatchBuildPy(): string {
  return withHeader(`from pathlib import Path
from typing import Any

import ruamel.yaml
from hatchling.metadata.plugin.interface import MetadataHookInterface


class VersionYamlHook(MetadataHookInterface):
    """Sets the package version from VERSION.yaml, written by the workflow compiler."""

    def update(self, metadata: dict[str, Any]) -> None:
        path = Path(self.root) / "VERSION.yaml"
        if not path.exists():
            raise FileNotFoundError(f"{path} is missing: recompile the workflow.")
        data = ruamel.yaml.YAML(typ="safe").load(path)
        try:
            metadata["version"] = f"{data['MAJ']}.{data['MIN']}.{data.get('PATCH', 0)}"
        except (TypeError, KeyError) as e:
            raise ValueError(
                f"{path} must be a mapping with MAJ, MIN and PATCH, not {data!r}"
            ) from e
`);
}
