"""The city's signing authority: ``heze-station-server ca init`` and certificates for laptops' CSRs."""

import uuid
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from cryptography.x509.oid import NameOID
from pydantic import SecretStr

from heze_station.server import ca
from heze_station.server.config import Settings

from .conftest import run_server_command

PASSPHRASE = "城市根证书口令 correct horse"


def csr_for(key: ec.EllipticCurvePrivateKey | rsa.RSAPrivateKey, name: str = "自称的驿站") -> str:
    subject = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, name)])
    request = x509.CertificateSigningRequestBuilder().subject_name(subject).sign(key, hashes.SHA256())
    return request.public_bytes(serialization.Encoding.PEM).decode("ascii")


@pytest.fixture
def city(tmp_path: Path) -> ca.CityCa:
    ca.init(tmp_path / "ca", PASSPHRASE.encode(), "菏泽市")
    authority = ca.load(tmp_path / "ca", PASSPHRASE.encode())
    assert authority is not None
    return authority


def test_ca_init_makes_a_root_with_an_encrypted_key_and_never_replaces_it(tmp_path: Path) -> None:
    settings = Settings(data_dir=tmp_path / "server")
    secret = tmp_path / "passphrase.txt"
    secret.write_text(PASSPHRASE + "\n", encoding="utf-8")

    code, out, err = run_server_command(
        settings, "ca", "init", "--name", "菏泽市人社局", "--passphrase-file", str(secret)
    )

    assert code == 0, err
    assert "SHA-256 fingerprint" in err
    folder = settings.data_dir / "ca"
    root = x509.load_pem_x509_certificate(Path(out.strip()).read_bytes())
    assert root.extensions.get_extension_for_class(x509.BasicConstraints).value.ca
    assert root.subject.get_attributes_for_oid(NameOID.ORGANIZATION_NAME)[0].value == "菏泽市人社局"
    key_file = folder / ca.KEY_FILE
    assert b"ENCRYPTED PRIVATE KEY" in key_file.read_bytes()
    assert key_file.stat().st_mode & 0o077 == 0
    assert PASSPHRASE.encode() not in key_file.read_bytes()
    # The trailing newline of the file is not part of the passphrase.
    assert ca.load(folder, PASSPHRASE.encode()) is not None

    code, _out, err = run_server_command(settings, "ca", "init", "--passphrase-file", str(secret))
    assert code == 1
    assert "never replaced" in err
    assert x509.load_pem_x509_certificate((folder / ca.CERTIFICATE_FILE).read_bytes()) == root


def test_ca_init_without_a_passphrase_is_refused(tmp_path: Path) -> None:
    settings = Settings(data_dir=tmp_path / "server")
    code, _out, err = run_server_command(settings, "ca", "init")
    assert code == 1
    assert "passphrase" in err
    assert not (settings.data_dir / "ca" / ca.KEY_FILE).exists()


def test_the_passphrase_comes_from_a_file_or_the_environment(tmp_path: Path) -> None:
    secret = tmp_path / "secret"
    secret.write_bytes(b"from the file\n")
    assert ca.passphrase(Settings(data_dir=tmp_path)) is None
    assert ca.passphrase(Settings(data_dir=tmp_path, ca_passphrase=SecretStr("口令"))) == "口令".encode()
    both = Settings(data_dir=tmp_path, ca_passphrase=SecretStr("口令"), ca_passphrase_file=secret)
    assert ca.passphrase(both) == b"from the file"


def test_loading_needs_the_right_passphrase(tmp_path: Path, city: ca.CityCa) -> None:
    assert ca.load(tmp_path / "nowhere", None) is None  # no authority: laptops keep their own keys
    with pytest.raises(ca.CaError, match="needs its passphrase"):
        ca.load(tmp_path / "ca", None)
    with pytest.raises(ca.CaError, match="wrong passphrase"):
        ca.load(tmp_path / "ca", b"wrong")


def test_a_laptop_certificate_names_the_station_the_city_says_and_chains_to_the_root(city: ca.CityCa) -> None:
    laptop_key = ec.generate_private_key(ec.SECP256R1())
    device_id = uuid.uuid4()

    issued = x509.load_pem_x509_certificate(
        city.issue(ca.read_csr(csr_for(laptop_key)), "城区驿站", device_id).encode()
    )

    issued.verify_directly_issued_by(city.certificate)
    assert issued.public_key() == laptop_key.public_key()
    assert issued.subject.get_attributes_for_oid(NameOID.ORGANIZATION_NAME)[0].value == "城区驿站"
    assert issued.subject.get_attributes_for_oid(NameOID.SERIAL_NUMBER)[0].value == str(device_id)
    assert "自称的驿站" not in issued.subject.rfc4514_string()
    assert not issued.extensions.get_extension_for_class(x509.BasicConstraints).value.ca
    usage = issued.extensions.get_extension_for_class(x509.KeyUsage).value
    assert usage.digital_signature
    assert not usage.key_cert_sign


def test_a_bad_csr_is_refused_with_a_reason() -> None:
    with pytest.raises(ca.InvalidCsr, match="not a PEM"):
        ca.read_csr("hello")
    with pytest.raises(ca.InvalidCsr, match="not a PEM"):
        ca.read_csr("调解")
    weak = rsa.generate_private_key(public_exponent=65537, key_size=1024)
    with pytest.raises(ca.InvalidCsr, match="at least 2048"):
        ca.read_csr(csr_for(weak))
    good = csr_for(ec.generate_private_key(ec.SECP256R1()))
    lines = good.splitlines()
    body = "".join(lines[1:-1])
    damaged = body[:-12] + ("A" if body[-12] != "A" else "B") + body[-11:]
    with pytest.raises(ca.InvalidCsr):
        ca.read_csr("\n".join([lines[0], damaged, lines[-1]]))
