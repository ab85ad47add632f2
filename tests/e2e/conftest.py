"""Browser tests: Playwright driving Debian's Chromium (/usr/bin/chromium) against live_server.

Fixtures:
- `browser_type_launch_args`: pytest-playwright launches the system Chromium with flags that work offline.
- `console_errors`: a list collecting console errors and page errors; tests assert it stays empty.
- `as_user(page, user)`: log in through the real login form.
- `shot(page, name)`: save a full-page screenshot under test-results/screens/NAME.png.
"""

import os
from pathlib import Path

import pytest

from tests.conftest import PASSWORD

SCREENS = Path(__file__).resolve().parents[2] / "test-results" / "screens"
CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
]


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/e2e/" in str(item.fspath):
            item.add_marker(pytest.mark.e2e)


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    return {
        **browser_type_launch_args,
        "executable_path": os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium"),
        "args": CHROMIUM_FLAGS,
    }


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    return {**browser_context_args, "viewport": {"width": 1366, "height": 900}}


class ConsoleErrors(list):
    """The page's console errors and uncaught exceptions, and any alert or prompt (an XSS test's alarm). The
    questions of a `data-confirm` button (a confirm dialog) are not errors: they are kept in .confirms and
    answered with .accept_confirms (yes unless a test says otherwise)."""

    def __init__(self):
        super().__init__()
        self.confirms = []
        self.accept_confirms = True

    def dialog(self, dialog):
        if dialog.type == "confirm":
            self.confirms.append(dialog.message)
            dialog.accept() if self.accept_confirms else dialog.dismiss()
        else:
            self.append(f"dialog opened: {dialog.message}")
            dialog.dismiss()


@pytest.fixture
def console_errors(page):
    errors = ConsoleErrors()
    page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.on("dialog", errors.dialog)
    return errors


@pytest.fixture
def as_user(live_server):
    def _login(page, user):
        page.goto(f"{live_server.url}/login/")
        page.fill("#id_username", user.username)
        page.fill("#id_password", PASSWORD)
        page.click("button[type=submit]")
        page.wait_for_load_state("networkidle")
        return page

    return _login


@pytest.fixture
def shot():
    SCREENS.mkdir(parents=True, exist_ok=True)

    def _shot(page, name):
        path = SCREENS / f"{name}.png"
        page.screenshot(path=str(path), full_page=True)
        return path

    return _shot
