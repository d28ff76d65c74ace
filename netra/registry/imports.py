"""Bulk import of agencies and persons: read the file, check every row, then write all or nothing.

The steps read like a checklist (:func:`import_file`): read the table (``tables.py``), map its header
to fields, turn each row into an unsaved model and check it, match it against what is already stored,
and only when no row has an error write everything in one transaction. Importing the same file twice
changes nothing: an agency is matched by (name, region), a person by NIP, else by name within the agency
(or within the region, for village officials who have no agency).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from netra.accounts.scoping import Scope
from netra.regions.gazetteer import is_within
from netra.regions.models import Region
from netra.regions.services import resolve_regions
from netra.registry.models import Agency, AgencyKind, Person, SubjectType
from netra.registry.tables import ImportFileError, ImpreciseNumber, Table, read_table

AGENCIES, PERSONS = "agencies", "persons"
KINDS = (AGENCIES, PERSONS)
BATCH_SIZE = 500
QUERY_CHUNK = 500
REGION_CODE = re.compile(r"^\d{2}(\.\d{2}){0,2}(\.\d{4})?$")
MAX_CANDIDATES_SHOWN = 5
CONFLICT_MESSAGE = (
    "Data berubah selama impor (mungkin ada impor lain yang berjalan bersamaan). Tidak ada yang disimpan; coba lagi."
)


@dataclass(frozen=True)
class Column:
    field: str
    names: tuple[str, ...]  # header names accepted, the first is the one the template uses
    required: bool = False

    @property
    def label(self) -> str:
        return self.names[0]


AGENCY_COLUMNS = (
    Column("name", ("nama", "nama_instansi", "instansi"), required=True),
    Column("kind", ("jenis", "jenis_instansi"), required=True),
    Column("region", ("wilayah", "kode_wilayah", "nama_wilayah")),
    Column("ppk_title", ("jabatan_ppk",)),
    Column("ppk_name", ("nama_ppk",)),
    Column("ppk_office", ("kantor_kepegawaian", "kantor_pengelola_kepegawaian")),
)
PERSON_COLUMNS = (
    Column("name", ("nama", "nama_pegawai"), required=True),
    Column("subject_type", ("jenis_subjek", "jenis"), required=True),
    Column("position", ("jabatan",)),
    Column("agency", ("instansi", "nama_instansi")),
    Column("region", ("wilayah", "kode_wilayah", "nama_wilayah")),
    Column("nip", ("nip",)),
)
COLUMNS = {AGENCIES: AGENCY_COLUMNS, PERSONS: PERSON_COLUMNS}
AGENCY_FIELDS = ["name", "kind", "region", "ppk_title", "ppk_name", "ppk_office"]
PERSON_FIELDS = ["name", "subject_type", "position", "agency", "region", "nip"]

# Example files offered for download next to the import form: the header and one row.
EXAMPLES = {
    AGENCIES: [
        ["nama", "jenis", "wilayah", "jabatan_ppk", "nama_ppk", "kantor_kepegawaian"],
        ["Pemerintah Kabupaten Sanggau", "kabupaten_kota", "61.03", "Bupati Sanggau", "", "BKPSDM Kabupaten Sanggau"],
    ],
    PERSONS: [
        ["nama", "jenis_subjek", "jabatan", "instansi", "wilayah", "nip"],
        ["Budi Santoso", "pns", "Kepala Bidang Mutasi", "Pemerintah Kabupaten Sanggau", "61.03", "198503122010011003"],
    ],
}


@dataclass(frozen=True)
class RowError:
    row_number: int
    column: str
    message: str

    def __str__(self) -> str:
        return f"Baris {self.row_number}, kolom {self.column}: {self.message}"


@dataclass
class ImportReport:
    kind: str
    dry_run: bool = False
    rows_read: int = 0
    rows_ok: int = 0
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    errors: list[RowError] = field(default_factory=list)
    file_error: str = ""

    @property
    def ok(self) -> bool:
        return not self.file_error and not self.errors

    @property
    def written(self) -> bool:
        return self.ok and not self.dry_run

    def problems(self) -> list[str]:
        return [self.file_error] if self.file_error else [str(error) for error in self.errors]


def import_file(kind: str, filename: str, data: bytes, *, scope: Scope | None = None, dry_run: bool = False):
    """Check ``data`` (CSV or XLSX) and, when every row is valid and not ``dry_run``, store it.

    ``scope`` limits the rows to the regions (and agencies) a user may see; None means no limit.
    """
    report = ImportReport(kind=kind, dry_run=dry_run)
    try:
        table = read_table(filename, data)
        plan = PLANNERS[kind](table, scope)
    except ImportFileError as error:
        report.file_error = error.message
        return report
    report.rows_read, report.rows_ok, report.errors = len(table.rows), plan.rows_ok, plan.errors
    report.created, report.updated, report.unchanged = len(plan.to_create), len(plan.to_update), plan.unchanged
    if report.errors or dry_run:
        return report
    try:
        write_plan(plan)
    except IntegrityError:
        report.created = report.updated = 0
        report.file_error = CONFLICT_MESSAGE
    return report


@dataclass
class Plan:
    model: type
    fields: list[str]
    to_create: list = field(default_factory=list)
    to_update: list = field(default_factory=list)
    unchanged: int = 0
    rows_ok: int = 0
    errors: list[RowError] = field(default_factory=list)


def write_plan(plan: Plan) -> None:
    """Everything in one transaction: an error half-way leaves the tables as they were."""
    with transaction.atomic():
        for batch in chunks(plan.to_create, BATCH_SIZE):
            plan.model.objects.bulk_create(batch)
        for batch in chunks(plan.to_update, BATCH_SIZE):
            plan.model.objects.bulk_update(batch, plan.fields)


def chunks(items: Sequence, size: int) -> Iterable[Sequence]:
    for start in range(0, len(items), size):
        yield items[start:start + size]


# --- Header and rows -------------------------------------------------------------------------------


def normalize_header(text: str) -> str:
    """ "Kode Wilayah" -> "kode_wilayah"; "Jabatan-PPK" -> "jabatan_ppk"."""
    words = re.split(r"[\s_\-/.]+", text.replace("\ufeff", "").strip().lower())
    return "_".join(word for word in words if word)


def map_header(header: list[str], columns: Sequence[Column]) -> dict[str, tuple[int, str]]:
    """field -> (cell index, column name as written); raises ImportFileError for a wrong header."""
    by_name = {name: column for column in columns for name in column.names}
    found: dict[str, tuple[int, str]] = {}
    unknown, repeated = [], []
    for index, text in enumerate(header):
        name = normalize_header(text)
        if not name:
            continue
        column = by_name.get(name)
        if column is None:
            unknown.append(text)
        elif column.field in found:
            repeated.append(text)
        else:
            found[column.field] = (index, name)
    missing = [column.label for column in columns if column.required and column.field not in found]
    if unknown or repeated or missing:
        raise ImportFileError(_header_message(columns, unknown, repeated, missing))
    return found


def _header_message(columns, unknown, repeated, missing) -> str:
    parts = []
    if missing:
        parts.append(f"Kolom wajib tidak ada: {', '.join(missing)}.")
    if unknown:
        parts.append(f"Kolom tidak dikenal: {', '.join(unknown)}.")
    if repeated:
        parts.append(f"Kolom muncul dua kali: {', '.join(repeated)}.")
    allowed = ", ".join(column.label for column in columns)
    parts.append(f"Baris pertama berkas harus berisi judul kolom: {allowed}. Unduh contoh berkas untuk formatnya.")
    return " ".join(parts)


class Row:
    """One data row: its cells by field, and the errors found in it."""

    def __init__(self, number: int, cells: list[str], header: dict[str, tuple[int, str]], columns):
        self.number = number
        self.labels = {column.field: column.label for column in columns}
        self.labels.update({name: label for name, (_, label) in header.items()})
        self.values = {name: cells[index] if index < len(cells) else "" for name, (index, _) in header.items()}
        self.errors: list[RowError] = []
        self.failed: set[str] = set()
        for name, value in self.values.items():
            if isinstance(value, ImpreciseNumber):
                self.error(name, "Angka ini terlalu panjang untuk disimpan Excel sebagai angka, sehingga digit "
                                 "terakhirnya berubah. Format kolom ini sebagai Teks lalu ketik ulang.")

    def get(self, name: str) -> str:
        return self.values.get(name, "")

    def error(self, name: str, message: str) -> None:
        self.failed.add(name)
        self.errors.append(RowError(self.number, self.labels.get(name, name), message))

    def add_validation_error(self, error: ValidationError) -> None:
        for name, messages in error.message_dict.items():
            for message in messages:
                self.error("-" if name == NON_FIELD_ERRORS else name, message)


def _rows(table: Table, columns) -> list[Row]:
    header = map_header(table.header, columns)
    return [Row(number, cells, header, columns) for number, cells in table.rows]


def _choice_lookup(choices, extra: dict[str, str]) -> dict[str, str]:
    lookup = {_choice_key(value): value for value, _ in choices}
    lookup.update({_choice_key(str(label)): value for value, label in choices})
    lookup.update({_choice_key(text): value for text, value in extra.items()})
    return lookup


def _choice_key(text: str) -> str:
    return " ".join(re.split(r"[\s_\-/]+", text.strip().lower())).strip()


def _choice(row: Row, name: str, lookup: dict[str, str], choices) -> str:
    value = lookup.get(_choice_key(row.get(name)))
    if value is None:
        allowed = ", ".join(value for value, _ in choices)
        given = row.get(name)
        message = f"Nilai \"{given}\" tidak dikenal" if given else "Wajib diisi"
        row.error(name, f"{message}. Pilih salah satu: {allowed}.")
    return value or ""


def _full_clean(row: Row, instance, exclude: Iterable[str]) -> None:
    """Field and model checks, skipping foreign keys (already resolved) and fields that failed."""
    exclude = [*exclude, *row.failed]
    try:
        if row.errors:
            instance.clean_fields(exclude=exclude)
        else:
            instance.full_clean(exclude=exclude, validate_unique=False, validate_constraints=False)
    except ValidationError as error:
        row.add_validation_error(error)


# --- Regions and agencies named in a file ------------------------------------------------------------


class RegionLookup:
    """Regions named in a file, by Kemendagri code or by name (aliases and spellings included)."""

    def __init__(self, texts: Iterable[str]):
        codes = sorted({text for text in texts if REGION_CODE.match(text)})
        self.by_code: dict[str, Region] = {}
        for batch in chunks(codes, QUERY_CHUNK):
            self.by_code.update(Region.objects.in_bulk(list(batch)))
        self.by_name: dict[str, list[Region]] = {}

    def find(self, row: Row, name: str = "region") -> Region | None:
        text = row.get(name)
        if not text:
            return None
        if REGION_CODE.match(text):
            region = self.by_code.get(text)
            if region is None:
                row.error(name, f"Kode wilayah \"{text}\" tidak ada dalam daftar wilayah Kemendagri.")
            return region
        return self._by_name(row, name, text)

    def _by_name(self, row: Row, name: str, text: str) -> Region | None:
        if text not in self.by_name:
            self.by_name[text] = resolve_regions(text, limit=MAX_CANDIDATES_SHOWN + 1)
        found = self.by_name[text]
        if len(found) == 1:
            return found[0]
        if not found:
            row.error(name, f"Wilayah \"{text}\" tidak ditemukan. Tulis kode Kemendagri (mis. 61.03) atau nama "
                            "wilayah yang lengkap.")
        else:
            row.error(name, f"Nama wilayah \"{text}\" cocok dengan lebih dari satu wilayah: {_region_list(found)}. "
                            "Tulis kode wilayahnya.")
        return None


def _region_list(regions: list[Region]) -> str:
    shown = ", ".join(f"{region.display_name} ({region.code})" for region in regions[:MAX_CANDIDATES_SHOWN])
    return shown + (", dan lainnya" if len(regions) > MAX_CANDIDATES_SHOWN else "")


class AgencyLookup:
    """Agencies named in a person file, by exact name; a name used in several regions needs the region."""

    def __init__(self, names: Iterable[str]):
        self.by_name: dict[str, list[Agency]] = defaultdict(list)
        for batch in chunks(sorted(set(names)), QUERY_CHUNK):
            for agency in Agency.objects.filter(name__in=batch).select_related("region"):
                self.by_name[agency.name].append(agency)

    def find(self, row: Row, region: Region | None) -> Agency | None:
        text = row.get("agency")
        if not text:
            return None
        found = self.by_name.get(text, [])
        if len(found) > 1 and region is not None:
            found = [agency for agency in found if is_within(region.code, agency.region_id)]
        if len(found) == 1:
            return found[0]
        if not found:
            row.error("agency", f"Instansi \"{text}\" tidak ditemukan (nama harus sama persis). Impor instansinya "
                                "lebih dulu.")
        else:
            where = ", ".join(f"{agency.name} ({agency.region_id or 'pusat'})" for agency in found)
            row.error("agency", f"Ada beberapa instansi bernama \"{text}\": {where}. Isi kolom wilayah untuk memilih.")
        return None


def _out_of_scope(scope: Scope | None, region_id: str | None, agency_id: int | None = None) -> bool:
    if scope is None or scope.national:
        return False
    return not (scope.covers_region(region_id) or (agency_id is not None and agency_id in scope.agency_ids))


OUT_OF_SCOPE_MESSAGE = "Wilayah ini di luar cakupan Anda; Anda hanya dapat mengimpor data di wilayah Anda."


# --- Agencies ---------------------------------------------------------------------------------------

AGENCY_KINDS = _choice_lookup(AgencyKind.choices, {
    "kabupaten": AgencyKind.REGENCY_CITY, "kota": AgencyKind.REGENCY_CITY, "pemkab": AgencyKind.REGENCY_CITY,
    "pemkot": AgencyKind.REGENCY_CITY, "pemprov": AgencyKind.PROVINCE, "pemerintah kabupaten": AgencyKind.REGENCY_CITY,
    "pemerintah kota": AgencyKind.REGENCY_CITY,
})


def plan_agencies(table: Table, scope: Scope | None) -> Plan:
    rows = _rows(table, AGENCY_COLUMNS)
    regions = RegionLookup(row.get("region") for row in rows)
    existing = {_agency_key(agency): agency for agency in _stored_agencies(rows)}
    plan, seen = Plan(Agency, AGENCY_FIELDS), {}
    for row in rows:
        agency = _agency_from_row(row, regions)
        if not row.errors:
            _place(plan, row, agency, existing.get(_agency_key(agency)), seen, _agency_key(agency), scope)
        _tally(plan, row)
    return plan


def _stored_agencies(rows: list[Row]) -> list[Agency]:
    names = sorted({row.get("name") for row in rows if row.get("name")})
    return [agency for batch in chunks(names, QUERY_CHUNK) for agency in Agency.objects.filter(name__in=batch)]


def _agency_key(agency: Agency) -> tuple:
    return agency.name, agency.region_id


def _agency_from_row(row: Row, regions: RegionLookup) -> Agency:
    agency = Agency(
        name=row.get("name"), kind=_choice(row, "kind", AGENCY_KINDS, AgencyKind.choices),
        region=regions.find(row), ppk_title=row.get("ppk_title"), ppk_name=row.get("ppk_name"),
        ppk_office=row.get("ppk_office"),
    )
    _full_clean(row, agency, exclude=["region"])
    return agency


def _place(plan: Plan, row: Row, instance, current, seen: dict, key: tuple, scope: Scope | None) -> None:
    """Queue ``instance`` for creation or as an update of ``current``; a repeat in the file is an error."""
    stored_key = ("pk", current.pk) if current is not None else None
    repeated = seen.get(key) or (stored_key and seen.get(stored_key))
    if repeated:
        row.error("name", f"Sama dengan baris {repeated}; setiap data hanya boleh muncul sekali dalam berkas.")
        return
    seen[key] = row.number
    if stored_key:
        seen[stored_key] = row.number
    if _out_of_scope(scope, instance.region_id, getattr(instance, "agency_id", None)) or (
        current is not None and _out_of_scope(scope, current.region_id, getattr(current, "agency_id", None))
    ):
        row.error("region", OUT_OF_SCOPE_MESSAGE)
        return
    if current is None:
        plan.to_create.append(instance)
    elif _values(current, plan.fields) == _values(instance, plan.fields):
        plan.unchanged += 1
    else:
        instance.pk = current.pk
        plan.to_update.append(instance)


def _values(instance, fields: list[str]) -> tuple:
    return tuple(getattr(instance, instance._meta.get_field(name).attname) for name in fields)


def _tally(plan: Plan, row: Row) -> None:
    if row.errors:
        plan.errors.extend(row.errors)
    else:
        plan.rows_ok += 1


# --- Persons ----------------------------------------------------------------------------------------

SUBJECT_TYPES = _choice_lookup(SubjectType.choices, {
    "non asn": SubjectType.NON_ASN, "honorer": SubjectType.NON_ASN, "kades": SubjectType.VILLAGE_HEAD,
    "kepala kampung": SubjectType.VILLAGE_HEAD, "anggota bpd": SubjectType.BPD_MEMBER, "lainnya": SubjectType.OTHER,
})


def plan_persons(table: Table, scope: Scope | None) -> Plan:
    rows = _rows(table, PERSON_COLUMNS)
    regions = RegionLookup(row.get("region") for row in rows)
    agencies = AgencyLookup(row.get("agency") for row in rows if row.get("agency"))
    built = [(row, _person_from_row(row, regions, agencies)) for row in rows]
    existing = ExistingPersons([person for row, person in built if not row.errors])
    plan, seen = Plan(Person, PERSON_FIELDS), {}
    for row, person in built:
        if not row.errors:
            current = existing.match(row, person)
            key = ("nip", person.nip) if person.nip else _person_key(person)
            if not row.errors:
                _place(plan, row, person, current, seen, key, scope)
        _tally(plan, row)
    now = timezone.now()
    for person in plan.to_update:
        person.updated_at = now
    plan.fields = [*PERSON_FIELDS, "updated_at"]
    return plan


def _person_key(person: Person) -> tuple:
    """Without an NIP a person is known by name within the agency, or within the region when there is none."""
    if person.agency_id:
        return ("agency", person.name, person.agency_id)
    return ("region", person.name, person.region_id)


def _person_from_row(row: Row, regions: RegionLookup, agencies: AgencyLookup) -> Person:
    region = regions.find(row)
    person = Person(
        name=row.get("name"), subject_type=_choice(row, "subject_type", SUBJECT_TYPES, SubjectType.choices),
        position=row.get("position"), agency=agencies.find(row, region), region=region,
        nip="".join(row.get("nip").split()),
    )
    _full_clean(row, person, exclude=["agency", "region"])
    return person


class ExistingPersons:
    """Stored persons that rows of a file may name: by NIP, or by name in an agency or region."""

    def __init__(self, persons: list[Person]):
        nips = sorted({p.nip for p in persons if p.nip})
        names = sorted({p.name for p in persons})
        self.by_nip: dict[str, Person] = {}
        self.by_key: dict[tuple, list[Person]] = defaultdict(list)
        for batch in chunks(nips, QUERY_CHUNK):
            self.by_nip.update({p.nip: p for p in Person.objects.filter(nip__in=batch)})
        for batch in chunks(names, QUERY_CHUNK):
            for person in Person.objects.filter(name__in=batch):
                self.by_key[_person_key(person)].append(person)

    def match(self, row: Row, person: Person) -> Person | None:
        if person.nip and person.nip in self.by_nip:
            return self.by_nip[person.nip]
        same_name = self.by_key.get(_person_key(person), [])
        if person.nip:
            same_name = [p for p in same_name if not p.nip]  # a record without NIP gains this one
        if len(same_name) > 1:
            row.error("name", "Ada lebih dari satu pegawai dengan nama ini di instansi/wilayah yang sama; isi NIP-nya.")
            return None
        if same_name and not person.nip:
            person.nip = same_name[0].nip  # a row without NIP never erases a stored one
        return same_name[0] if same_name else None


PLANNERS = {AGENCIES: plan_agencies, PERSONS: plan_persons}
