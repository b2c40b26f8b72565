"""An export's --out that names a device, a pipe or a folder is refused in words: the
atomic rename replaced whatever was there with a regular file (as root, `--out /dev/full`
turned the system's device node into a file; hostile review 17h, finding 14)."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

from judging_app.cli.main import main
from judging_app.core.messages import MessageError
from judging_app.exchange import atomic_files


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX's")
def test_a_pipe_or_a_folder_is_never_written_over(tmp_path, capsys):
    pipe = tmp_path / "pipa"
    os.mkfifo(pipe)
    with pytest.raises(MessageError) as refused:
        atomic_files.write_bytes(pipe, b"data")
    assert refused.value.message.code == "common.os.not_a_file"
    assert not pipe.is_file() and pipe.exists()  # still the pipe
    folder = tmp_path / "folder"
    folder.mkdir()
    with pytest.raises(MessageError) as refused:
        atomic_files.write_bytes(folder, b"data")
    assert refused.value.message.code == "common.os.is_folder" and folder.is_dir()
    code = main(["--lang", "id", "manual", "--out", str(pipe)])
    err = capsys.readouterr().err
    assert code == 1 and err == f"kesalahan: {pipe} bukan berkas biasa (perangkat, pipa, atau " \
                                 "soket); pilih nama berkas lain.\n"
    plain = tmp_path / "biasa.bin"
    atomic_files.write_bytes(plain, b"data")
    atomic_files.write_bytes(plain, b"lagi")  # an ordinary file is replaced as before
    assert plain.read_bytes() == b"lagi"


def test_devices_are_refused(tmp_path):
    if not sys.platform.startswith("linux"):
        pytest.skip("/dev/null is Linux's here")
    with pytest.raises(MessageError):
        atomic_files.write_bytes(Path("/dev/null"), b"x")


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="/dev/zero is Linux's here")
@pytest.mark.parametrize("argv", [
    ["scores", "import", "--competition", "x", "/dev/zero"],
    ["returns", "import", "--competition", "x", "/dev/zero"],
    ["competition", "create", "--file", "/dev/zero"],
])
def test_a_device_read_as_a_file_is_refused_at_once(argv, capsys):
    """Reading /dev/zero as a scores file, a return or a competition file never ended: its
    size is 0 to stat, and it was read whole (hostile review 17h, finding 14)."""
    code = main(["--user", "Sekretariat", "--lang", "id", *argv])
    err = capsys.readouterr().err
    assert code == 1 and "bukan berkas biasa (perangkat, pipa, atau soket)" in err, err


def test_a_file_is_read_no_further_than_its_limit(tmp_path):
    grown = tmp_path / "besar.csv"
    grown.write_bytes(b"x" * 101)
    assert atomic_files.read_at_most(grown, 100) is None
    assert atomic_files.read_at_most(grown, 101) == b"x" * 101
