"""Settings of the optional LLM triage assist, read from ``ES_TRIAGE_LLM_*``.

Off by default: triage then runs on the deterministic rules alone, offline.
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field, SecretStr, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

Provider = Literal["off", "openai", "anthropic"]


class TriageLlmSettings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="ES_TRIAGE_LLM_", env_file=".env", extra="ignore")

    # "openai" also covers any OpenAI-compatible server through base_url.
    provider: Provider = "off"
    model: str = ""
    base_url: str = ""
    api_key: SecretStr = SecretStr("")
    # The rules' answer is ready in microseconds; the assist may add at most this much.
    timeout_seconds: float = Field(default=4.0, gt=0, le=60)
    max_tokens: int = Field(default=200, ge=16, le=4000)

    @model_validator(mode="after")
    def _model_when_enabled(self) -> TriageLlmSettings:
        if self.provider != "off" and not self.model:
            raise ValueError("ES_TRIAGE_LLM_MODEL is required when the LLM assist is enabled")
        return self

    @property
    def enabled(self) -> bool:
        return self.provider != "off"
