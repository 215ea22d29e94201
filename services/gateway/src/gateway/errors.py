"""Error bodies that name the field and never echo the submitted value (it may be PHI)."""

from __future__ import annotations

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse


async def _validation_error(_request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, RequestValidationError)
    errors = [
        {
            "field": ".".join(str(part) for part in err["loc"][1:]) or str(err["loc"][0]),
            "loc": list(err["loc"]),
            "type": err["type"],
            "msg": err["msg"],
        }
        for err in exc.errors()
    ]
    return JSONResponse(status_code=422, content={"detail": errors})


def install(app: FastAPI) -> None:
    app.add_exception_handler(RequestValidationError, _validation_error)
