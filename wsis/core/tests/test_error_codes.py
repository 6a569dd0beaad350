"""Every error code the services and the API answer is an ErrorCode member: a scan of the source for string
literals that reach an error (ErrorItem, ServiceError and its subclasses, error_response, and the helpers that
pass a `code` parameter on to them), and the refusal of unknown codes at construction."""

import ast
import collections
import pathlib

import pytest

from wsis.core.errors import ErrorCode, ErrorItem, ServiceError, ValidationFailed

ROOT = pathlib.Path(__file__).resolve().parents[3]
SINKS = {"ErrorItem": 0, "ServiceError": 1, "error_response": 1}
METHOD_SINKS = {"add": 2}  # ProblemList.add(field, message, code) of the partnerships
LOGGERS = {"log", "logger", "logging", "LOG"}
LOG_METHODS = {"debug", "info", "warning", "error", "exception", "critical"}


def _sources():
    for top in ("wsis", "config"):
        for path in sorted((ROOT / top).rglob("*.py")):
            if "tests" not in path.parts and "migrations" not in path.parts:
                yield path


def _module(path: pathlib.Path) -> str:
    return ".".join(path.relative_to(ROOT).with_suffix("").parts)


def _callee(call: ast.Call) -> str | None:
    f = call.func
    return f.id if isinstance(f, ast.Name) else f.attr if isinstance(f, ast.Attribute) else None


def _literals(node) -> list[tuple[str, int]]:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return [(node.value, node.lineno)]
    if isinstance(node, ast.IfExp):
        return _literals(node.body) + _literals(node.orelse)
    if isinstance(node, ast.BoolOp):
        return [lit for v in node.values for lit in _literals(v)]
    return []


def _code_position(fn: ast.FunctionDef) -> int:
    params = [a.arg for a in fn.args.args]
    return params.index("code") - (1 if params[0] in ("self", "cls") else 0)


def _error_classes(trees: dict) -> set[str]:
    """ServiceError and every class derived from it."""
    found, changed = {"ServiceError"}, True
    while changed:
        changed = False
        for tree in trees.values():
            for cls in ast.walk(tree):
                if isinstance(cls, ast.ClassDef) and cls.name not in found and any(
                        getattr(b, "id", getattr(b, "attr", None)) in found for b in cls.bases):
                    found.add(cls.name)
                    changed = True
    return found


def _helpers(trees: dict) -> dict:
    """module -> {function or class name: position of its `code` parameter}, for functions whose `code` reaches a
    sink and classes whose constructor takes a `code`."""
    found = collections.defaultdict(dict)
    imports = {m: _imports(t) for m, t in trees.items()}
    for mod, tree in trees.items():
        for cls in ast.walk(tree):
            if isinstance(cls, ast.ClassDef):
                for fn in cls.body:
                    if isinstance(fn, ast.FunctionDef) and fn.name == "__init__" and "code" in [
                            a.arg for a in fn.args.args]:
                        found[mod][cls.name] = _code_position(fn)
    changed = True
    while changed:
        changed = False
        for mod, tree in trees.items():
            for fn in ast.walk(tree):
                if not isinstance(fn, ast.FunctionDef) or fn.name in found[mod]:
                    continue
                if "code" not in [a.arg for a in fn.args.args]:
                    continue
                for call in ast.walk(fn):
                    if not isinstance(call, ast.Call):
                        continue
                    name = _callee(call)
                    known = name in SINKS or name in found[mod] or name in METHOD_SINKS or (
                        name in imports[mod] and name in found.get(imports[mod][name], {}))
                    args = list(call.args) + [k.value for k in call.keywords]
                    if known and any(isinstance(a, ast.Name) and a.id == "code" for a in args):
                        found[mod][fn.name] = _code_position(fn)
                        changed = True
                        break
    return found


def _imports(tree) -> dict:
    return {alias.asname or alias.name: node.module for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)
            and node.module for alias in node.names}


def _is_logger(call: ast.Call) -> bool:
    f = call.func
    return isinstance(f, ast.Attribute) and f.attr in LOG_METHODS and (
        (isinstance(f.value, ast.Call) and _callee(f.value) == "getLogger") or getattr(f.value, "id", "") in LOGGERS)


def _position(call: ast.Call, helpers: dict, mod: str, imported: dict, local_defs: set):
    """Where the code is among the positional arguments of this call, if it is a call that takes a code."""
    name = _callee(call)
    if name in SINKS:
        return SINKS[name]
    if name in helpers[mod]:
        return helpers[mod][name]
    if name in imported and name in helpers.get(imported[name], {}):
        return helpers[imported[name]][name]
    if isinstance(call.func, ast.Attribute) and name in METHOD_SINKS and name not in local_defs:
        return METHOD_SINKS[name]
    return None


def literal_codes() -> dict[str, list[str]]:
    """Every string literal used as an error code, with where it is written."""
    trees = {_module(p): ast.parse(p.read_text(encoding="utf-8")) for p in _sources()}
    helpers = _helpers(trees)
    error_classes = _error_classes(trees)
    out = collections.defaultdict(list)
    for mod, tree in trees.items():
        imported = _imports(tree)
        local_defs = {n.name for n in ast.walk(tree) if isinstance(n, ast.FunctionDef)}
        in_error_class = {id(n) for cls in ast.walk(tree) if isinstance(cls, ast.ClassDef) and cls.name in error_classes
                          for n in ast.walk(cls)}
        helper_defs = {id(fn) for fn in ast.walk(tree) if isinstance(fn, ast.FunctionDef) and fn.name in helpers[mod]}
        helper_defs |= {id(fn) for cls in ast.walk(tree) if isinstance(cls, ast.ClassDef) and cls.name in helpers[mod]
                        for fn in cls.body if isinstance(fn, ast.FunctionDef) and fn.name == "__init__"}
        status_codes = mod == "wsis.core.apicontract" or imported.get("STATUS_CODES") == "wsis.core.apicontract"


        for node in ast.walk(tree):
            where = f"{mod}:{getattr(node, 'lineno', 0)}"
            if isinstance(node, ast.Call) and not _is_logger(node):
                name = _callee(node)
                pos = _position(node, helpers, mod, imported, local_defs)
                values = [node.args[pos]] if pos is not None and len(node.args) > pos else []
                if pos is not None or name in error_classes or (name == "__init__" and id(node) in in_error_class):
                    values += [k.value for k in node.keywords if k.arg == "code"]
                if status_codes and isinstance(node.func, ast.Attribute) and name == "get" and getattr(node.func.value, "id", "") == (
                        "STATUS_CODES") and len(node.args) > 1:
                    values.append(node.args[1])  # the fallback of the status → code table
                for v in values:
                    for s, _ in _literals(v):
                        out[s].append(where)
            elif isinstance(node, ast.FunctionDef) and id(node) in helper_defs:
                params = [a.arg for a in node.args.args]
                for param, default in zip(params[len(params) - len(node.args.defaults):], node.args.defaults, strict=True):
                    if param == "code":
                        out.update({s: out[s] + [where] for s, _ in _literals(default)})
            elif isinstance(node, ast.Dict):
                keys = [k.value if isinstance(k, ast.Constant) else None for k in node.keys]
                if "code" in keys and "message" in keys:
                    for s, _ in _literals(node.values[keys.index("code")]):
                        out[s].append(where)
            if isinstance(node, ast.FunctionDef) and node.name.endswith("_problem"):
                # (code, message) pairs that validators return and callers turn into ErrorItems
                for ret in ast.walk(node):
                    if isinstance(ret, ast.Return) and isinstance(ret.value, ast.Tuple) and ret.value.elts:
                        out.update({s: out[s] + [f"{mod}:{ret.lineno}"] for s, _ in _literals(ret.value.elts[0])})
    return dict(out)


def test_every_literal_code_is_an_error_code():
    codes = literal_codes()
    assert len(codes) > 40, "the scan found too few codes: it no longer sees the call sites"
    unknown = {c: w for c, w in codes.items() if c not in ErrorCode._value2member_map_}
    assert not unknown, f"codes that are not ErrorCode members: {unknown}"


def test_status_codes_are_error_codes():
    from wsis.core.apicontract import STATUS_CODES

    assert set(STATUS_CODES.values()) <= set(ErrorCode)


def test_every_error_code_is_used():
    from wsis.core.apicontract import STATUS_CODES

    unused = set(ErrorCode) - set(literal_codes()) - set(STATUS_CODES.values())
    referenced = " ".join(p.read_text(encoding="utf-8") for p in _sources())
    unused = {c for c in unused if f"ErrorCode.{c.name}" not in referenced}
    assert not unused, f"ErrorCode members nothing answers: {sorted(unused)}"


def test_unknown_code_refused_at_construction():
    with pytest.raises(ValueError, match="no_such_code"):
        ErrorItem("no_such_code", "message")
    with pytest.raises(ValueError, match="no_such_code"):
        ServiceError("message", code="no_such_code")
    item = ErrorItem("invalid", "message")
    assert item.code is ErrorCode.INVALID and item.code == "invalid"
    assert item.as_dict() == {"code": "invalid", "message": "message"}
    assert ValidationFailed([item]).code is ErrorCode.VALIDATION_ERROR
