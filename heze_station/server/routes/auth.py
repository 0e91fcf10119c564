from cryptography import x509
from fastapi import APIRouter, Request

from ...sync.schemas import EnrolRequest, EnrolResponse, TokenRequest, TokenResponse
from .. import auth, ca
from ..deps import DatabaseDep, Realm, SettingsDep, address_key, wrong_attempt
from ..errors import ApiError

router = APIRouter(prefix="/v1", tags=["enrolment"])


@router.post("/enrol", response_model=EnrolResponse, status_code=201)
def enrol(body: EnrolRequest, request: Request, database: DatabaseDep, settings: SettingsDep) -> EnrolResponse:
    """Exchange a one-time enrolment code (issued with ``heze-station-server enrol-code``) for device credentials,
    and, when the city has a signing authority, a certificate for the device's document-signing key."""
    # Read before the code is spent: a malformed request must not cost the station its code.
    csr = _signing_request(body.signing_csr)
    with database.transaction() as session:
        enrolled = auth.enrol(session, body.code, body.device_name)
        if enrolled is not None:
            certificate, root = _certify(request.app.state.ca, csr, enrolled)
            response = EnrolResponse(
                device_id=enrolled.device.id,
                device_secret=enrolled.secret,
                role=enrolled.device.role,  # type: ignore[arg-type]
                station_id=enrolled.station.id if enrolled.station else None,
                station_name=enrolled.station.name if enrolled.station else None,
                signing_certificate=certificate,
                city_root=root,
            )
    if enrolled is None:
        wrong = ApiError(401, "invalid_enrolment_code", "This enrolment code is unknown, already used or expired.")
        raise wrong_attempt(database, settings, [address_key(request, Realm.API)], wrong)
    return response


def _signing_request(pem: str | None) -> x509.CertificateSigningRequest | None:
    if pem is None:
        return None
    try:
        return ca.read_csr(pem)
    except ca.InvalidCsr as error:
        raise ApiError(422, "invalid_signing_csr", str(error)) from error


def _certify(
    authority: ca.CityCa | None, csr: x509.CertificateSigningRequest | None, enrolled: auth.Enrolled
) -> tuple[str | None, str | None]:
    """The device's certificate and the city's root, PEM; none for a city without an authority, a client that sent
    no request (an older version) or a supervisor (who issues no documents)."""
    if authority is None or csr is None or enrolled.station is None:
        return None, None
    certificate = authority.issue(csr, enrolled.station.name, enrolled.device.id)
    # Kept with the device, so that revoking it revokes the certificate (ca.publish_revocation).
    enrolled.device.certificate_serial = ca.serial_text(
        x509.load_pem_x509_certificate(certificate.encode()).serial_number
    )
    enrolled.device.certificate_pem = certificate
    return certificate, authority.root_pem


@router.post("/auth/token", response_model=TokenResponse)
def token(body: TokenRequest, request: Request, database: DatabaseDep, settings: SettingsDep) -> TokenResponse:
    """A short-lived access token for a device's credentials."""
    with database.transaction() as session:
        issued = auth.issue_token(session, settings, body.device_id, body.device_secret)
    if issued is None:
        wrong = ApiError(401, "invalid_credentials", "The device id or secret is wrong.")
        raise wrong_attempt(database, settings, [address_key(request, Realm.API), f"device:{body.device_id}"], wrong)
    return TokenResponse(
        access_token=issued.token, expires_at=issued.expires_at, expires_in=settings.access_token_seconds
    )
