"""Communication settings, read from ``ES_COMMUNICATION_*`` environment variables."""

from __future__ import annotations

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict

OFFLINE_NOTIFIER = "offline"


class UnsafeCommunicationSettings(ValueError):
    """The settings would silently drop alerts in this environment."""


class CommunicationSettings(BaseSettings):
    model_config = SettingsConfigDict(
        env_prefix="ES_COMMUNICATION_", env_file=".env", extra="ignore"
    )

    # "offline" or the name of an ``emergisphere.notifiers`` entry point.
    notifier: str = OFFLINE_NOTIFIER
    staff_channel: str = "pager"
    staff_recipients: list[str] = Field(
        default_factory=lambda: ["ed-charge-nurse", "ed-attending"], min_length=1
    )
    family_channel: str = "sms"
    patient_channel: str = "sms"
    # The ED desk number families and patients are told to call (555-01xx is fictional).
    ed_phone: str = "+1 555 0100"

    def check_for(self, environment: str) -> None:
        """Refuse to run production on the offline notifier: it would page nobody."""
        if environment == "production" and self.notifier == OFFLINE_NOTIFIER:
            raise UnsafeCommunicationSettings(
                "the offline notifier delivers nothing; configure ES_COMMUNICATION_NOTIFIER"
            )
