"""The model arrays are read straight out of the ``.npz`` bytes, as numpy reads them."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import numpy as np
import pytest

from analyzer.classify.store import read_npz, write_npz

ARRAYS = {
    "coef": np.arange(12, dtype=np.float64).reshape(3, 4) / 7,
    "idf_0": np.linspace(1.0, 3.0, 5),
    "intercept": np.array([-0.5, 0.25]),
    "counts": np.arange(6, dtype=np.int32),
    "empty": np.zeros((0, 3)),
    "scalar": np.array(2.5),
}


def _npz(tmp_path: Path, arrays: dict[str, np.ndarray]) -> bytes:
    path = tmp_path / "m.npz"
    write_npz(path, arrays)
    return path.read_bytes()


def test_reads_what_numpy_reads(tmp_path: Path) -> None:
    data = _npz(tmp_path, ARRAYS)
    got = read_npz(data)
    with np.load(io.BytesIO(data), allow_pickle=False) as npz:
        expected = {name: npz[name] for name in npz.files}
    assert got.keys() == expected.keys() == ARRAYS.keys()
    for name, array in expected.items():
        assert got[name].dtype == array.dtype and got[name].shape == array.shape
        assert np.array_equal(got[name], array)
        assert not got[name].flags.writeable  # a view of the bytes, not a copy


def test_reads_a_fortran_ordered_member(tmp_path: Path) -> None:
    array = np.asfortranarray(np.arange(6.0).reshape(2, 3))
    buffer = io.BytesIO()
    with (
        zipfile.ZipFile(buffer, "w", zipfile.ZIP_STORED) as archive,
        archive.open("a.npy", "w") as member,
    ):
        np.lib.format.write_array(member, array, allow_pickle=False)
    assert np.array_equal(read_npz(buffer.getvalue())["a"], array)


def _stored(name: str, payload: bytes, compression: int = zipfile.ZIP_STORED) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression) as archive:
        archive.writestr(name, payload)
    return buffer.getvalue()


def _npy(array: np.ndarray) -> bytes:
    buffer = io.BytesIO()
    np.lib.format.write_array(buffer, array, allow_pickle=True)
    return buffer.getvalue()


@pytest.mark.parametrize(
    "data",
    [
        pytest.param(b"not a zip at all", id="garbage"),
        pytest.param(_stored("a.npy", _npy(np.ones(4)), zipfile.ZIP_DEFLATED), id="deflated"),
        pytest.param(_stored("a.txt", b"hello"), id="not-npy"),
        pytest.param(_stored("a.npy", _npy(np.ones(100))[:-40]), id="truncated-data"),
        pytest.param(_stored("a.npy", _npy(np.ones(4))[:20]), id="truncated-header"),
        pytest.param(_stored("a.npy", b"\x93NUMPY\x09\x00" + b"x" * 60), id="unknown-version"),
        pytest.param(_stored("a.npy", _npy(np.array([{"a": 1}], dtype=object))), id="objects"),
    ],
)
def test_rejects_what_is_not_a_stored_npz(data: bytes) -> None:
    with pytest.raises((ValueError, zipfile.BadZipFile)):
        read_npz(data)
