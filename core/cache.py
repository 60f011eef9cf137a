"""Keeping what is costly to make in the cache, without depending on the cache being there."""

import logging
from collections.abc import Callable

from django.core.cache import cache
from redis.exceptions import RedisError

logger = logging.getLogger(__name__)


def cached(key: str, make: Callable[[], bytes], *, seconds: int) -> bytes:
    """What the cache holds under `key`, else `make()`, kept for `seconds`.

    The key must name the version of everything the value is made from, so that a change is
    never served stale. While the cache (Redis in production) is away, the value is made each
    time: slower, never an error.
    """
    try:
        value = cache.get(key)
    except RedisError as error:
        logger.warning("Cache unavailable, %s made afresh: %s", key, error)
        return make()
    if value is None:
        value = make()
        try:
            cache.set(key, value, seconds)
        except RedisError as error:
            logger.warning("Cache unavailable, %s not kept: %s", key, error)
    return value
