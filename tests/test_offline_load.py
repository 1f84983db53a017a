"""In a real browser, pages load whole from our own host: nothing is asked of a third party, nothing fails."""

from urllib.parse import urlsplit

import pytest

from tests.browser_support import page_errors

PAGES = ["", "loss/", "en/", "en/loss/"]


@pytest.mark.parametrize("path", PAGES, ids=lambda p: p or "home")
def test_page_loads_with_every_other_host_blocked(page, served_site, path):
    attempted_elsewhere, failed = [], []

    def only_our_host(route):
        if urlsplit(route.request.url).hostname == "127.0.0.1":
            route.continue_()
        else:
            attempted_elsewhere.append(route.request.url)
            route.abort()

    page.route("**/*", only_our_host)
    page.on("requestfailed", lambda request: failed.append(f"{request.url}: {request.failure}"))
    page.on("response", lambda response: response.status >= 400 and failed.append(f"{response.url}: {response.status}"))
    errors = page_errors(page)

    page.goto(served_site + path, wait_until="networkidle")
    page.wait_for_timeout(300)  # late scripts (search worker start-up, clipboard) get their chance to fail

    assert not attempted_elsewhere, "requests to other hosts:\n" + "\n".join(attempted_elsewhere)
    assert not failed, "failed requests:\n" + "\n".join(failed)
    assert not errors, "errors in the page:\n" + "\n".join(errors)
    assert page.locator("h1").first.is_visible()
