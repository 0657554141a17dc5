"""YAML that remembers lines: the content's parser, for procedures, glossaries and lexicons.

:func:`parse` reads a YAML text into plain data (dates as ISO strings, keys as
names) and a :class:`Located` that says on which line a path of keys and
indexes lies, so that every problem can be ``FILE:LINE: field: what is
wrong``. Imports no Kivy.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

import yaml

#: libyaml's parser when PyYAML was built with it (about 10x faster), else pure Python
_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class Located:
    """A parsed YAML document that can say on which line a path lies."""

    def __init__(self, node: yaml.Node | None) -> None:
        self.node = node

    def line(self, path: Sequence[Any]) -> int:
        """1-based line of the deepest node that ``path`` reaches."""
        node = self.node
        if node is None:
            return 1
        line: int = node.start_mark.line + 1
        for part in path:
            if isinstance(node, yaml.MappingNode):
                for key, value in node.value:
                    if getattr(key, "value", None) == part:
                        line = key.start_mark.line + 1
                        node = value
                        break
                else:
                    return line
            elif isinstance(node, yaml.SequenceNode) and isinstance(part, int) and part < len(node.value):
                node = node.value[part]
                line = node.start_mark.line + 1
            else:
                return line
        return line


def _plain(value: Any) -> Any:
    """YAML dates -> ISO strings, so the JSON schema sees what the file says."""
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, dict):
        return {str(k) if not isinstance(k, str) else k: _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value


def _name_keys(node: yaml.Node | None) -> None:
    """Keys are names: a switch's ``on:`` stays "on" (YAML 1.1 would read a boolean key)."""
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            if isinstance(key, yaml.ScalarNode) and key.tag == "tag:yaml.org,2002:bool":
                key.tag = "tag:yaml.org,2002:str"
            _name_keys(value)
    elif isinstance(node, yaml.SequenceNode):
        for item in node.value:
            _name_keys(item)


def parse(text: str) -> tuple[Any, Located]:
    """Parse YAML text into data and a line locator; raises ``yaml.YAMLError``."""
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
        _name_keys(node)
        data = loader.construct_document(node) if node is not None else None
    finally:
        loader.dispose()
    return _plain(data), Located(node)
