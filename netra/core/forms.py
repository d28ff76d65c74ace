"""Form widgets shared by every app."""

from django import forms


class DateInput(forms.DateInput):
    """The browser's date picker; the value travels as ISO (YYYY-MM-DD)."""

    input_type = "date"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%d", **kwargs)


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Several files from one input (Django's documented recipe); cleans to a list, empty ones dropped.

    Each file's type and size are checked later, by content, in ``netra.cases.evidence``.
    """

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput())
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        files = data if isinstance(data, list | tuple) else [data] if data else []
        return [super(MultipleFileField, self).clean(item, initial) for item in files if item]
