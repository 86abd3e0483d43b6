"""Stand-in for wt_task: the builder chain generated DAG code calls, executed directly."""

from __future__ import annotations

import dataclasses
from typing import Any, Callable

import pydantic


class SkipSentinel:
    """What a skipped task returns."""

    def __repr__(self) -> str:
        return "SkipSentinel()"


@dataclasses.dataclass(frozen=True)
class Task:
    func: Callable[..., Any]
    validated: bool = False
    instance_id: str | None = None
    conditions: tuple[Callable[..., bool], ...] = ()
    kwargs: tuple[tuple[str, Any], ...] = ()

    def validate(self) -> Task:
        return dataclasses.replace(self, validated=True)

    def set_task_instance_id(self, instance_id: str) -> Task:
        return dataclasses.replace(self, instance_id=instance_id)

    def handle_errors(self) -> Task:
        return self

    def with_tracing(self) -> Task:
        return self

    def skipif(self, conditions: list[Callable[..., bool]], unpack_depth: int = 1) -> Task:
        return dataclasses.replace(self, conditions=tuple(conditions))

    def partial(self, **kwargs: Any) -> Task:
        return dataclasses.replace(self, kwargs=self.kwargs + tuple(kwargs.items()))

    def _run(self, **extra: Any) -> Any:
        kwargs = {**dict(self.kwargs), **extra}
        if any(condition(**kwargs) for condition in self.conditions):
            return SkipSentinel()
        func = pydantic.validate_call(self.func) if self.validated else self.func
        try:
            return func(**kwargs)
        except Exception as e:
            raise RuntimeError(f"task instance {self.instance_id!r} failed: {e}") from e

    def call(self) -> Any:
        return self._run()

    def map(self, argnames: list[str], argvalues: list[Any]) -> list[Any]:
        if len(argnames) == 1:
            return [self._run(**{argnames[0]: v}) for v in argvalues]
        return [self._run(**dict(zip(argnames, v))) for v in argvalues]

    def mapvalues(self, argnames: list[str], argvalues: list[tuple[Any, Any]]) -> list[tuple[Any, Any]]:
        return [(k, self._run(**{argnames[0]: v})) for k, v in argvalues]


def task(func: Callable[..., Any]) -> Task:
    return Task(func)
