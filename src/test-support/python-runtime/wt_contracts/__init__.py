"""Stand-in for wt_contracts: Draft 2020-12 validation and the formdata/params conversions."""

from typing import Any

import jsonschema


class ValidationError(Exception):
    def __init__(self, errors: list[dict[str, Any]]):
        self.errors = errors
        super().__init__(f"{len(errors)} validation error(s): {errors}")


def validate(instance: Any, schema: dict[str, Any]) -> None:
    validator = jsonschema.Draft202012Validator(schema)
    errors = sorted(validator.iter_errors(instance), key=lambda e: [str(p) for p in e.absolute_path])
    if errors:
        raise ValidationError(
            [
                {
                    "message": e.message,
                    "path": list(e.absolute_path),
                    "schema_path": list(e.absolute_schema_path),
                    "validator": e.validator,
                    "input": e.instance,
                }
                for e in errors
            ]
        )


def formdata_to_params(formdata: dict[str, Any], rjsf: dict[str, Any], params_schema: dict[str, Any]) -> dict[str, Any]:
    validate(formdata, rjsf)
    flat = params_schema.get("properties", {})
    out: dict[str, Any] = {}
    for k, v in formdata.items():
        if k in flat:
            out[k] = v
        else:
            out.update(v)
    return out


def params_to_formdata(params: dict[str, Any], rjsf: dict[str, Any], params_schema: dict[str, Any]) -> dict[str, Any]:
    validate(params, params_schema)
    top = rjsf.get("properties", {})
    out: dict[str, Any] = {}
    for k, v in params.items():
        if k in top:
            out[k] = v
            continue
        group = next(g for g, s in top.items() if isinstance(s.get("properties"), dict) and k in s["properties"])
        out.setdefault(group, {})[k] = v
    return out
