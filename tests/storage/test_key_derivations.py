"""The password's key derivation, slow and big on purpose, is timed and kept out of the start's peak memory: the
start's figures (make bench) leave it out, so a safer password setting never reads as a slower, bigger program."""

import sys

import pytest

from heze_station.storage import keys
from heze_station.storage.keys import Derivations, KdfParams

DERIVATION_MIB = 128


@pytest.mark.skipif(sys.platform != "linux", reason="the kernel's high-water mark is Linux's")
def test_a_derivation_is_timed_and_its_memory_left_out_of_the_peak(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(Derivations, "seconds", 0.0)
    monkeypatch.setattr(Derivations, "peaks_tracked", True)
    monkeypatch.setattr(Derivations, "peak_kib_before", 0)
    before = Derivations.peak_rss_kib()
    sealed = keys.seal_with_password(b"secret", "password", KdfParams(1, DERIVATION_MIB * 1024, 1))
    assert keys.open_with_password(sealed, "password") == b"secret"
    assert Derivations.seconds > 0
    # Each derivation held 128 MiB for a moment; the peak outside them grew by far less.
    assert Derivations.peak_rss_kib() < before + DERIVATION_MIB * 1024 // 2
