"""``/auth``: tokens for people (password grant), rotation, sign-out; and ``/me``."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Cookie, Form, Header, Request, Response, status

from app.auth import service
from app.auth.dependencies import CurrentPrincipal, principal_of
from app.auth.schemas import LogoutRequest, MeRead, RefreshRequest, TokenRead
from app.auth.throttle import LoginThrottle
from app.core import audit
from app.core.db import SessionDep
from app.core.errors import DomainError, Unauthorized, problem_responses
from app.users.models import User

router = APIRouter(tags=["auth"])


class InvalidGrant(DomainError):
    status = 400
    title = "Invalid grant"
    slug = "invalid-grant"

    def __init__(self, detail: str) -> None:
        super().__init__(detail, error="invalid_grant")


class UnsupportedGrantType(DomainError):
    status = 400
    title = "Unsupported grant type"
    slug = "unsupported-grant-type"

    def __init__(self, detail: str) -> None:
        super().__init__(detail, error="unsupported_grant_type")


# Browsers get the refresh token as an HttpOnly cookie that scripts cannot read and that
# travels only to the token endpoints; mobile clients keep it in the JSON body.
REFRESH_COOKIE = "prss_refresh"
REFRESH_COOKIE_PATH = "/api/v1/auth"

TokenDelivery = Annotated[
    Literal["cookie", "body"] | None,
    Header(
        alias="X-Token-Delivery",
        description="`cookie` (browsers): the refresh token is set as an HttpOnly, Secure, "
        "SameSite=Strict cookie scoped to /api/v1/auth instead of being returned in the body.",
    ),
]
RefreshCookie = Annotated[str | None, Cookie(alias=REFRESH_COOKIE, include_in_schema=False)]


def _deliver(
    request: Request, response: Response, issued: service.IssuedTokens, delivery: str | None
) -> TokenRead:
    if delivery != "cookie":
        return TokenRead(
            access_token=issued.access_token,
            expires_in=issued.expires_in,
            refresh_token=issued.refresh_token,
        )
    response.set_cookie(
        REFRESH_COOKIE,
        issued.refresh_token,
        max_age=request.app.state.settings.refresh_token_days * 86400,
        path=REFRESH_COOKIE_PATH,
        secure=True,
        httponly=True,
        samesite="strict",
    )
    return TokenRead(access_token=issued.access_token, expires_in=issued.expires_in)


def _client_ip(request: Request) -> str:
    return request.client.host if request.client else "unknown"


@router.post(
    "/auth/token",
    response_model=TokenRead,
    responses=problem_responses(400, 429),
    summary="Sign in (OAuth2 password grant)",
)
def issue_token(
    request: Request,
    response: Response,
    db: SessionDep,
    grant_type: Annotated[Literal["password", "client_credentials"], Form()],
    username: Annotated[str | None, Form(max_length=320)] = None,
    password: Annotated[str | None, Form(max_length=200)] = None,
    delivery: TokenDelivery = None,
) -> TokenRead:
    if grant_type != "password":
        raise UnsupportedGrantType("Integrator credentials are not enabled on this server.")
    if not username or not password:
        raise InvalidGrant("username and password are required.")
    throttle: LoginThrottle = request.app.state.login_throttle
    ip = _client_ip(request)
    throttle.check(username=username, ip=ip)

    user, ok = service.authenticate(db=db, email=username, password=password)
    if not ok or user is None:
        throttle.failed(username=username, ip=ip)
        if user is not None:
            _identify(request, user)
        raise InvalidGrant("The email or password is not correct.")

    throttle.succeeded(username=username)
    _identify(request, user)
    issued = service.issue_tokens(
        db=db,
        user=user,
        settings=request.app.state.settings,
        secret=request.app.state.secret_key,
    )
    return _deliver(request, response, issued, delivery)


def _identify(request: Request, user: User) -> None:
    audit.trail_of(request).identify(principal_of(user))


@router.post(
    "/auth/refresh",
    response_model=TokenRead,
    responses=problem_responses(401),
    summary="Exchange a refresh token (body, or the browser's cookie) for new tokens (rotating)",
)
def refresh_token(
    request: Request,
    response: Response,
    db: SessionDep,
    delivery: TokenDelivery = None,
    cookie: RefreshCookie = None,
    body: RefreshRequest | None = None,
) -> TokenRead:
    presented = body.refresh_token if body else cookie
    if not presented:
        raise Unauthorized("No refresh token: sign in again.")
    issued = service.rotate(
        db=db,
        refresh_token=presented,
        settings=request.app.state.settings,
        secret=request.app.state.secret_key,
    )
    return _deliver(request, response, issued, delivery)


@router.post(
    "/auth/logout",
    status_code=status.HTTP_204_NO_CONTENT,
    summary="Sign out: revoke the refresh token (body, or the browser's cookie) and its family",
)
def logout(
    db: SessionDep, cookie: RefreshCookie = None, body: LogoutRequest | None = None
) -> Response:
    presented = body.refresh_token if body else cookie
    if presented:
        service.logout(db=db, refresh_token=presented)
    response = Response(status_code=status.HTTP_204_NO_CONTENT)
    response.delete_cookie(
        REFRESH_COOKIE, path=REFRESH_COOKIE_PATH, secure=True, httponly=True, samesite="strict"
    )
    return response


@router.get("/me", response_model=MeRead, summary="The signed-in account")
def read_me(db: SessionDep, principal: CurrentPrincipal) -> User:
    user = db.get(User, principal.user_id)
    assert user is not None  # get_principal loaded it in this session
    return user
