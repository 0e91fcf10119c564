from cryptography.hazmat.primitives import serialization
from fastapi import APIRouter, Request

from ...sync.schemas import EnrolRequest, EnrolResponse, TokenRequest, TokenResponse
from .. import auth, ca
from ..deps import AuthorityDep, DatabaseDep, SettingsDep, address_key, wrong_attempt
from ..errors import ApiError

router = APIRouter(prefix="/v1", tags=["enrolment"])


@router.post("/enrol", response_model=EnrolResponse, status_code=201)
def enrol(
    body: EnrolRequest, request: Request, database: DatabaseDep, settings: SettingsDep, authority: AuthorityDep
) -> EnrolResponse:
    """Exchange a one-time enrolment code (issued with ``heze-station-server enrol-code``) for device credentials,
    and a certificate request for the device's document-signing certificate (once the city has an authority)."""
    # Checked before the code is used up: a bad request costs the station no code.
    wanted = ca.parse_request(body.certificate_request) if authority and body.certificate_request else None
    with database.transaction() as session:
        enrolled = auth.enrol(session, body.code, body.device_name, authority, wanted)
        if enrolled is not None:
            certificate = enrolled.certificate
            response = EnrolResponse(
                device_id=enrolled.device.id,
                device_secret=enrolled.secret,
                role=enrolled.device.role,  # type: ignore[arg-type]
                station_id=enrolled.station.id if enrolled.station else None,
                station_name=enrolled.station.name if enrolled.station else None,
                certificate=certificate.public_bytes(serialization.Encoding.PEM).decode() if certificate else None,
                city_root=authority.certificate_pem if authority and certificate else None,
                certificate_note=enrolled.certificate_note,
            )
    if enrolled is None:
        wrong = ApiError(401, "invalid_enrolment_code", "This enrolment code is unknown, already used or expired.")
        raise wrong_attempt(database, settings, [address_key(request)], wrong)
    return response


@router.post("/auth/token", response_model=TokenResponse)
def token(body: TokenRequest, request: Request, database: DatabaseDep, settings: SettingsDep) -> TokenResponse:
    """A short-lived access token for a device's credentials."""
    with database.transaction() as session:
        issued = auth.issue_token(session, settings, body.device_id, body.device_secret)
    if issued is None:
        wrong = ApiError(401, "invalid_credentials", "The device id or secret is wrong.")
        raise wrong_attempt(database, settings, [address_key(request), f"device:{body.device_id}"], wrong)
    return TokenResponse(
        access_token=issued.token, expires_at=issued.expires_at, expires_in=settings.access_token_seconds
    )
