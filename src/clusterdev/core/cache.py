"""Caching of what anonymous visitors read, invalidated by any write to domain data.

Every write to a registered model bumps one version number in the database (in the same
transaction as the write); each cached entry's key includes the version, so a curator's edit
is visible on the very next request in every server process, and stale entries age out.
Only anonymous GETs answered 200 without cookies are cached: a signed-in curator always sees
fresh, personal pages.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from contextvars import ContextVar
from typing import Any

from django.core.cache import cache
from django.db.models import F
from django.http import HttpRequest, HttpResponse

PAGE_TIMEOUT = 60 * 60  # an hour; any write invalidates sooner
CACHED_PREFIXES = (
    "/clusters/",
    "/figures/",
    "/geography/",
    "/sources/",
    "/about/data/",
    "/api/clusters/",
    "/api/estimates/",
    "/api/sources/",
    "/api/national-figures/",
    "/api/breakdowns/",
    "/api/nic-codes/",
    "/api/geography/",
)


# Within one request the version is read at most once (lazily, so requests that cache nothing
# run no extra query); the middleware opens and closes that memo.
_request_memo: ContextVar[dict[str, int] | None] = ContextVar("clusterdev_version", default=None)


def data_version() -> int:
    memo = _request_memo.get()
    if memo is not None and "version" in memo:
        return memo["version"]
    from clusterdev.core.models import DataVersion

    version = DataVersion.objects.filter(pk=1).values_list("version", flat=True).first()
    if memo is not None:
        memo["version"] = int(version or 0)
    return int(version or 0)


def bump_data_version(**_: Any) -> None:
    """Signal receiver: domain data changed, so every cached answer is out of date."""
    from clusterdev.core.models import DataVersion

    if not DataVersion.objects.filter(pk=1).update(version=F("version") + 1):
        DataVersion.objects.get_or_create(pk=1, defaults={"version": 2})


def cached(key: str, compute: Callable[[], Any], timeout: int = PAGE_TIMEOUT) -> Any:
    """``compute()`` once per data version (e.g. facet counts, the map's base layer)."""
    full_key = f"clusterdev:v{data_version()}:{hashlib.sha1(key.encode()).hexdigest()}"
    value = cache.get(full_key)
    if value is None:
        value = compute()
        cache.set(full_key, value, timeout)
    return value


class PublicPageCacheMiddleware:
    """Serves repeated anonymous GETs of public pages and API reads from the cache."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def _key(self, request: HttpRequest) -> str | None:
        if request.method != "GET" or request.user.is_authenticated:
            return None
        if "sessionid" in request.COOKIES or "messages" in request.COOKIES:
            return None  # the page may carry a message for this visitor
        path = request.path
        if not (path == "/" or path.startswith(CACHED_PREFIXES)) or "export" in request.GET:
            return None
        accept = "json" if "json" in request.headers.get("Accept", "") else "html"
        gzip = "gzip" if "gzip" in request.headers.get("Accept-Encoding", "") else ""
        parts = [
            request.get_full_path(),
            accept,
            getattr(request, "LANGUAGE_CODE", ""),
            request.headers.get("HX-Request", ""),
            gzip,
        ]
        digest = hashlib.sha1("|".join(parts).encode()).hexdigest()
        return f"clusterdev:page:v{data_version()}:{digest}"

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.method != "GET":  # a write may bump the version mid-request
            return self.get_response(request)
        token = _request_memo.set({})
        try:
            return self._respond(request)
        finally:
            _request_memo.reset(token)

    def _respond(self, request: HttpRequest) -> HttpResponse:
        key = self._key(request)
        if key is None:
            return self.get_response(request)
        hit = cache.get(key)
        if hit is not None:
            content, headers = hit
            response = HttpResponse(content)
            for name, value in headers:
                response[name] = value
            return response
        response = self.get_response(request)
        if response.status_code == 200 and not response.streaming and not response.cookies:
            render = getattr(response, "render", None)
            if render is not None and not getattr(response, "is_rendered", True):
                render()
            # Plain bytes and headers: cheap to store and to read back, whatever made them.
            cache.set(key, (response.content, list(response.items())), PAGE_TIMEOUT)
        return response
