"""JSON that is compact but diffable: objects indented one key a line, a list of numbers (or
of short lists of numbers) on one line per element, numbers at full `repr` precision."""
import json


def _flat(value):
    return value is None or isinstance(value, (int, float, str, bool))


def dumps(value, indent=0):
    pad, inner = " " * indent, " " * (indent + 1)
    if isinstance(value, dict):
        items = [f"{inner}{json.dumps(k)}: {dumps(v, indent + 1).lstrip()}" for k, v in value.items()]
        return pad + "{\n" + ",\n".join(items) + "\n" + pad + "}" if items else pad + "{}"
    if isinstance(value, list):
        if all(_flat(v) for v in value):
            return pad + json.dumps(value, separators=(",", ":"))
        if all(isinstance(v, list) and all(_flat(x) for x in v) for v in value):
            return pad + "[\n" + ",\n".join(inner + json.dumps(v, separators=(",", ":")) for v in value) + "\n" + pad + "]"
        return pad + "[\n" + ",\n".join(dumps(v, indent + 1) for v in value) + "\n" + pad + "]"
    return pad + json.dumps(value)
