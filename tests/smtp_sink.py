"""A real SMTP server on loopback for the tests that send mail (aiosmtpd); the
``sink`` fixture in tests/conftest.py gives each test a running one."""

import socket
from collections import Counter
from email import message_from_bytes
from email import policy

from aiosmtpd.controller import Controller


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class CollectingHandler:
    def __init__(self):
        self.messages = []
        self.reply = None

    async def handle_DATA(self, server, session, envelope):
        if self.reply:
            return self.reply
        self.messages.append((envelope.mail_from, list(envelope.rcpt_tos), envelope.content))
        return "250 Message accepted for delivery"


class SmtpSink:
    """A real SMTP server on 127.0.0.1; down() closes the port, up() reopens the same one
    (a stopped Controller cannot restart, so each up() makes a new one)."""

    def __init__(self):
        self.handler = CollectingHandler()
        self.host, self.port = "127.0.0.1", free_port()
        self.controller = None

    def up(self):
        if self.controller is None:
            self.controller = Controller(self.handler, hostname=self.host, port=self.port,
                                         ready_timeout=5)
            self.controller.start()

    def down(self):
        if self.controller is not None:
            self.controller.stop()
            self.controller = None

    def mails(self):
        return [message_from_bytes(raw, policy=policy.default)
                for _, _, raw in self.handler.messages]

    def per_lead(self) -> Counter:
        return Counter(mail["X-Leadpress-Lead"] for mail in self.mails())
