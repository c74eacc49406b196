"""What the routes depend on: the advisor of the index version being served (one per request, so a version swapped
in meanwhile never answers half a question), and the holder that swaps versions."""

from __future__ import annotations

import hmac
from typing import Annotated

from fastapi import Depends, Request

from careerbot.answer.advisor import Advisor, CurrentAdvisor


# Plain look-ups, so async: FastAPI runs a sync dependency in its thread pool, a hop per dependency per request.
async def get_current(request: Request) -> CurrentAdvisor:
    current: CurrentAdvisor = request.app.state.current
    return current


async def get_advisor(current: Annotated[CurrentAdvisor, Depends(get_current)]) -> Advisor:
    return current.advisor


CurrentDep = Annotated[CurrentAdvisor, Depends(get_current)]
AdvisorDep = Annotated[Advisor, Depends(get_advisor)]


def bearer_matches(expected: str, authorization: str | None) -> bool:
    """Whether an Authorization header is 'Bearer <expected>' (compared in constant time)."""
    scheme, _, token = (authorization or "").partition(" ")
    return scheme.lower() == "bearer" and hmac.compare_digest(token.strip().encode(), expected.encode())
