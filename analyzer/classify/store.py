"""Where the models live, and how they are written and read back (JSON + ``.npz``, no pickle).

``model_card.json`` lists every model file with its sha256; :func:`read_models` checks each
file against the card before parsing it, so a missing, corrupt, tampered or foreign file is a
:class:`~analyzer.errors.ModelError` that tells the user to retrain.
"""

from __future__ import annotations

import hashlib
import io
import json
import zipfile
from collections.abc import Mapping, Sequence
from importlib import metadata, resources
from importlib.abc import Traversable
from pathlib import Path
from typing import Any

import numpy as np

from ..errors import ModelError

FORMAT_VERSION = 1
CARD = "model_card.json"
RETRAIN = "run `feedback-analyzer train`"
LIBRARIES = ("scikit-learn", "spacy", "numpy")


def models_dir() -> Traversable:
    """The installed models: ``analyzer/_models`` in a wheel, else the checkout's ``models/``."""
    packaged = resources.files("analyzer") / "_models"
    if packaged.is_dir():
        return packaged
    return Path(str(resources.files("analyzer"))).parent / "models"


def library_versions() -> dict[str, str]:
    """Installed versions of the libraries the models depend on."""
    return {name: metadata.version(name) for name in LIBRARIES}


def has_models(directory: Traversable | Path) -> bool:
    """True when ``directory`` holds a model card or any model file."""
    if not directory.is_dir():
        return False
    return any(p.name == CARD or p.name.endswith(".npz") for p in directory.iterdir())


def write_npz(path: Path, arrays: Mapping[str, np.ndarray]) -> None:
    """An ``.npz`` with fixed timestamps, so equal arrays give equal bytes.

    Stored uncompressed: inflating the coefficients took a tenth of a cold start, for files
    about twice the size (a few MB).
    """
    with zipfile.ZipFile(path, "w", zipfile.ZIP_STORED) as zf:
        for name in sorted(arrays):
            info = zipfile.ZipInfo(f"{name}.npy", date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_STORED
            with zf.open(info, "w") as fh:
                np.lib.format.write_array(
                    fh, np.ascontiguousarray(arrays[name]), allow_pickle=False
                )


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def write_models(
    out_dir: str | Path,
    dumped: Mapping[str, tuple[dict[str, Any], dict[str, np.ndarray]]],
    card: dict[str, Any],
) -> Path:
    """Write every model as ``<name>.json`` + ``<name>.npz`` and the card listing their hashes."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    files: dict[str, str] = {}
    for name, (meta, arrays) in sorted(dumped.items()):
        (out / f"{name}.json").write_text(json.dumps(meta, sort_keys=True), encoding="utf-8")
        write_npz(out / f"{name}.npz", arrays)
        for suffix in (".json", ".npz"):
            files[f"{name}{suffix}"] = _sha256((out / f"{name}{suffix}").read_bytes())
    full = {**card, "format_version": FORMAT_VERSION, "models": sorted(dumped), "files": files}
    path = out / CARD
    path.write_text(json.dumps(full, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    return path


def update_card(out_dir: str | Path, key: str, value: Any) -> None:
    """Set one top-level entry of the card in ``out_dir`` (the file hashes stay as written)."""
    path = Path(out_dir) / CARD
    card = json.loads(path.read_text(encoding="utf-8"))
    card[key] = value
    path.write_text(json.dumps(card, indent=2, sort_keys=True) + "\n", encoding="utf-8")


def read_card(directory: Traversable | Path) -> dict[str, Any]:
    """The model card, checked for format and library compatibility."""
    try:
        card = json.loads((directory / CARD).read_text(encoding="utf-8"))
        version, files = card["format_version"], card["files"]
        trained = card["libraries"]["scikit-learn"]
    except (OSError, ValueError, KeyError, TypeError):
        raise ModelError(f"model card in {directory} is missing or unreadable; {RETRAIN}") from None
    if version != FORMAT_VERSION or not isinstance(files, dict):
        raise ModelError(f"models in {directory} have an incompatible format; {RETRAIN}")
    if str(trained).split(".")[0] != library_versions()["scikit-learn"].split(".")[0]:
        raise ModelError(f"models were trained with scikit-learn {trained}; {RETRAIN}")
    return card


def read_models(
    directory: Traversable | Path, names: Sequence[str] | None = None
) -> tuple[dict[str, Any], dict[str, tuple[dict[str, Any], dict[str, np.ndarray]]]]:
    """The card and the ``(meta, arrays)`` of the models ``names`` (default: all on the card).

    Each file read is verified against the card's hash; the files of other models are not
    read (a run that needs four models does not hash the other half of the folder).
    """
    card = read_card(directory)
    names = list(card["models"]) if names is None else list(names)
    wanted = {f"{name}{suffix}" for name in names for suffix in (".json", ".npz")}
    blobs: dict[str, bytes] = {}
    for name, digest in card["files"].items():
        if name not in wanted:
            continue
        try:
            blobs[name] = (directory / name).read_bytes()
        except OSError:
            raise ModelError(f"model file {name} is missing; {RETRAIN}") from None
        if _sha256(blobs[name]) != digest:
            raise ModelError(f"model file {name} does not match the model card; {RETRAIN}")
    models = {}
    for name in names:
        try:
            meta = json.loads(blobs[f"{name}.json"])
            arrays = read_npz(blobs[f"{name}.npz"])
        except (KeyError, ValueError, OSError, zipfile.BadZipFile):
            raise ModelError(f"model {name} cannot be read; {RETRAIN}") from None
        models[name] = (meta, arrays)
    return card, models


def read_npz(data: bytes) -> dict[str, np.ndarray]:
    """The arrays of an ``.npz`` that :func:`write_npz` wrote (members stored, not deflated),
    as read-only views of ``data``: no copy, and no CRC check (the card's hash covers it).

    Raises:
        ValueError, zipfile.BadZipFile: ``data`` is not such an archive.
    """
    fmt = np.lib.format
    arrays = {}
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        for info in archive.infolist():
            if info.compress_type != zipfile.ZIP_STORED or not info.filename.endswith(".npy"):
                raise ValueError(f"unexpected member {info.filename!r}")
            # the member's data follows its local header: 30 bytes, then its name and extra
            header = data[info.header_offset : info.header_offset + 30]
            if len(header) < 30 or header[:4] != b"PK\x03\x04":
                raise zipfile.BadZipFile(f"bad local header for {info.filename!r}")
            start = info.header_offset + 30 + int.from_bytes(header[26:28], "little")
            start += int.from_bytes(header[28:30], "little")
            member = io.BytesIO(data[start : start + min(info.file_size, 65_536)])
            readers = {(1, 0): fmt.read_array_header_1_0, (2, 0): fmt.read_array_header_2_0}
            reader = readers.get(fmt.read_magic(member))
            if reader is None:
                raise ValueError(f"{info.filename!r} has an unknown .npy version")
            shape, fortran, dtype = reader(member)
            if dtype.hasobject:
                raise ValueError(f"{info.filename!r} holds objects")
            count = int(np.prod(shape, dtype=np.int64))
            if member.tell() + count * dtype.itemsize > info.file_size:
                raise ValueError(f"{info.filename!r} is truncated")
            flat = np.frombuffer(data, dtype=dtype, count=count, offset=start + member.tell())
            array = flat.reshape(shape, order="F") if fortran else flat.reshape(shape)
            arrays[info.filename.removesuffix(".npy")] = array
    return arrays
