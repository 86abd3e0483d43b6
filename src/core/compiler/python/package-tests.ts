import { withHeader } from '../../util/file-header.ts';
import type { PackageNames } from './package-modules.ts';
import { bracket, importBlock, pyString, render } from './python-format.ts';

/**
 * The package's own pytest suite (wt-compiler §5.3), run by `pixi run -e test test-all` against
 * wt-runner: cases come from `../test-cases.yaml` (`pytest --case <key>`), each run through the app
 * and the CLI with io tasks mocked, with and without data, and results compared to JSON snapshots.
 */

/** `tests/conftest.py`. */
export function conftestPy(names: PackageNames, ioTaskReferences: string[]): string {
  const refs = render(bracket('', '[', ioTaskReferences.map(pyString), ']'), '', 'IO_TASKS_IMPORTABLE_REFERENCES = '.length);
  return withHeader(`import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal
from unittest.mock import patch

import pytest
import ruamel.yaml
from syrupy import SnapshotAssertion
from syrupy.extensions.json import JSONSnapshotExtension
from syrupy.location import PyTestLocation
from wt_runner.app import app
from wt_runner.testing import Case, CaseRunner

ARTIFACTS = Path(__file__).parent.parent
SNAPSHOT_DIRNAME = ARTIFACTS.parent / "__results_snapshots__"
TEST_CASES_YAML = ARTIFACTS.parent / "test-cases.yaml"
MATCHSPEC_OVERRIDE = ${pyString(names.releaseName)}
RESULTS_ENV_VAR = ${pyString(names.resultsEnvVar)}
IO_TASKS_IMPORTABLE_REFERENCES = ${refs}


def _load_case(key: str) -> Case:
    cases = ruamel.yaml.YAML(typ="safe").load(TEST_CASES_YAML.read_text())
    assert key in cases, f"test case {key!r} is not in {TEST_CASES_YAML}"
    return Case(**cases[key])


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--case",
        action="append",
        default=[],
        help="A test case key from test-cases.yaml; repeat for several.",
    )


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    wanted = {"success_case", "failure_case"} & set(metafunc.fixturenames)
    if not wanted:
        return
    keys = metafunc.config.getoption("case")
    if not keys:
        raise pytest.UsageError("Give at least one --case <key> from test-cases.yaml.")
    cases = {key: _load_case(key) for key in keys}
    for name in wanted:
        raises = name == "failure_case"
        chosen = {k: c for k, c in cases.items() if bool(c.raises) == raises}
        metafunc.parametrize(
            name, list(chosen.values()), ids=list(chosen), scope="session"
        )


class CaseSnapshot(JSONSnapshotExtension):
    """JSON snapshots under __results_snapshots__/<case>/."""

    @classmethod
    def dirname(cls, *, test_location: PyTestLocation) -> str:
        options = test_location.item.config.getoption("case")
        case = next(c for c in options if c in test_location.item.nodeid)
        return SNAPSHOT_DIRNAME.joinpath(case).as_posix()


@pytest.fixture
def snapshot_json(snapshot: SnapshotAssertion) -> SnapshotAssertion:
    return snapshot.use_extension(CaseSnapshot)


@dataclass(frozen=True)
class RunParams:
    api: Literal["app", "cli"]
    execution_mode: Literal["sequential"] = "sequential"
    mock_io: bool = True


@pytest.fixture(
    scope="session",
    params=[RunParams(api="app"), RunParams(api="cli")],
    ids=["app-sequential-mock-io", "cli-sequential-mock-io"],
)
def run_params(request: pytest.FixtureRequest) -> RunParams:
    return request.param


@pytest.fixture(scope="session", params=[True, False], ids=["nodata", "data"])
def no_data(request: pytest.FixtureRequest) -> bool:
    return request.param


def _mock_io_env(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """Points every io task at an empty parquet file, as the nodata runs expect."""
    import pandas as pd

    empty = tmp_path_factory.mktemp("mock-io") / "empty.parquet"
    pd.DataFrame().to_parquet(empty)
    return {
        f"WT_TASK_MOCK_IO__{ref.replace('.', '_').upper()}": empty.as_posix()
        for ref in IO_TASKS_IMPORTABLE_REFERENCES
    }


def _run(
    run_params: RunParams,
    case: Case,
    results_dir: Path,
    env: dict[str, str] | None = None,
) -> dict[str, Any]:
    results_dir.mkdir(parents=True, exist_ok=True)
    runner = CaseRunner(
        execution_mode=run_params.execution_mode,
        mock_io=run_params.mock_io,
        case=case,
        results_subdir=results_dir,
    )
    base_env = {
        "ECOSCOPE_WORKFLOWS_MATCHSPEC_OVERRIDE": MATCHSPEC_OVERRIDE,
        "WT_INVOKERS__RESULTS_ENV_VAR": RESULTS_ENV_VAR,
    }
    with patch.dict("os.environ", base_env):
        if run_params.api == "app":
            return runner.run_app(app, data_connections_env_vars=env)
        if case.raises:
            pytest.skip("The CLI path does not report expected failures.")
        from rattler import MatchSpec

        return runner.run_cli(matchspec=MatchSpec(MATCHSPEC_OVERRIDE))


@pytest.fixture(scope="session")
def response_json_success(
    run_params: RunParams,
    success_case: Case,
    no_data: bool,
    tmp_path_factory: pytest.TempPathFactory,
) -> dict[str, Any]:
    env = _mock_io_env(tmp_path_factory) if no_data else None
    results = tmp_path_factory.mktemp("results") / uuid.uuid4().hex
    return _run(run_params, success_case, results, env)


@pytest.fixture(scope="session")
def response_json_failure(
    run_params: RunParams,
    failure_case: Case,
    tmp_path_factory: pytest.TempPathFactory,
) -> dict[str, Any]:
    results = tmp_path_factory.mktemp("results") / uuid.uuid4().hex
    return _run(run_params, failure_case, results)
`);
}

/** `tests/test_results.py`. */
export function testResultsPy(): string {
  return withHeader(`from typing import Any

from syrupy import SnapshotAssertion
from wt_runner.testing import Case


def test_success_result(
    response_json_success: dict[str, Any], snapshot_json: SnapshotAssertion
) -> None:
    assert response_json_success["error"] is None, response_json_success["trace"]
    assert response_json_success["result"] == snapshot_json


def test_failure_result(
    response_json_failure: dict[str, Any], failure_case: Case
) -> None:
    assert response_json_failure["result"] is None
    assert response_json_failure["error"]
`);
}

/** `tests/test_metadata.py`: the runner's metadata endpoints for this workflow. */
export function testMetadataPy(packageName: string): string {
  const imports = importBlock([
    ['from collections.abc import Iterator', 'from typing import Any', 'from unittest.mock import patch'],
    ['import pytest', 'from fastapi.testclient import TestClient', 'from wt_contracts import params_to_formdata', 'from wt_runner.app import app', 'from wt_runner.testing import Case'],
    [`from ${packageName}.metadata import load_params_schema, load_rjsf`],
    ['from .conftest import MATCHSPEC_OVERRIDE'],
  ]);
  return withHeader(`${imports}


@pytest.fixture
def client() -> Iterator[TestClient]:
    env = {"ECOSCOPE_WORKFLOWS_MATCHSPEC_OVERRIDE": MATCHSPEC_OVERRIDE}
    with patch.dict("os.environ", env), TestClient(app) as client:
        yield client


@pytest.fixture
def formdata(success_case: Case) -> dict[str, Any]:
    return params_to_formdata(success_case.params, load_rjsf(), load_params_schema())


def test_rjsf(client: TestClient) -> None:
    response = client.get("/rjsf")
    assert response.status_code == 200
    assert response.json() == load_rjsf()


def test_data_connection_property_names(client: TestClient) -> None:
    response = client.get("/data-connection-property-names")
    assert response.status_code == 200
    assert all(isinstance(v, list) for v in response.json().values())


def test_formdata_to_params(
    client: TestClient, success_case: Case, formdata: dict[str, Any]
) -> None:
    assert (
        client.post("/formdata-to-params", json={"no": "such task"}).status_code == 422
    )
    response = client.post("/formdata-to-params", json=formdata)
    assert response.status_code == 200
    assert response.json() == success_case.params


def test_params_to_formdata(
    client: TestClient, success_case: Case, formdata: dict[str, Any]
) -> None:
    response = client.post("/params-to-formdata", json=success_case.params)
    assert response.status_code == 200
    assert response.json() == formdata


def test_round_trip(client: TestClient, success_case: Case) -> None:
    grouped = client.post("/params-to-formdata", json=success_case.params).json()
    flat = client.post("/formdata-to-params", json=grouped)
    assert flat.status_code == 200
    assert flat.json() == success_case.params
`);
}
