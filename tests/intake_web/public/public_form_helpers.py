"""Driving the web form through Flask's test client, with CSRF on, as a browser without JavaScript would."""
import html as html_module
import re
from html.parser import HTMLParser
from urllib.parse import urlsplit

JOURNEY_START = "/feedback/who-are-you"

# A valid answer for every question; tests override the ones they care about.
DEFAULT_ANSWERS = {
    "who-are-you": {"who": "young-person"},
    "what-kind": {"kind": "something-wrong"},
    "formal-complaint": {"formal": "yes"},
    "what-happened": {"what_happened": "My social worker keeps missing our meetings.\nNobody tells me why."},
    "put-it-right": {"put_it_right": "Tell me when they cannot come."},
    "advocate": {"advocate": "yes"},
    "your-name": {"your_name": "Sam Example"},
    "child-name": {"child_name": "Alex Example"},
    "contact": {"contact_method": "email"},
    # The details page shows only the box for the way chosen; the form ignores the others.
    "contact-details": {"contact_email": "sam@example.com", "contact_mobile": "07700 900 982",
                        "contact_phone": "01632 960 001", "contact_address": "1 Example Street\nGrimsby\nDN31 1AA"},
}

BLOCK_TAGS = {"p", "li", "label", "legend", "h1", "h2", "h3", "dt", "dd", "button", "a", "div", "span", "strong"}


class PageParser(HTMLParser):
    """Collects what the page checks need: headings, title, forms and the text of <main>."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.h1s: list[str] = []
        self.title = ""
        self.forms: list[dict] = []
        self.main_text: list[str] = []
        self.inline_scripts = 0
        self.style_attributes = 0
        self.style_elements = 0
        self.external_urls: list[str] = []
        self._in = {"h1": 0, "title": 0, "main": 0, "script": 0, "style": 0}
        self._h1_text: list[str] = []

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag in self._in:
            self._in[tag] += 1
        if tag == "h1":
            self._h1_text = []
        if tag == "script" and not attributes.get("src"):
            self.inline_scripts += 1
        if tag == "style":
            self.style_elements += 1
        if "style" in attributes:
            self.style_attributes += 1
        if tag == "form":
            self.forms.append({"action": attributes.get("action"),
                               "method": (attributes.get("method") or "get").lower(),
                               "csrf": False, "novalidate": "novalidate" in attributes})
        if tag == "input" and attributes.get("name") == "csrf_token" and self.forms and attributes.get("value"):
            self.forms[-1]["csrf"] = True
        for name in ("href", "src", "action"):
            value = attributes.get(name) or ""
            if urlsplit(value).scheme in ("http", "https") or value.startswith("//"):
                self.external_urls.append(value)

    def handle_endtag(self, tag):
        if tag == "h1" and self._in["h1"]:
            self.h1s.append(" ".join("".join(self._h1_text).split()))
        if self._in["main"] and tag in BLOCK_TAGS and self.main_text:
            last = self.main_text[-1].rstrip()
            if last and last[-1] not in ".!?:,":
                self.main_text.append(".")  # a heading, label or list item ends a sentence
        if tag in self._in and self._in[tag]:
            self._in[tag] -= 1

    def handle_data(self, data):
        if self._in["h1"]:
            self._h1_text.append(data)
        if self._in["title"]:
            self.title += data
        if self._in["main"] and not self._in["script"] and not self._in["style"]:
            self.main_text.append(data)

    @property
    def text(self) -> str:
        return " ".join(" ".join(self.main_text).split())


def parse(html: str) -> PageParser:
    parser = PageParser()
    parser.feed(html)
    return parser


def check_page(html: str) -> PageParser:
    """The rules every page follows (as Notify's client_request checks them)."""
    page = parse(html)
    assert len(page.h1s) == 1, f"expected exactly one <h1>, found {page.h1s}"
    title = " ".join(page.title.split())
    assert title.removeprefix("Error: ").startswith(page.h1s[0]), f"title {title!r} does not start with {page.h1s[0]!r}"
    for form in page.forms:
        assert form["action"], "every form needs an action"
        if form["method"] == "post":
            assert form["csrf"], f"the form posting to {form['action']} has no CSRF token"
            assert form["novalidate"], "forms use novalidate so that our error messages are the ones people see"
    assert page.inline_scripts == 0, "no inline <script>: the CSP forbids them"
    assert page.style_attributes == 0 and page.style_elements == 0, \
        "no style= attributes or <style>: the CSP forbids them"
    assert not page.external_urls, f"pages must not load or link anything from elsewhere: {page.external_urls}"
    # GOV.UK Frontend sets aria-expanded on radios and checkboxes that reveal a question, and
    # axe-core reports it (aria-allowed-attr): ask the question on the next page instead.
    assert "govuk-radios__conditional" not in html and "govuk-checkboxes__conditional" not in html \
        and "data-aria-controls" not in html, "no conditionally revealed questions"
    return page


def csrf_token(html: str) -> str:
    match = re.search(r'name="csrf_token"[^>]*value="([^"]+)"', html)
    assert match, "no CSRF token on the page"
    return match.group(1)


class FormClient:
    """A test client that checks every page it gets and sends the CSRF token with every post."""

    def __init__(self, client) -> None:
        self.client = client
        self.token: str | None = None

    def get(self, path: str, status: int = 200):
        response = self.client.get(path)
        assert response.status_code == status, (path, response.status_code, response.headers.get("Location"))
        if status == 200:
            html = response.get_data(as_text=True)
            check_page(html)
            if 'name="csrf_token"' in html:
                self.token = csrf_token(html)
        return response

    def post(self, path: str, data: dict, with_token: bool = True):
        if with_token and self.token is None:
            self.get(JOURNEY_START)
        payload = {**data, "csrf_token": self.token} if with_token else data
        response = self.client.post(path, data=payload)
        if response.status_code == 200:
            check_page(response.get_data(as_text=True))
        return response

    def answer(self, page_name: str, data: dict):
        return self.post(f"/feedback/{page_name}", data)

    def walk(self, answers: dict | None = None, start: str = JOURNEY_START,
             stop_before: str | None = None) -> list[str]:
        """Answer each question the form asks, following its redirects, until check answers.

        Returns the names of the pages asked, in order.
        """
        answers = {**DEFAULT_ANSWERS, **(answers or {})}
        asked = []
        path = start
        while True:
            page_name = path.rsplit("/", 1)[-1].split("?")[0]
            if page_name == "check-answers" or page_name == stop_before:
                return asked
            self.get(path)
            asked.append(page_name)
            response = self.post(path, answers[page_name])
            assert response.status_code == 302, f"{page_name} did not accept {answers[page_name]}: " \
                                                 f"{parse(response.get_data(as_text=True)).text[:300]}"
            path = response.headers["Location"]
            assert len(asked) < 20, "the journey is going round in circles"

    def send(self):
        """Send the finished form from check answers, and return the confirmation page."""
        self.get("/feedback/check-answers")
        response = self.post("/feedback/check-answers", {})
        assert response.status_code == 302 and response.headers["Location"].endswith("/feedback/confirmation"), \
            response.status_code
        return self.get("/feedback/confirmation")


def error_summary(html: str) -> list[tuple[str, str]]:
    """The (link target, message) pairs in the GOV.UK error summary."""
    summary = re.search(r'class="govuk-error-summary".*?</ul>', html, re.S)
    if not summary:
        return []
    links = re.findall(r'<a href="([^"]+)">(.*?)</a>', summary.group(0), re.S)
    return [(href, html_module.unescape(" ".join(text.split()))) for href, text in links]


def inline_errors(html: str) -> dict[str, str]:
    """Field id -> inline error message."""
    pattern = (r'<p id="([^"]+)-error" class="govuk-error-message">\s*'
               r'<span class="govuk-visually-hidden">Error:</span>(.*?)</p>')
    return {field: html_module.unescape(" ".join(text.split())) for field, text in re.findall(pattern, html, re.S)}
