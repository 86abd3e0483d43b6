import { withHeader } from '../../util/file-header.ts';
import { pyString } from './python-format.ts';

/** The fixed Python modules of a workflow package (wt-compiler §5.2), parameterised by names. */

export interface PackageNames {
  releaseName: string;
  packageName: string;
  /** Env var the CLI reads the results URL from. */
  resultsEnvVar: string;
}

/** `<package>/__init__.py` and `<package>/dags/__init__.py`. */
export function initModule(): string {
  return withHeader('');
}

/** `response.py`: the result.json envelope. */
export function responseModule(): string {
  return withHeader(`from typing import Any

from pydantic import BaseModel


class ResponseModel(BaseModel):
    """What a workflow run writes to result.json: the result, or the error and its traceback."""

    result: Any = None
    error: str | None = None
    trace: str | None = None
`);
}

/** `dispatch.py`: picks the DAG variant and wraps its result or error. */
export function dispatchModule(): string {
  return withHeader(`import traceback
from typing import Any

from .response import ResponseModel


def dispatch(
    execution_mode: str,
    mock_io: bool,
    params: dict[str, Any],
    validate_params_schema: bool = True,
) -> ResponseModel:
    """Run the workflow in the given mode; any exception becomes an error response."""
    match execution_mode, mock_io:
        case ("sequential", True):
            from .dags.run_sequential_mock_io import main
        case ("sequential", False):
            from .dags.run_sequential import main
        case _:
            raise ValueError(f"Invalid execution mode: {execution_mode}")

    try:
        result = main(params=params, validate_params_schema=validate_params_schema)
        response = ResponseModel(result=result)
        response.model_dump_json()  # fail here, not later, if the result is not JSON-serializable
    except Exception as e:
        response = ResponseModel(error=str(e), trace=traceback.format_exc())
    return response
`);
}

/** `metadata.py`: the bundled schemas and the formdata/params conversions. */
export function metadataModule(): string {
  return withHeader(`import json
from importlib.resources import files
from typing import Any

from wt_contracts import formdata_to_params as _formdata_to_params
from wt_contracts import params_to_formdata as _params_to_formdata

_DEFS_PREFIX = "#/$defs/"
_CONNECTION_SUFFIX = "Connection"


def load_rjsf() -> dict[str, Any]:
    """The grouped RJSF form schema bundled with this package."""
    with files(__package__).joinpath("rjsf.json").open(encoding="utf-8") as f:
        result: dict[str, Any] = json.load(f)
    return result


def load_params_schema() -> dict[str, Any]:
    """The flat params JSON schema bundled with this package."""
    with files(__package__).joinpath("params.json").open(encoding="utf-8") as f:
        result: dict[str, Any] = json.load(f)
    return result


def get_data_connection_property_names() -> dict[str, list[str]]:
    """Connection type (e.g. \`EarthRanger\`) -> ids of the tasks that take such a connection."""
    connections: dict[str, list[str]] = {}
    for task_id, schema in load_params_schema()["properties"].items():
        for prop in (schema.get("properties") or {}).values():
            ref = prop.get("$ref") if isinstance(prop, dict) else None
            if (
                isinstance(ref, str)
                and ref.startswith(_DEFS_PREFIX)
                and ref.endswith(_CONNECTION_SUFFIX)
            ):
                name = ref[len(_DEFS_PREFIX) : -len(_CONNECTION_SUFFIX)]
                connections.setdefault(name, []).append(task_id)
    return connections


def formdata_to_params(formdata: dict[str, Any]) -> dict[str, Any]:
    """Flatten grouped form data into run parameters (validated against rjsf.json)."""
    return _formdata_to_params(formdata, load_rjsf(), load_params_schema())


def params_to_formdata(params: dict[str, Any]) -> dict[str, Any]:
    """Group run parameters by task group (validated against params.json)."""
    return _params_to_formdata(params, load_rjsf(), load_params_schema())
`);
}

/** `cli.py`: the click entry point (`run`, `get`, `convert`). */
export function cliModule(names: PackageNames): string {
  return withHeader(`import json
import os
import sys
from typing import Any

import click
import yaml

from . import metadata

RELEASE_NAME = ${pyString(names.releaseName)}
RESULTS_ENV_VAR = ${pyString(names.resultsEnvVar)}


@click.group(help=f"Run and inspect the {RELEASE_NAME} workflow.")
def cli() -> None:
    pass


def _load_config(config_file: str | None, config_json: str | None) -> dict[str, Any]:
    if (config_file is None) == (config_json is None):
        raise click.UsageError("Give exactly one of --config-file or --config-json.")
    if config_json is not None:
        text, where = config_json, "--config-json"
    else:
        with open(config_file, encoding="utf-8") as f:  # type: ignore[arg-type]
            text, where = f.read(), str(config_file)
    try:
        config = yaml.safe_load(text)  # YAML 1.1 superset of JSON: reads both
    except yaml.YAMLError as e:
        raise click.BadParameter(f"{where} is not valid YAML/JSON: {e}") from e
    if not isinstance(config, dict):
        raise click.BadParameter(f"{where} must hold a mapping of task id -> arguments")
    return config


def _configure_tracing(exporter: str, console_dst: str) -> None:
    try:
        from opentelemetry import trace
        from opentelemetry.sdk.trace import TracerProvider
        from opentelemetry.sdk.trace.export import (
            BatchSpanProcessor,
            ConsoleSpanExporter,
        )
    except ImportError as e:
        raise click.ClickException(
            f"--otel-exporter {exporter} needs opentelemetry-sdk: {e}"
        ) from e
    if exporter == "gcp":
        from opentelemetry.exporter.cloud_trace import CloudTraceSpanExporter

        span_exporter: Any = CloudTraceSpanExporter()
    elif console_dst == "file":
        span_exporter = ConsoleSpanExporter(
            out=open("otel-traces.jsonl", "a", encoding="utf-8")
        )
    else:
        span_exporter = ConsoleSpanExporter(out=sys.stdout)
    provider = TracerProvider()
    provider.add_span_processor(BatchSpanProcessor(span_exporter))
    trace.set_tracer_provider(provider)


@cli.command()
@click.option(
    "--config-file",
    type=click.Path(exists=True, dir_okay=False),
    help="YAML or JSON file with the params.",
)
@click.option("--config-json", help="The params as a JSON string.")
@click.option("--execution-mode", type=click.Choice(["sequential"]), required=True)
@click.option(
    "--mock-io/--no-mock-io", default=False, help="Replace io-tagged tasks with mocks."
)
@click.option("--otel-exporter", type=click.Choice(["console", "gcp"]), default=None)
@click.option(
    "--otel-console-exporter-dst",
    type=click.Choice(["stdout", "file"]),
    default="stdout",
)
def run(
    config_file: str | None,
    config_json: str | None,
    execution_mode: str,
    mock_io: bool,
    otel_exporter: str | None,
    otel_console_exporter_dst: str,
) -> None:
    """Run the workflow and write result.json to the results location."""
    from wt_contracts import ValidationError, validate

    params = _load_config(config_file, config_json)
    try:
        validate(params, metadata.load_params_schema())
    except ValidationError as e:
        raise click.BadParameter(json.dumps(e.errors, indent=2, default=str)) from e
    results_url = os.environ.get(RESULTS_ENV_VAR)
    if not results_url:
        raise click.ClickException(
            f"Set {RESULTS_ENV_VAR} to the URL where result.json should be written."
        )
    if otel_exporter:
        _configure_tracing(otel_exporter, otel_console_exporter_dst)

    import obstore
    from obstore.store import from_url
    from opentelemetry import trace

    from .dispatch import dispatch

    tracer = trace.get_tracer(RELEASE_NAME)
    with tracer.start_as_current_span(f"{RELEASE_NAME}.cli") as span:
        for key in ("time_range", "groupers"):
            if key in params:
                span.set_attribute(
                    f"config.{key}", json.dumps(params[key], default=str)
                )
        response = dispatch(
            execution_mode, mock_io, params, validate_params_schema=False
        )
        store = from_url(results_url)
        obstore.put(store, "result.json", response.model_dump_json().encode("utf-8"))
    if response.error:
        click.echo(response.trace or response.error, err=True)
        sys.exit(1)


@cli.group()
def get() -> None:
    """Print the workflow's bundled metadata as JSON."""


@get.command()
def rjsf() -> None:
    """The RJSF form schema."""
    click.echo(json.dumps(metadata.load_rjsf(), indent=2))


@get.command()
def params() -> None:
    """The params JSON schema."""
    click.echo(json.dumps(metadata.load_params_schema(), indent=2))


@get.command(name="data-connection-property-names")
def data_connection_property_names() -> None:
    """Connection type -> ids of the tasks that take one."""
    click.echo(json.dumps(metadata.get_data_connection_property_names(), indent=2))


@cli.command()
@click.option(
    "--from", "from_", type=click.Choice(["params", "formdata"]), required=True
)
@click.option("--to", type=click.Choice(["params", "formdata"]), required=True)
@click.option(
    "--json",
    "json_file",
    type=click.File("r"),
    default="-",
    help="Input JSON file (default: stdin).",
)
def convert(from_: str, to: str, json_file: Any) -> None:
    """Convert between params and form data; prints {"result": ...} or {"validation_errors": [...]}."""
    from wt_contracts import ValidationError

    data = json.load(json_file)
    if from_ == to:
        click.echo(json.dumps({"result": data}))
        return
    convert_fn = (
        metadata.formdata_to_params
        if from_ == "formdata"
        else metadata.params_to_formdata
    )
    try:
        click.echo(json.dumps({"result": convert_fn(data)}))
    except ValidationError as e:
        click.echo(json.dumps({"validation_errors": e.errors}, default=str))


if __name__ == "__main__":
    cli()
`);
}
