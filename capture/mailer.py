"""Send one email over SMTP. The outbox worker is its only user."""

import smtplib
from email.message import EmailMessage


class SmtpMailer:
    """Opens a connection per message: alerts are few, and a fresh connection
    means one broken message or a server restart cannot poison the next."""

    def __init__(self, host: str, port: int, *, user: str | None = None,
                 password: str | None = None, starttls: bool = False, timeout: float = 10):
        self.host = host
        self.port = int(port)
        self.user = user
        self.password = password
        self.starttls = starttls
        self.timeout = float(timeout)

    @classmethod
    def from_config(cls, config) -> "SmtpMailer":
        return cls(
            config["SMTP_HOST"], config["SMTP_PORT"],
            user=config.get("SMTP_USER") or None,
            password=config.get("SMTP_PASSWORD") or None,
            starttls=_flag(config.get("SMTP_STARTTLS")),
            timeout=config.get("SMTP_TIMEOUT") or 10,
        )

    def send(self, message: EmailMessage) -> None:
        with smtplib.SMTP(self.host, self.port, timeout=self.timeout) as smtp:
            if self.starttls:
                smtp.starttls()
            if self.user:
                smtp.login(self.user, self.password or "")
            smtp.send_message(message)


def _flag(value) -> bool:
    """CAPTURE_SMTP_STARTTLS arrives as JSON true/false, or as a word."""
    if isinstance(value, str):
        return value.strip().lower() in {"1", "true", "yes", "on"}
    return bool(value)
