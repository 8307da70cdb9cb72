"""Read an HTML form as a browser would submit it, so that tests post what a real page sends."""

from html.parser import HTMLParser


class _FormReader(HTMLParser):
    def __init__(self, form_id):
        super().__init__()
        self.form_id = form_id
        self.inside = form_id is None
        self.fields = []
        self._select = None
        self._textarea = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form" and self.form_id is not None:
            self.inside = attrs.get("id") == self.form_id
        if not self.inside:
            return
        name = attrs.get("name")
        if tag == "input" and name and attrs.get("type") not in {"submit", "button", "file"}:
            if attrs.get("type") in {"checkbox", "radio"} and "checked" not in attrs:
                return
            self.fields.append((name, attrs.get("value", "")))
        elif tag == "select" and name:
            self._select = [name, None, None]  # name, selected value, first value
        elif tag == "option" and self._select is not None:
            value = attrs.get("value", "")
            if self._select[2] is None:
                self._select[2] = value
            if "selected" in attrs:
                self._select[1] = value
        elif tag == "textarea" and name:
            self._textarea = [name, ""]

    def handle_data(self, data):
        if self._textarea is not None:
            self._textarea[1] += data

    def handle_endtag(self, tag):
        if tag == "select" and self._select is not None:
            name, selected, first = self._select
            self.fields.append((name, selected if selected is not None else first or ""))
            self._select = None
        elif tag == "textarea" and self._textarea is not None:
            name, text = self._textarea
            self.fields.append((name, text.removeprefix("\n")))
            self._textarea = None
        elif tag == "form" and self.form_id is not None:
            self.inside = False


def form_data(html, form_id=None):
    """{name: value} of the form's fields as submitted (the last value of a repeated name)."""
    reader = _FormReader(form_id)
    reader.feed(html)
    return dict(reader.fields)
