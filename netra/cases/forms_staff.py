"""Forms of the staff screens: inbox filters, case actions, notes, findings and the CSV import.

Forms only parse and check input; ``services`` decides. Action forms give the keyword inputs that
``services.transition`` takes through ``inputs()``.
"""

from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError
from django.forms.utils import flatatt
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe

from netra.cases import inbox, services
from netra.cases.choices import Decision, Forwarding, Origin, Status, SubjectType
from netra.cases.models import Election, ViolationCode
from netra.core.forms import DateInput, MultipleFileField

DUE_CHOICES = [("", "Semua batas waktu"), ("overdue", "Melewati batas waktu"),
               ("soon", f"Jatuh tempo {inbox.DUE_SOON_DAYS} hari ke depan")]
YES_NO = [("yes", "Terpenuhi"), ("no", "Tidak terpenuhi")]


class FastSelect(forms.Select):
    """A select rendered in Python: the template-based widget takes ~0.1 ms per option, and the region
    list of a national user has more than 500."""

    def render(self, name, value, attrs=None, renderer=None):
        selected = {str(v) for v in self.format_value(value)}
        options = format_html_join("", "<option value=\"{}\"{}>{}</option>", (
            (str(key), mark_safe(" selected") if str(key) in selected else "", label)
            for key, label in self.choices))
        return format_html("<select name=\"{}\"{}>{}</select>", name, flatatt(self.build_attrs(self.attrs, attrs)),
                           options)


def _blank(label: str, choices) -> list[tuple[str, str]]:
    return [("", label), *choices]


class InboxFilterForm(forms.Form):
    q = forms.CharField(label="Cari", required=False, max_length=100,
                        widget=forms.TextInput(attrs={"placeholder": "Kode pelacakan atau ringkasan",
                                                      "type": "search"}))
    status = forms.ChoiceField(label="Status", required=False, choices=_blank("Semua status", Status.choices),
                               widget=FastSelect)
    origin = forms.ChoiceField(label="Asal", required=False, choices=_blank("Laporan dan temuan", Origin.choices),
                               widget=FastSelect)
    election = forms.ModelChoiceField(label="Pemilihan", required=False, queryset=Election.objects.all(),
                                      to_field_name="code", empty_label="Semua pemilihan", widget=FastSelect)
    region = forms.ChoiceField(label="Wilayah", required=False, widget=FastSelect)
    due = forms.ChoiceField(label="Batas waktu", required=False, choices=DUE_CHOICES, widget=FastSelect)
    violation = forms.ModelChoiceField(label="Kode pelanggaran", required=False, widget=FastSelect,
                                       queryset=ViolationCode.objects.all(), empty_label="Semua kode")
    sort = forms.ChoiceField(label="Urutan", required=False, choices=inbox.SORT_CHOICES, widget=FastSelect)

    def __init__(self, data=None, *, user, **kwargs):
        super().__init__(data, **kwargs)
        self.fields["region"].choices = _blank("Semua wilayah dalam cakupan", inbox.region_choices(user))
        self.fields["region"].error_messages["invalid_choice"] = "Wilayah tidak dikenal atau di luar cakupan Anda."

    @property
    def filters(self) -> dict:
        """The valid filters; an invalid one is dropped (and its error shown), never widened."""
        self.is_valid()
        return dict(self.cleaned_data)


# --- case actions ----------------------------------------------------------------------------------

class ActionForm(forms.Form):
    """A transition without input (clarify, request_info)."""

    def __init__(self, data=None, *, user=None, **kwargs):
        self.user = user
        super().__init__(data, **kwargs)

    def inputs(self) -> dict:
        return {key: value for key, value in self.cleaned_data.items() if value not in (None, "")}


class CheckForm(ActionForm):
    formal_requirements_met = forms.TypedChoiceField(label="Syarat formal", choices=YES_NO,
                                                     coerce=lambda v: v == "yes", widget=forms.RadioSelect)
    material_requirements_met = forms.TypedChoiceField(label="Syarat materiel", choices=YES_NO,
                                                       coerce=lambda v: v == "yes", widget=forms.RadioSelect)
    reason = forms.CharField(label="Catatan kajian awal", required=False, max_length=5000, widget=forms.Textarea(
        attrs={"rows": 2}))

    def inputs(self) -> dict:
        inputs = dict(self.cleaned_data)
        if not inputs.get("reason"):
            inputs.pop("reason", None)
        return inputs


class RegisterForm(ActionForm):
    register_number = forms.CharField(label="Nomor register", max_length=80)


class ReasonForm(ActionForm):
    reason = forms.CharField(label="Alasan", max_length=5000, widget=forms.Textarea(attrs={"rows": 2}))


class DecideForm(ActionForm):
    decision = forms.ChoiceField(label="Putusan", choices=_blank("Pilih putusan", Decision.choices))
    reason = forms.CharField(label="Pertimbangan", max_length=5000, widget=forms.Textarea(attrs={"rows": 3}))
    forwarded_to = forms.ChoiceField(label="Diteruskan ke", required=False,
                                     choices=_blank("Sesuai putusan (bawaan)", Forwarding.choices))


class MergeForm(ActionForm):
    target = forms.CharField(label="Kode pelacakan kasus induk", max_length=20)
    reason = forms.CharField(label="Alasan", required=False, max_length=5000, widget=forms.Textarea(
        attrs={"rows": 2}))

    def clean_target(self):
        code = self.cleaned_data["target"].strip().upper()
        target = services.visible_cases(self.user).filter(tracking_code=code).first()
        if target is None:
            raise ValidationError("Kasus tujuan tidak ditemukan atau di luar cakupan Anda.")
        return target


ACTION_FORMS: dict[str, type[ActionForm]] = {
    "check": CheckForm, "register": RegisterForm, "not_register": ReasonForm, "clarify": ActionForm,
    "request_info": ActionForm, "decide": DecideForm, "stop": ReasonForm, "merge": MergeForm,
}


class NoteForm(forms.Form):
    text = forms.CharField(label="Catatan", max_length=5000, widget=forms.Textarea(attrs={"rows": 3}))


# --- findings --------------------------------------------------------------------------------------

class FindingForm(forms.Form):
    election = forms.ModelChoiceField(label="Pemilihan", queryset=Election.objects.all(), to_field_name="code",
                                      empty_label="Pilih pemilihan")
    region = forms.ChoiceField(label="Kabupaten/kota kejadian", widget=FastSelect)
    summary = forms.CharField(label="Ringkasan", max_length=200)
    what_happened = forms.CharField(label="Uraian kejadian", max_length=20000, widget=forms.Textarea(
        attrs={"rows": 5}))
    place = forms.CharField(label="Tempat kejadian", max_length=300)
    occurred_on = forms.DateField(label="Tanggal kejadian", widget=DateInput())
    known_on = forms.DateField(label="Tanggal diketahui", widget=DateInput())
    violation_codes = forms.ModelMultipleChoiceField(
        label="Kode pelanggaran", required=False, queryset=ViolationCode.objects.all(),
        widget=forms.CheckboxSelectMultiple)

    evidence = MultipleFileField(label="Berkas bukti", required=False,
                                 help_text="Gambar, PDF, video atau audio; boleh lebih dari satu.")
    evidence_urls = forms.CharField(label="Tautan bukti", required=False, max_length=20000,
                                    widget=forms.Textarea(attrs={"rows": 2, "placeholder": "https://…"}),
                                    help_text="Satu tautan per baris (berita, unggahan media sosial).")

    def __init__(self, data=None, files=None, *, user, **kwargs):
        super().__init__(data, files, **kwargs)
        self.fields["region"].choices = _blank("Pilih kabupaten/kota",
                                               inbox.region_choices(user, inbox.FINDING_REGION_LEVELS))
        self.fields["region"].error_messages["invalid_choice"] = "Wilayah tidak dikenal atau di luar cakupan Anda."

    def clean_evidence_urls(self) -> list[str]:
        return [line.strip() for line in self.cleaned_data["evidence_urls"].splitlines() if line.strip()]

    def clean(self):
        data = super().clean()
        for field, message in services.date_problems(data.get("occurred_on"), data.get("known_on"),
                                                     services.today()).items():
            self.add_error(field, message)
        return data

    def case_input(self, persons, witnesses) -> services.CaseInput:
        """The service input from this form and the valid person and witness formsets."""
        data = self.cleaned_data
        return services.CaseInput(
            election=data["election"], region_code=data["region"], summary=data["summary"],
            what_happened=data["what_happened"], place=data["place"], occurred_on=data["occurred_on"],
            known_on=data["known_on"], violation_codes=[code.pk for code in data["violation_codes"]],
            reported_persons=[services.PersonInput(**form.cleaned_data) for form in persons
                              if form.cleaned_data and not form.cleaned_data.get("DELETE")],
            witnesses=[form.cleaned_data for form in witnesses if form.cleaned_data],
        )


class PersonForm(forms.Form):
    name = forms.CharField(label="Nama", max_length=200)
    position = forms.CharField(label="Jabatan", max_length=200, required=False)
    agency_name = forms.CharField(label="Instansi", max_length=200, required=False)
    subject_type = forms.ChoiceField(label="Jenis subjek", choices=SubjectType.choices, initial=SubjectType.PNS)
    nip = forms.RegexField(label="NIP", regex=r"^\d{18}$", required=False, max_length=18,
                           error_messages={"invalid": "NIP terdiri atas 18 angka."})


class WitnessForm(forms.Form):
    name = forms.CharField(label="Nama saksi", max_length=200)
    address = forms.CharField(label="Alamat", max_length=300, required=False)
    phone = forms.CharField(label="Telepon", max_length=30, required=False)


PersonFormSet = forms.formset_factory(PersonForm, extra=2, min_num=1, max_num=5, absolute_max=5,
                                      validate_min=True, validate_max=True)
WitnessFormSet = forms.formset_factory(WitnessForm, extra=2, max_num=5, absolute_max=5, validate_max=True)


class ImportForm(forms.Form):
    file = forms.FileField(label="Berkas CSV atau XLSX",
                           widget=forms.ClearableFileInput(attrs={"accept": ".csv,.xlsx,text/csv"}))


class EvidenceForm(forms.Form):
    """More evidence for a case from its page: files and links."""

    evidence = MultipleFileField(label="Berkas bukti", required=False)
    evidence_urls = forms.CharField(label="Tautan bukti (satu per baris)", required=False, max_length=20000,
                                    widget=forms.Textarea(attrs={"rows": 2, "placeholder": "https://…"}))

    def clean_evidence_urls(self) -> list[str]:
        return [line.strip() for line in self.cleaned_data["evidence_urls"].splitlines() if line.strip()]

    def clean(self):
        data = super().clean()
        if not self.errors and not data.get("evidence") and not data.get("evidence_urls"):
            raise ValidationError("Pilih berkas atau tulis tautan bukti.")
        return data
