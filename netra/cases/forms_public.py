"""Forms of the public pages: the report form (laporan) and the tracking-code form.

The report form follows Bawaslu's form: reporter, reported persons, the event, witnesses and
evidence. Forms only parse and check input; ``evidence.file_report_with_evidence`` files it.
"""

from __future__ import annotations

import re

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.forms.utils import flatatt
from django.urls import reverse
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe

from netra.cases import evidence, services
from netra.cases.choices import IdentityMode, SubjectType
from netra.cases.models import Election
from netra.core.forms import DateInput, MultipleFileField
from netra.regions.models import Level, Region
from netra.regions.services import resolve_regions

KAB_KOTA = (Level.REGENCY, Level.CITY)
MAX_PERSONS = 5
MAX_WITNESSES = 5
MAX_URLS = 20

IDENTITY_MODE_HELP = {
    IdentityMode.OPEN: "Nama Anda dapat disebut dalam proses penanganan, misalnya saat klarifikasi.",
    IdentityMode.CONFIDENTIAL: "Identitas Anda hanya dilihat petugas Bawaslu yang menangani laporan ini "
                               "dan tidak pernah ditampilkan kepada publik atau terlapor.",
    IdentityMode.ANONYMOUS: "Anda tidak mengisi identitas. Laporan anonim tidak memenuhi syarat formal "
                            "laporan Bawaslu, sehingga tidak dapat diregister sebagai laporan; Bawaslu dapat "
                            "memakainya sebagai informasi awal untuk temuan.",
}
SEX_CHOICES = [("", "Pilih"), ("laki-laki", "Laki-laki"), ("perempuan", "Perempuan")]
REQUIRED_IDENTITY = ("name", "birth_place", "birth_date", "sex", "occupation", "nationality", "address")
IDENTITY_FIELDS = (*REQUIRED_IDENTITY, "phone", "email", "nik")
TRACKING_CODE = re.compile(r"^(LP|TM)([2-9A-HJ-NP-Z]{8})$")


class GroupedSelect(forms.Select):
    """A select of many options with <optgroup>s, rendered in Python (the template widget is slow)."""

    def render(self, name, value, attrs=None, renderer=None):
        selected = {str(v) for v in self.format_value(value)}

        def options(items):
            return format_html_join("", "<option value=\"{}\"{}>{}</option>", (
                (key, mark_safe(" selected") if str(key) in selected else "", label) for key, label in items))

        body = format_html_join("", "{}", (
            (format_html("<optgroup label=\"{}\">{}</optgroup>", key, options(label))
             if isinstance(label, (list, tuple)) else options([(key, label)]),)
            for key, label in self.choices))
        return format_html("<select name=\"{}\"{}>{}</select>", name,
                           flatatt(self.build_attrs(self.attrs, attrs)), body)


# --- regions ---------------------------------------------------------------------------------------

def province_choices() -> list[tuple[str, str]]:
    provinces = Region.objects.filter(level=Level.PROVINCE).order_by("code").values_list("code", "name")
    return [("", "Semua provinsi"), *provinces]


def kab_kota_choices(province: str = "") -> list:
    """Kab/kota of one province, or of all grouped by province; values are Kemendagri codes."""
    regions = Region.objects.filter(level__in=KAB_KOTA).order_by("code").values_list("code", "name", "parent_id")
    if province:
        return [("", "Pilih kabupaten/kota"), *[(code, name) for code, name, parent in regions if parent == province]]
    names = dict(Region.objects.filter(level=Level.PROVINCE).values_list("code", "name"))
    groups: dict[str, list] = {}
    for code, name, parent in regions:
        groups.setdefault(parent, []).append((code, name))
    return [("", "Pilih kabupaten/kota"), *[(names.get(p, p), items) for p, items in groups.items()]]


def region_select(province: str = "") -> str:
    """The kab/kota select of the report form for one province (or all), swapped in by htmx."""
    return GroupedSelect(choices=kab_kota_choices(province)).render("region", None, attrs={"id": "id_region"})


def resolve_kab_kota(text: str) -> str:
    """The code of the one kab/kota ``text`` names; ValidationError naming the candidates otherwise."""
    found = resolve_regions(text, limit=5, levels=KAB_KOTA)
    if len(found) == 1:
        return found[0].code
    if not found:
        raise ValidationError(f"Kabupaten/kota \u201c{text}\u201d tidak dikenal. Periksa ejaannya.")
    names = ", ".join(region.display_name for region in found)
    raise ValidationError(f"\u201c{text}\u201d bisa berarti: {names}. Tulis lebih lengkap, misalnya "
                          f"\u201c{found[0].display_name}\u201d.")


# --- the report ------------------------------------------------------------------------------------

class ReportForm(forms.Form):
    # A field people never see; bots fill it in.
    website = forms.CharField(label="Situs web (jangan diisi)", required=False, max_length=200)

    election = forms.ModelChoiceField(label="Pemilihan", queryset=Election.objects.all(), to_field_name="code",
                                      empty_label="Pilih pemilihan",
                                      error_messages={"required": "Pilih pemilihan yang terkait kejadian ini."})
    identity_mode = forms.ChoiceField(label="Identitas pelapor", choices=IdentityMode.choices,
                                      widget=forms.RadioSelect, initial=IdentityMode.CONFIDENTIAL,
                                      error_messages={"required": "Pilih cara identitas Anda diperlakukan."})

    name = forms.CharField(label="Nama lengkap", max_length=200, required=False)
    birth_place = forms.CharField(label="Tempat lahir", max_length=100, required=False)
    birth_date = forms.DateField(label="Tanggal lahir", required=False, widget=DateInput())
    sex = forms.ChoiceField(label="Jenis kelamin", choices=SEX_CHOICES, required=False)
    occupation = forms.CharField(label="Pekerjaan", max_length=100, required=False)
    nationality = forms.CharField(label="Kewarganegaraan", max_length=60, required=False, initial="Indonesia")
    address = forms.CharField(label="Alamat", max_length=300, required=False,
                              widget=forms.Textarea(attrs={"rows": 2}))
    phone = forms.RegexField(label="Telepon/WhatsApp", regex=r"^\+?[\d\s().-]{6,30}$", max_length=30, required=False,
                             error_messages={"invalid": "Nomor telepon hanya berisi angka, spasi, +, - atau ()."})
    email = forms.EmailField(label="E-mail", max_length=200, required=False,
                             error_messages={"invalid": "Alamat e-mail tidak sah."})
    nik = forms.RegexField(label="NIK (tidak wajib)", regex=r"^\d{16}$", max_length=16, required=False,
                           error_messages={"invalid": "NIK terdiri atas 16 angka."})

    summary = forms.CharField(label="Ringkasan kejadian", max_length=200,
                              help_text="Satu kalimat, misalnya: Kepala dinas hadir dalam kampanye pasangan calon.")
    what_happened = forms.CharField(label="Uraian kejadian", max_length=20000, widget=forms.Textarea(
        attrs={"rows": 6}), help_text="Apa yang terjadi, siapa berbuat apa, dan bagaimana Anda mengetahuinya.")
    place = forms.CharField(label="Tempat kejadian", max_length=300,
                            help_text="Nama tempat dan alamatnya, misalnya: Lapangan Sabang Merah, Sanggau.")
    province = forms.ChoiceField(label="Provinsi", required=False)
    region = forms.ChoiceField(label="Kabupaten/kota kejadian", widget=GroupedSelect,
                               error_messages={"required": "Pilih kabupaten/kota tempat kejadian.",
                                               "invalid_choice": "Kabupaten/kota tidak dikenal."})
    occurred_on = forms.DateField(label="Tanggal kejadian", widget=DateInput())
    known_on = forms.DateField(label="Tanggal Anda mengetahui kejadian", widget=DateInput())

    evidence = MultipleFileField(label="Berkas bukti", required=False)
    evidence_urls = forms.CharField(label="Tautan bukti", required=False, max_length=25000,
                                    widget=forms.Textarea(attrs={"rows": 3}),
                                    help_text="Satu tautan per baris, misalnya unggahan media sosial atau berita.")

    fieldsets = [
        ("Identitas pelapor", IDENTITY_FIELDS),
        ("Kejadian", ("summary", "what_happened", "place", "province", "region", "occurred_on", "known_on")),
    ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        province = self.data.get("province", "") if self.is_bound else ""
        self.fields["province"].choices = province_choices()
        self.fields["province"].widget.attrs.update({
            "hx-get": reverse("cases:report_regions"), "hx-target": "#id_region", "hx-swap": "outerHTML",
            "hx-trigger": "change"})
        self.fields["region"].choices = kab_kota_choices()
        self.region_choices_shown = kab_kota_choices(province) if province.isdigit() else self.fields["region"].choices
        self.fields["region"].widget.choices = self.region_choices_shown
        self.fields["evidence"].help_text = (
            f"Foto, PDF, video atau rekaman suara; paling besar {_mb_text('EVIDENCE_MAX_FILE_MB')} per berkas dan "
            f"{_mb_text('EVIDENCE_MAX_REPORT_MB')} seluruhnya. Jenis berkas diperiksa dari isinya.")

    def groups(self):
        """(legend, [(bound field, shown as required)]) for each fieldset of the template."""
        return [(legend, [(self[name], self.fields[name].required or name in REQUIRED_IDENTITY) for name in names])
                for legend, names in self.fieldsets]

    def identity_modes(self):
        """Each identity-mode radio button with its plain explanation."""
        return [(radio, IDENTITY_MODE_HELP[radio.data["value"]]) for radio in self["identity_mode"]]

    def clean_website(self):
        if self.cleaned_data["website"]:
            raise ValidationError("Formulir ini tampaknya diisi oleh program otomatis.")
        return ""

    def clean_birth_date(self):
        born = self.cleaned_data["birth_date"]
        if born and born > services.today():
            raise ValidationError("Tanggal lahir tidak boleh di masa depan.")
        return born

    def clean_evidence_urls(self):
        lines = [line.strip() for line in self.cleaned_data["evidence_urls"].splitlines() if line.strip()]
        if len(lines) > MAX_URLS:
            raise ValidationError(f"Paling banyak {MAX_URLS} tautan.")
        valid, problems = evidence.clean_urls(lines)
        if problems:
            raise ValidationError(problems)
        return valid

    def clean(self):
        data = super().clean()
        if data.get("identity_mode") != IdentityMode.ANONYMOUS:
            self._require_identity(data)
        for field, message in services.date_problems(data.get("occurred_on"), data.get("known_on"),
                                                     services.today()).items():
            self.add_error(field, message)
        return data

    def _require_identity(self, data) -> None:
        for name in REQUIRED_IDENTITY:
            if name not in self.errors and not data.get(name):
                self.add_error(name, "Wajib diisi, kecuali untuk laporan anonim.")
        if not data.get("phone") and not data.get("email") and "phone" not in self.errors:
            self.add_error("phone", "Isi nomor telepon atau e-mail agar petugas dapat menghubungi Anda.")

    def identity(self) -> dict:
        """The reporter's identity as stored (encrypted); empty for an anonymous report."""
        if self.cleaned_data["identity_mode"] == IdentityMode.ANONYMOUS:
            return {}
        identity = {name: self.cleaned_data.get(name) for name in IDENTITY_FIELDS}
        identity["birth_date"] = identity["birth_date"].isoformat() if identity["birth_date"] else ""
        return {key: value.strip() if isinstance(value, str) else value for key, value in identity.items() if value}

    def case_input(self, persons, witnesses) -> services.CaseInput:
        data = self.cleaned_data
        return services.CaseInput(
            election=data["election"], region_code=data["region"], summary=data["summary"],
            what_happened=data["what_happened"], place=data["place"], occurred_on=data["occurred_on"],
            known_on=data["known_on"], reported_persons=persons.person_inputs(), witnesses=witnesses.identities(),
        )


def _mb_text(setting: str) -> str:
    return f"{getattr(settings, setting):g} MB"


class PersonForm(forms.Form):
    name = forms.CharField(label="Nama", max_length=200)
    position = forms.CharField(label="Jabatan", max_length=200, required=False)
    agency_name = forms.CharField(label="Instansi/desa", max_length=200, required=False)
    subject_type = forms.ChoiceField(label="Jenis", choices=[("", "Pilih"), *SubjectType.choices])
    region = forms.CharField(label="Kabupaten/kota tempat bertugas", max_length=120, required=False,
                             help_text="Misalnya: Sanggau, Kota Pontianak.")

    def clean_region(self):
        text = self.cleaned_data["region"].strip()
        return resolve_kab_kota(text) if text else None


class WitnessForm(forms.Form):
    name = forms.CharField(label="Nama saksi", max_length=200)
    phone = forms.CharField(label="Telepon atau kontak lain", max_length=100, required=False)
    address = forms.CharField(label="Alamat", max_length=300, required=False)


class BasePersonFormSet(forms.BaseFormSet):
    default_error_messages = {"too_few_forms": "Sebutkan paling sedikit satu terlapor.",
                              "too_many_forms": f"Paling banyak {MAX_PERSONS} terlapor."}

    def person_inputs(self) -> list[services.PersonInput]:
        return [
            services.PersonInput(name=d["name"], subject_type=d["subject_type"], position=d["position"],
                                 agency_name=d["agency_name"], region_code=d["region"])
            for d in (form.cleaned_data for form in self.forms) if d
        ]


class BaseWitnessFormSet(forms.BaseFormSet):
    default_error_messages = {"too_many_forms": f"Paling banyak {MAX_WITNESSES} saksi."}

    def identities(self) -> list[dict]:
        return [{key: value.strip() for key, value in d.items() if value} for d in
                (form.cleaned_data for form in self.forms) if d]


PersonFormSet = forms.formset_factory(
    PersonForm, formset=BasePersonFormSet, extra=MAX_PERSONS - 1, min_num=1, max_num=MAX_PERSONS,
    absolute_max=MAX_PERSONS, validate_min=True, validate_max=True)
WitnessFormSet = forms.formset_factory(
    WitnessForm, formset=BaseWitnessFormSet, extra=MAX_WITNESSES, max_num=MAX_WITNESSES,
    absolute_max=MAX_WITNESSES, validate_max=True)


def report_forms(data=None, files=None) -> tuple[ReportForm, PersonFormSet, WitnessFormSet]:
    return (ReportForm(data, files), PersonFormSet(data, prefix="terlapor"), WitnessFormSet(data, prefix="saksi"))


# --- tracking --------------------------------------------------------------------------------------

def normalise_tracking_code(text: str) -> str | None:
    """"lp-abcd-efgh", "LPABCDEFGH" and " lp abcd efgh " all give "LP-ABCD-EFGH"; None if it cannot be a code."""
    compact = re.sub(r"[\s\-_.]", "", (text or "").upper())
    match = TRACKING_CODE.match(compact)
    if not match:
        return None
    prefix, body = match.groups()
    return f"{prefix}-{body[:4]}-{body[4:]}"


class TrackForm(forms.Form):
    code = forms.CharField(label="Kode pelacakan", max_length=30,
                           widget=forms.TextInput(attrs={"placeholder": "LP-XXXX-XXXX", "autocomplete": "off"}),
                           error_messages={"required": "Masukkan kode pelacakan laporan Anda."})

    def clean_code(self):
        code = normalise_tracking_code(self.cleaned_data["code"])
        if code is None:
            raise ValidationError("Kode pelacakan berbentuk LP-XXXX-XXXX (huruf dan angka), misalnya LP-7K3M-Q9TD.")
        return code
