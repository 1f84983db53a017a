"""In a real browser, pages load whole from our own host: nothing is asked of a third party, nothing fails."""

from urllib.parse import urlsplit

from tests.browser_support import page_errors

PAGES = ["", "loss/", "en/", "en/loss/"]


def test_pages_load_with_every_other_host_blocked(browser, served_site):
    """The pages load side by side, each in its own tab, so that their quiet moments overlap."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    attempted_elsewhere = []

    def only_our_host(route):
        if urlsplit(route.request.url).hostname == "127.0.0.1":
            route.continue_()
        else:
            attempted_elsewhere.append(route.request.url)
            route.abort()

    context.route("**/*", only_our_host)
    tabs = {}
    for path in PAGES:
        page = context.new_page()
        failed, errors = [], page_errors(page)
        page.on("requestfailed", lambda request, failed=failed: failed.append(f"{request.url}: {request.failure}"))
        page.on(
            "response",
            lambda response, failed=failed: (
                response.status >= 400 and failed.append(f"{response.url}: {response.status}")
            ),
        )
        page.goto(served_site + path, wait_until="commit")
        tabs[path or "home"] = (page, failed, errors)
    for page, _, _ in tabs.values():
        page.wait_for_load_state("networkidle")
    page.wait_for_timeout(300)  # late scripts (search worker start-up, clipboard) get their chance to fail
    problems = []
    for name, (page, failed, errors) in tabs.items():
        problems += [f"{name}: failed request {item}" for item in failed]
        problems += [f"{name}: {item}" for item in errors]
        if not page.locator("h1").first.is_visible():
            problems.append(f"{name}: no visible heading")
    context.close()
    assert not attempted_elsewhere, "requests to other hosts:\n" + "\n".join(attempted_elsewhere)
    assert not problems, "\n".join(problems)
