"""``/auth``: tokens for people (password grant) and integrator clients (client
credentials grant), rotation, sign-out; and ``/me``."""

from __future__ import annotations

import base64
from typing import Annotated, Literal
from urllib.parse import unquote_plus

from fastapi import APIRouter, Cookie, Depends, Form, Header, Request, Response, status
from fastapi.responses import JSONResponse
from pydantic.json_schema import SkipJsonSchema
from sqlalchemy.orm import Session

from app.auth import service
from app.auth.dependencies import CurrentPrincipal, IntegratorPrincipal, principal_of
from app.auth.schemas import LogoutRequest, MeRead, RefreshRequest, TokenRead
from app.auth.throttle import LoginThrottle
from app.core import audit
from app.core.db import SessionDep
from app.core.errors import DomainError, Unauthorized, problem_responses
from app.core.rate_limits import limit
from app.integrators import service as integrators
from app.integrators.models import IntegratorClient
from app.users.models import User

router = APIRouter(tags=["auth"])


class InvalidGrant(DomainError):
    status = 400
    title = "Invalid grant"
    slug = "invalid-grant"

    def __init__(self, detail: str) -> None:
        super().__init__(detail, error="invalid_grant")


class InvalidRequest(DomainError):
    status = 400
    title = "Invalid request"
    slug = "invalid-request"

    def __init__(self, detail: str) -> None:
        super().__init__(detail, error="invalid_request")


class InvalidScope(DomainError):
    status = 400
    title = "Invalid scope"
    slug = "invalid-scope"

    def __init__(self, detail: str) -> None:
        super().__init__(detail, error="invalid_scope")


class InvalidClient(Unauthorized):
    """Client authentication failed. One answer whatever was wrong (unknown id, wrong
    secret, revoked client), so it reveals nothing about which."""

    title = "Invalid client"
    slug = "invalid-client"

    def __init__(self) -> None:
        super().__init__("Client authentication failed.", error="invalid_client")

    def headers(self) -> dict[str, str]:
        # RFC 6749 section 5.2: a 401 names the scheme clients may authenticate with.
        return {"WWW-Authenticate": 'Basic realm="prss"'}


# Browsers get the refresh token as an HttpOnly cookie that scripts cannot read and that
# travels only to the token endpoints; mobile clients keep it in the JSON body.
REFRESH_COOKIE = "prss_refresh"
REFRESH_COOKIE_PATH = "/api/v1/auth"

TokenDelivery = Annotated[
    Literal["cookie", "body"] | SkipJsonSchema[None],  # a header is absent, never null
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
    dependencies=[Depends(limit("sign_in"))],
    responses=problem_responses(400, 401, 429),
    summary="Sign in (OAuth2 password grant) or authenticate an integrator client "
    "(client credentials grant)",
    description="`grant_type=password` with `username` (the email) and `password` issues an "
    "access token and a refresh token. `grant_type=client_credentials` with `client_id` and "
    "`client_secret` (form fields, or HTTP Basic) issues an integrator access token only; "
    "a failed client authentication is 401 with `error: invalid_client`.",
)
def issue_token(
    request: Request,
    response: Response,
    db: SessionDep,
    grant_type: Annotated[Literal["password", "client_credentials"], Form()],
    username: Annotated[str | None, Form(max_length=320)] = None,
    password: Annotated[str | None, Form(max_length=200)] = None,
    client_id: Annotated[str | None, Form(max_length=100)] = None,
    client_secret: Annotated[str | None, Form(max_length=200)] = None,
    scope: Annotated[
        str | None,
        Form(max_length=200, description="Client credentials: the scopes wanted (default all)."),
    ] = None,
    delivery: TokenDelivery = None,
) -> TokenRead | JSONResponse:
    if grant_type == "client_credentials":
        return _client_credentials(
            request, db, client_id=client_id, client_secret=client_secret, scope=scope
        )
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


def _basic_credentials(request: Request) -> tuple[str, str] | None:
    """Client credentials sent as HTTP Basic (RFC 6749 section 2.3.1: each part is
    form-encoded before the pair is base64-encoded)."""
    scheme, _, value = request.headers.get("authorization", "").partition(" ")
    if scheme.lower() != "basic":
        return None
    try:
        decoded = base64.b64decode(value.strip(), validate=True).decode("utf-8")
    except ValueError as exc:  # binascii.Error and UnicodeDecodeError are ValueErrors
        raise InvalidClient from exc
    client_id, separator, client_secret = decoded.partition(":")
    if not separator:
        raise InvalidClient
    return unquote_plus(client_id), unquote_plus(client_secret)


def _client_credentials(
    request: Request,
    db: Session,
    *,
    client_id: str | None,
    client_secret: str | None,
    scope: str | None,
) -> JSONResponse:
    basic = _basic_credentials(request)
    if basic is not None:
        if client_secret is not None or (client_id is not None and client_id != basic[0]):
            raise InvalidRequest("Authenticate the client one way: HTTP Basic or form fields.")
        client_id, client_secret = basic
    if not client_id or not client_secret:
        raise InvalidClient

    # The login throttle, keyed by client id (and the caller's address) like an account.
    throttle: LoginThrottle = request.app.state.login_throttle
    account = f"client:{client_id}"
    ip = _client_ip(request)
    throttle.check(username=account, ip=ip)

    client, ok = integrators.authenticate(db=db, client_id=client_id, client_secret=client_secret)
    if client is not None:
        _identify_client(request, client)
    if not ok or client is None:
        throttle.failed(username=account, ip=ip)
        raise InvalidClient
    throttle.succeeded(username=account)

    requested = scope.split() if scope else list(client.scopes)
    if not requested or not set(requested) <= set(client.scopes):
        raise InvalidScope("The client may ask only for scopes it was granted.")
    issued = service.issue_client_token(
        client=client,
        scopes=sorted(set(requested)),
        settings=request.app.state.settings,
        secret=request.app.state.secret_key,
    )
    body = TokenRead(
        access_token=issued.access_token, expires_in=issued.expires_in, scope=issued.scope
    )
    # No refresh token at all (not even null): the client asks again with its secret.
    return JSONResponse(body.model_dump(mode="json", exclude_none=True))


def _identify_client(request: Request, client: IntegratorClient) -> None:
    audit.trail_of(request).identify(
        IntegratorPrincipal(
            client_id=client.id,
            organisation_id=client.organisation_id,
            scopes=frozenset(client.scopes),
        )
    )


@router.post(
    "/auth/refresh",
    response_model=TokenRead,
    dependencies=[Depends(limit("refresh"))],
    responses=problem_responses(401, 429),
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
    if user is None:  # removed since the caller was resolved
        raise Unauthorized("The access token is no longer valid.")
    return user
