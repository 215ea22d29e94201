"""Communication settings, read from ``ES_COMMUNICATION_*`` environment variables."""

from __future__ import annotations

from pydantic import Field, SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict

OFFLINE_NOTIFIER = "offline"
TWILIO_NOTIFIER = "twilio"
# The channels the Twilio notifier can carry: it sends SMS and nothing else.
TWILIO_CHANNELS = frozenset({"sms"})


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

    # The Twilio notifier (``notifier="twilio"``). The SID doubles as the basic-auth user.
    twilio_account_sid: str = ""
    twilio_auth_token: SecretStr = SecretStr("")
    # The sending number in E.164 form, e.g. "+15005550006".
    twilio_from: str = ""
    # Empty: Twilio's own API. Set only to reach a stand-in (a test server, a proxy).
    twilio_base_url: str = ""
    twilio_timeout_seconds: float = Field(default=10.0, gt=0)

    def missing_twilio_settings(self) -> list[str]:
        """The names of the environment variables the Twilio notifier still needs."""
        required = {
            "twilio_account_sid": self.twilio_account_sid,
            "twilio_auth_token": self.twilio_auth_token.get_secret_value(),
            "twilio_from": self.twilio_from,
        }
        return [f"ES_COMMUNICATION_{name.upper()}" for name, value in required.items() if not value]

    def check_for(self, environment: str) -> None:
        """Refuse to run production on settings that would page nobody."""
        if environment != "production":
            return
        if self.notifier == OFFLINE_NOTIFIER:
            raise UnsafeCommunicationSettings(
                "the offline notifier delivers nothing; configure ES_COMMUNICATION_NOTIFIER"
            )
        if self.notifier == TWILIO_NOTIFIER:
            missing = self.missing_twilio_settings()
            if missing:
                raise UnsafeCommunicationSettings(f"the twilio notifier needs {', '.join(missing)}")
            channels = {self.staff_channel, self.family_channel, self.patient_channel}
            unsupported = sorted(channels - TWILIO_CHANNELS)
            if unsupported:
                raise UnsafeCommunicationSettings(
                    f"the twilio notifier sends SMS only, not {', '.join(unsupported)}; "
                    "set ES_COMMUNICATION_*_CHANNEL to sms"
                )
