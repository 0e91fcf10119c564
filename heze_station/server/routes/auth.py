from fastapi import APIRouter, Request

from ...sync.schemas import EnrolRequest, EnrolResponse, TokenRequest, TokenResponse
from .. import auth
from ..deps import DatabaseDep, SettingsDep, address_key, wrong_attempt
from ..errors import ApiError

router = APIRouter(prefix="/v1", tags=["enrolment"])


@router.post("/enrol", response_model=EnrolResponse, status_code=201)
def enrol(body: EnrolRequest, request: Request, database: DatabaseDep, settings: SettingsDep) -> EnrolResponse:
    """Exchange a one-time enrolment code (issued with ``heze-station-server enrol-code``) for device credentials."""
    with database.transaction() as session:
        enrolled = auth.enrol(session, body.code, body.device_name)
        if enrolled is not None:
            response = EnrolResponse(
                device_id=enrolled.device.id,
                device_secret=enrolled.secret,
                role=enrolled.device.role,  # type: ignore[arg-type]
                station_id=enrolled.station.id if enrolled.station else None,
                station_name=enrolled.station.name if enrolled.station else None,
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
