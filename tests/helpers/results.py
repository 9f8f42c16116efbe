from datetime import date
from decimal import Decimal
from html.parser import HTMLParser

from django.core.files.uploadedfile import SimpleUploadedFile

from evaluations.results import services
from evaluations.results.models import Score


def score_post(submission, values, action="save"):
    """The score form's data: `values` by criterion code, an explanation for each."""
    data = {"action": action, "revision": submission.revision}
    for score in Score.objects.filter(submission=submission).select_related("criterion"):
        value = values.get(score.criterion.code, "")
        data[f"score_{score.criterion_id}"] = value
        data[f"explanation_{score.criterion_id}"] = f"Giải trình {score.criterion.code}"
    return data


def submit_ready(submission, officer):
    """Score every criterion 3, add the evidence A2 requires, submit before the deadline.
    Returns the criteria by code."""
    codes = {
        s.criterion.code: s.criterion
        for s in Score.objects.filter(submission=submission).select_related("criterion")
    }
    services.submission_save(
        submission=submission,
        actor=officer,
        scores={c.pk: {"self_score": Decimal("3"), "explanation": ""} for c in codes.values()},
    )
    services.evidence_add(
        submission=submission,
        actor=officer,
        criterion=codes["A2"],
        uploaded=SimpleUploadedFile("minh-chung.pdf", b"%PDF-1.4\n"),
    )
    services.submission_submit(submission=submission, actor=officer, today=date(2025, 7, 1))
    return codes


class _FormReader(HTMLParser):
    """The fields of one form of a page, as a browser would send them (no button, no file)."""

    def __init__(self, form_id):
        super().__init__(convert_charrefs=True)
        self.form_id, self.inside, self.fields = form_id, False, []
        self.textarea = self.select = None
        self.file_inputs = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            self.inside = attrs.get("id") == self.form_id
            return
        if not self.inside or ("name" not in attrs and tag != "option"):
            return
        if tag == "input":
            kind = attrs.get("type", "text")
            if kind == "file":
                self.file_inputs.append(attrs["name"])
            elif kind in ("checkbox", "radio"):
                if "checked" in attrs:
                    self.fields.append((attrs["name"], attrs.get("value", "on")))
            elif kind not in ("submit", "button", "reset"):
                self.fields.append((attrs["name"], attrs.get("value", "")))
        elif tag == "textarea":
            self.textarea = [attrs["name"], ""]
        elif tag == "select":
            self.select = [attrs["name"], None]
        elif (
            tag == "option"
            and self.select is not None
            and ("selected" in attrs or self.select[1] is None)
        ):
            self.select[1] = attrs.get("value", "")

    def handle_data(self, data):
        if self.textarea is not None:
            self.textarea[1] += data

    def handle_endtag(self, tag):
        if tag == "form":
            self.inside = False
        elif tag == "textarea" and self.textarea is not None:
            # The HTML parser drops the newline right after <textarea>, as browsers do.
            self.fields.append((self.textarea[0], self.textarea[1].removeprefix("\n")))
            self.textarea = None
        elif tag == "select" and self.select is not None:
            self.fields.append((self.select[0], self.select[1] or ""))
            self.select = None


def page_form(html, form_id):
    """(data, file input names) of the form `form_id` of a rendered page: a dict of the
    fields as the browser sends them (a list where a name repeats)."""
    reader = _FormReader(form_id)
    reader.feed(html if isinstance(html, str) else html.decode())
    assert reader.fields, f"no form #{form_id} on the page"
    values = {}
    for name, value in reader.fields:
        values.setdefault(name, []).append(value)
    data = {name: found[0] if len(found) == 1 else found for name, found in values.items()}
    return data, reader.file_inputs
