"""Stand-in for wt_task.testing: io tasks replaced by mocks that record their calls."""

from unittest.mock import MagicMock

CALLS: list[str] = []


def create_func_magicmock(anchor: str, func_name: str) -> MagicMock:
    def side_effect(*args: object, **kwargs: object) -> str:
        CALLS.append(f"{anchor}.{func_name}")
        return f"mocked {func_name}"

    return MagicMock(side_effect=side_effect)
