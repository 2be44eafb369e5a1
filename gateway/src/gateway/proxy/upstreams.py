"""One pooled HTTP client per upstream service, created in the lifespan with explicit timeouts."""

from __future__ import annotations

from dataclasses import dataclass

import httpx

from gateway.settings import GatewaySettings


@dataclass(frozen=True)
class Upstream:
    name: str
    base_url: str
    client: httpx.AsyncClient


class Upstreams:
    def __init__(self, settings: GatewaySettings) -> None:
        timeout = httpx.Timeout(connect=settings.upstream_connect_timeout, read=settings.upstream_read_timeout,
                                write=10.0, pool=2.0)
        limits = httpx.Limits(max_connections=settings.upstream_max_connections,
                              max_keepalive_connections=settings.upstream_max_connections)
        self._by_name = {
            name: Upstream(name, url.rstrip("/"), httpx.AsyncClient(base_url=url.rstrip("/"), timeout=timeout,
                                                                    limits=limits, follow_redirects=False))
            for name, url in settings.upstream_urls().items()
        }

    def __getitem__(self, name: str) -> Upstream:
        return self._by_name[name]

    def names(self) -> list[str]:
        return list(self._by_name)

    async def aclose(self) -> None:
        for upstream in self._by_name.values():
            await upstream.client.aclose()
