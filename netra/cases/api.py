"""/api/v1/cases: public intake and status, and the handlers' case list, detail, findings and transitions.

Every staff endpoint starts from ``services.visible_cases(request.user)`` (404 outside scope) and every
change goes through ``services``; this module only translates HTTP to those calls and back. Input
errors answer 422 with one Indonesian message per field, whether they come from the schema or the rules.
"""

import datetime as dt
from typing import Annotated, Any

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Prefetch, Q
from django.http import Http404
from ninja import Field, Query, Router, Schema
from ninja import Status as Reply
from ninja.pagination import PageNumberPagination, paginate
from ninja.security import django_auth
from ninja.throttling import AnonRateThrottle
from pydantic import AfterValidator, StringConstraints, model_validator
from pydantic import ValidationError as SchemaError
from pydantic_core import PydanticCustomError

from netra.cases import evidence, services
from netra.cases.choices import EventKind, IdentityMode, Origin, Status, SubjectType
from netra.cases.models import Case, CaseEvent, Election, Evidence, Reporter
from netra.cases.transitions import TRANSITIONS, available_from
from netra.regions.models import Region

router = Router(tags=["kasus"])

REGION_CODE = r"^\d{2}(\.\d{2}(\.\d{2}(\.\d{4})?)?)?$"
PUBLIC_EVENT_KINDS = (EventKind.CREATED, EventKind.TRANSITION, EventKind.INFO_REQUESTED)
MAX_LIST_ITEMS = 50


# --- Indonesian validation messages -----------------------------------------------------------------

SCHEMA_MESSAGES = {
    "missing": "Wajib diisi.",
    "string_too_short": "Wajib diisi.",
    "string_too_long": "Terlalu panjang: paling banyak {max_length} karakter.",
    "string_type": "Harus berupa teks.",
    "string_pattern_mismatch": "Formatnya tidak sesuai.",
    "date_from_datetime_parsing": "Tanggal tidak valid; tulis sebagai TTTT-BB-HH, misalnya 2024-11-20.",
    "date_parsing": "Tanggal tidak valid; tulis sebagai TTTT-BB-HH, misalnya 2024-11-20.",
    "date_type": "Tanggal tidak valid; tulis sebagai TTTT-BB-HH, misalnya 2024-11-20.",
    "enum": "Pilih salah satu: {expected}.",
    "literal_error": "Pilih salah satu: {expected}.",
    "list_type": "Harus berupa daftar.",
    "too_long": "Terlalu banyak: paling banyak {max_length} isian.",
    "bool_type": "Harus true atau false.",
    "bool_parsing": "Harus true atau false.",
    "dict_type": "Harus berupa objek.",
    "model_type": "Harus berupa objek.",
    "model_attributes_type": "Harus berupa objek.",
    "extra_forbidden": "Isian ini tidak dikenal.",
    "url_parsing": "Tautan tidak valid; awali dengan http:// atau https://.",
    "url_scheme": "Tautan tidak valid; awali dengan http:// atau https://.",
    "json_invalid": "Isi permintaan bukan JSON yang valid.",
    "nul_character": "Teks mengandung karakter yang tidak diizinkan.",
}
OTHERWISE = "Isian tidak valid."


class IndonesianSchema(Schema):
    """A schema whose validation errors carry Indonesian messages (the API's 422 handler shows them)."""

    @model_validator(mode="wrap")
    @classmethod
    def _indonesian_messages(cls, data: Any, handler):
        try:
            return handler(data)
        except SchemaError as error:
            details = [
                {"type": PydanticCustomError(e["type"], SCHEMA_MESSAGES.get(e["type"], OTHERWISE), e.get("ctx")),
                 "loc": e["loc"], "input": e.get("input")}
                for e in error.errors()
            ]
            raise SchemaError.from_exception_data(cls.__name__, details) from None


def _no_nul(value: str) -> str:
    if "\x00" in value:  # PostgreSQL refuses NUL in text; say so instead of failing with a 500
        raise PydanticCustomError("nul_character", "Teks mengandung karakter yang tidak diizinkan.")
    return value


def Text(max_length: int, required: bool = False):  # noqa: N802 - reads as a type in the schemas
    return Annotated[str, StringConstraints(strip_whitespace=True, min_length=1 if required else 0,
                                            max_length=max_length), AfterValidator(_no_nul)]


def problems_response(problems: dict[str, list[str]] | dict[str, str], status: int = 422):
    """The same shape as the API's schema errors (netra/api.py): fields named from the request body."""
    errors = [
        {"field": f"payload.{field}" if field != "__all__" else "payload", "message": message}
        for field, messages in problems.items()
        for message in ([messages] if isinstance(messages, str) else messages)
    ]
    return Reply(status, {"detail": "Permintaan tidak valid. Periksa parameter yang disebut.", "errors": errors})


def rule_problems(error: ValidationError) -> dict[str, list[str]]:
    return error.message_dict if hasattr(error, "error_dict") else {"__all__": error.messages}


# --- input ----------------------------------------------------------------------------------------

class PersonIn(IndonesianSchema):
    name: Text(200, required=True)
    subject_type: SubjectType
    position: Text(200) = ""
    agency_name: Text(200) = ""
    region_code: str | None = Field(None, pattern=REGION_CODE)
    nip: Annotated[str, StringConstraints(strip_whitespace=True, pattern=r"^(\d{18})?$")] = ""
    address: Text(300) = ""


class IdentityIn(IndonesianSchema):
    name: Text(200, required=True)
    birth_place: Text(100) = ""
    birth_date: dt.date | None = None
    sex: Text(20) = ""
    occupation: Text(100) = ""
    nationality: Text(60) = "Indonesia"
    address: Text(300, required=True)
    phone: Text(30) = ""
    email: Text(200) = ""


class WitnessIn(IndonesianSchema):
    name: Text(200, required=True)
    address: Text(300) = ""
    phone: Text(30) = ""


Url = Annotated[str, StringConstraints(strip_whitespace=True, max_length=1000,
                                       pattern=r"^https?://[^\s\x00]+$")]


class CaseIn(IndonesianSchema):
    election: Text(40, required=True) = Field(..., description="Kode pemilihan, misalnya pilkada-2024.")
    region_code: str = Field(..., pattern=REGION_CODE, description="Kode Kemendagri wilayah kejadian.")
    summary: Text(200, required=True)
    what_happened: Text(20000, required=True)
    place: Text(300, required=True)
    occurred_on: dt.date
    known_on: dt.date
    reported_persons: list[PersonIn] = Field(..., max_length=50)
    witnesses: list[WitnessIn] = Field([], max_length=20)
    violation_codes: list[Text(20, required=True)] = Field([], max_length=30)
    evidence_urls: list[Url] = Field([], max_length=20)


class ReportIn(CaseIn):
    identity_mode: IdentityMode = Field(..., description="open, confidential (hanya petugas) atau anonymous.")
    reporter: IdentityIn | None = Field(None, description="Wajib kecuali identity_mode = anonymous.")


class TransitionIn(IndonesianSchema):
    name: Text(40, required=True) = Field(..., description="check, register, not_register, clarify, "
                                          "request_info, decide, stop, merge")
    inputs: dict[str, Any] = Field({}, description="Isian aksi; untuk merge, target = kode pelacakan.")


def to_case_input(payload: CaseIn) -> services.CaseInput:
    """The service input, or ValidationError naming the unknown election, region or person region."""
    problems = {}
    election = Election.objects.filter(code=payload.election).first()
    if election is None:
        problems["election"] = "Pemilihan tidak dikenal."
    person_regions = {p.region_code for p in payload.reported_persons if p.region_code}
    known = set(Region.objects.filter(code__in=person_regions | {payload.region_code}).values_list("code", flat=True))
    if payload.region_code not in known:
        problems["region_code"] = "Wilayah tidak dikenal."
    if person_regions - known:
        problems["reported_persons"] = "Wilayah terlapor tidak dikenal: " + ", ".join(sorted(person_regions - known))
    if problems:
        raise ValidationError(problems)
    return services.CaseInput(
        election=election, region_code=payload.region_code, summary=payload.summary,
        what_happened=payload.what_happened, place=payload.place, occurred_on=payload.occurred_on,
        known_on=payload.known_on, violation_codes=list(dict.fromkeys(payload.violation_codes)),
        reported_persons=[services.PersonInput(**person.dict()) for person in payload.reported_persons],
        witnesses=[witness.model_dump(mode="json") for witness in payload.witnesses],
    )


# --- output ---------------------------------------------------------------------------------------

class ClockOut(Schema):
    label: str
    legal_basis: str
    unit: str
    start: dt.date
    due: dt.date
    days_left: int
    status: str
    closed_on: dt.date | None


class PersonOut(Schema):
    name: str
    subject_type: str
    position: str
    agency_name: str
    region_code: str | None = Field(None, alias="region_id")
    nip: str


class ViolationOut(Schema):
    code: str
    track: str
    title: str


class EventOut(Schema):
    seq: int
    kind: str
    from_status: str
    to_status: str
    at: dt.datetime
    actor: str | None = Field(None, alias="actor.username")
    payload: dict


class EvidenceOut(Schema):
    id: int
    original_name: str
    url: str
    description: str
    sha256: str | None = Field(None, alias="file_id")
    size: int | None = Field(None, alias="file.size")
    content_type: str | None = Field(None, alias="file.content_type")
    added_at: dt.datetime


class CaseListOut(Schema):
    tracking_code: str
    origin: str
    status: str
    status_label: str
    election: str = Field(..., alias="election.code")
    region_code: str = Field(..., alias="region_id")
    region_name: str = Field(..., alias="region.display_name")
    summary: str
    received_at: dt.datetime
    next_due_on: dt.date | None
    late_filing: bool

    @staticmethod
    def resolve_status_label(case: Case) -> str:
        return case.get_status_display()


def _user(context) -> Any:
    return context["request"].user


def _clocks(case: Case) -> services.Clocks:
    if not hasattr(case, "_api_clocks"):
        case._api_clocks = services.clocks_of(case)
    return case._api_clocks


def _may_see_reporter(case: Case, context) -> bool:
    return services.may_see_reporter(_user(context), case)


class CaseOut(CaseListOut):
    """One case for staff. ``reporter`` and ``witnesses`` are null unless the user handles the case."""

    register_number: str
    decision: str
    forwarded_to: str
    status_reason: str
    what_happened: str
    place: str
    occurred_on: dt.date
    known_on: dt.date
    late_filing_note: str
    formal_requirements_met: bool | None
    material_requirements_met: bool | None
    registered_on: dt.date | None
    info_requested_on: dt.date | None
    decided_on: dt.date | None
    merged_into: str | None
    identity_mode: str | None
    reporter: dict | None = Field(None, description="Identitas pelapor: hanya untuk penangan kasus, "
                                                    "tidak pernah untuk laporan anonim.")
    witnesses: list[dict] | None
    reported_persons: list[PersonOut]
    violation_codes: list[ViolationOut]
    clocks: list[ClockOut]
    clock_problem: str
    history: list[EventOut]
    evidence: list[EvidenceOut]
    transitions: list[str] = Field(..., description="Aksi yang dapat dilakukan pengguna ini sekarang.")

    @staticmethod
    def resolve_merged_into(case: Case) -> str | None:
        return case.merged_into.tracking_code if case.merged_into_id else None

    @staticmethod
    def resolve_identity_mode(case: Case) -> str | None:
        reporter = _reporter_of(case)
        return reporter.identity_mode if reporter else None

    @staticmethod
    def resolve_reporter(case: Case, context) -> dict | None:
        reporter = _reporter_of(case)
        if reporter is None or reporter.identity_mode == IdentityMode.ANONYMOUS:
            return None
        return services.reporter_identity(reporter) if _may_see_reporter(case, context) else None

    @staticmethod
    def resolve_witnesses(case: Case, context) -> list[dict] | None:
        if not _may_see_reporter(case, context):
            return None
        return [services.witness_identity(witness) for witness in case.witnesses.all()]

    @staticmethod
    def resolve_clocks(case: Case) -> list:
        return _clocks(case).clocks

    @staticmethod
    def resolve_clock_problem(case: Case) -> str:
        return _clocks(case).problem

    @staticmethod
    def resolve_history(case: Case) -> list:
        return list(case.events.all())

    @staticmethod
    def resolve_transitions(case: Case, context) -> list[str]:
        user = _user(context)
        return [t.name for t in available_from(case.status) if services.can_handle(user, case, t.roles)]


def _reporter_of(case: Case) -> Reporter | None:
    try:
        return case.reporter
    except Reporter.DoesNotExist:
        return None


class ReportFiledOut(Schema):
    tracking_code: str
    status: str
    late_filing: bool
    late_filing_note: str


class PublicEventOut(Schema):
    at: dt.datetime
    kind: str
    kind_label: str
    status: str
    status_label: str


class PublicStatusOut(Schema):
    tracking_code: str
    status: str
    status_label: str
    received_on: dt.date
    registered_on: dt.date | None
    decided_on: dt.date | None
    decision_label: str
    timeline: list[PublicEventOut]


class ProblemOut(Schema):
    detail: str
    errors: list[dict] = []


class MessageOut(Schema):
    detail: str


def detail_queryset(user):
    cases = services.visible_cases(user).select_related("election", "region", "merged_into", "reporter")
    return cases.prefetch_related(
        "reported_persons", "violation_codes", "witnesses",
        Prefetch("events", queryset=CaseEvent.objects.select_related("actor").order_by("seq")),
        Prefetch("evidence", queryset=Evidence.objects.select_related("file")),
    )


def visible_case_or_404(user, tracking_code: str) -> Case:
    case = detail_queryset(user).filter(tracking_code=tracking_code.strip().upper()).first()
    if case is None:
        raise Http404
    return case


# --- public endpoints -----------------------------------------------------------------------------

class ReportIntakeThrottle(AnonRateThrottle):
    """Per client address, whoever is logged in, with its own counter (not the global anonymous one)."""

    scope = "case_report"

    def get_cache_key(self, request):
        return self.cache_format % {"scope": self.scope, "ident": self.get_ident(request)}


@router.post("/reports", auth=None, throttle=[ReportIntakeThrottle(settings.API_REPORT_RATE)],
             response={201: ReportFiledOut, 422: ProblemOut}, summary="Sampaikan laporan (publik)")
def file_report(request, payload: ReportIn):
    """File a public report. Keep the tracking code: it is the only way to follow the report."""
    anonymous = payload.identity_mode == IdentityMode.ANONYMOUS
    if not anonymous and payload.reporter is None:
        return problems_response({"reporter": "Isi identitas pelapor, atau pilih laporan anonim."})
    try:
        with transaction.atomic():
            identity = {} if anonymous else payload.reporter.model_dump(mode="json")
            case = services.file_report(to_case_input(payload), identity, payload.identity_mode)
            evidence.attach_evidence(case, [], payload.evidence_urls)
    except ValidationError as error:
        return problems_response(rule_problems(error))
    return Reply(201, case)


@router.get("/{tracking_code}/public", auth=None, response=PublicStatusOut, summary="Status laporan (publik)")
def public_status(request, tracking_code: str):
    """Where a report stands and what happened to it, without any names or reasons."""
    code = tracking_code.strip().upper()
    case = Case.objects.filter(tracking_code=code, origin=Origin.REPORT).first()
    if case is None:
        raise Http404
    events = case.events.filter(kind__in=PUBLIC_EVENT_KINDS).order_by("seq")
    return {
        "tracking_code": case.tracking_code, "status": case.status, "status_label": case.get_status_display(),
        "received_on": case.received_at.astimezone(services.JAKARTA).date(), "registered_on": case.registered_on,
        "decided_on": case.decided_on, "decision_label": case.get_decision_display() if case.decision else "",
        "timeline": [
            {"at": e.at, "kind": e.kind, "kind_label": e.get_kind_display(), "status": e.to_status,
             "status_label": str(Status(e.to_status).label) if e.to_status in Status.values else ""}
            for e in events
        ],
    }


# --- staff endpoints ------------------------------------------------------------------------------

class CaseFilter(Schema):
    status: Status | None = None
    election: str | None = Field(None, max_length=40)
    origin: Origin | None = None
    region: str | None = Field(None, pattern=REGION_CODE, description="Kode wilayah: kasus di wilayah itu dan "
                                                                       "di bawahnya.")
    overdue: bool = Field(False, description="Hanya kasus yang melewati batas waktu terdekatnya.")
    violation_code: str | None = Field(None, max_length=20)


def filtered(cases, filters: CaseFilter):
    if filters.status:
        cases = cases.filter(status=filters.status)
    if filters.election:
        cases = cases.filter(election__code=filters.election)
    if filters.origin:
        cases = cases.filter(origin=filters.origin)
    if filters.region:
        depth = filters.region.count(".") + 1
        column = {1: "province_code", 2: "regency_code"}.get(depth)
        cases = cases.filter(**{column: filters.region}) if column else cases.filter(
            Q(region_id=filters.region) | Q(region_id__startswith=f"{filters.region}."))
    if filters.overdue:
        cases = cases.overdue(services.today())
    if filters.violation_code:
        cases = cases.filter(violation_codes=filters.violation_code)
    return cases


@router.get("", auth=django_auth, response=list[CaseListOut], summary="Kasus dalam cakupan pengguna")
@paginate(PageNumberPagination, page_size=MAX_LIST_ITEMS)
def list_cases(request, filters: Query[CaseFilter]):
    cases = services.visible_cases(request.user).select_related("election", "region")
    return filtered(cases, filters).order_by("-received_at", "-pk")


@router.post("/findings", auth=django_auth, response={201: CaseOut, 403: MessageOut, 422: ProblemOut},
             summary="Catat temuan")
def record_finding(request, payload: CaseIn):
    if not services.may_record_findings(request.user):
        return Reply(403, {"detail": "Peran Anda tidak berwenang mencatat temuan."})
    try:
        with transaction.atomic():
            case = services.record_finding(to_case_input(payload), request.user)
            evidence.attach_evidence(case, [], payload.evidence_urls, user=request.user)
    except ValidationError as error:
        return problems_response(rule_problems(error))
    except PermissionDenied as error:
        return Reply(403, {"detail": str(error)})
    return Reply(201, visible_case_or_404(request.user, case.tracking_code))


@router.get("/{tracking_code}", auth=django_auth, response=CaseOut, summary="Satu kasus")
def get_case(request, tracking_code: str):
    return visible_case_or_404(request.user, tracking_code)


ALLOWED_INPUTS = {
    "reason": str, "register_number": str, "decision": str, "forwarded_to": str, "target": str,
    "formal_requirements_met": bool, "material_requirements_met": bool,
}
MAX_INPUT_LENGTH = {"register_number": 80}  # the column's length; free text up to DEFAULT_MAX_INPUT
DEFAULT_MAX_INPUT = 5000


def transition_inputs(user, raw: dict[str, Any]) -> dict[str, Any]:
    """The inputs a transition may take, type-checked; ``target`` resolved within the user's scope."""
    problems = {}
    for key, value in raw.items():
        kind = ALLOWED_INPUTS.get(key)
        if kind is None:
            problems[f"inputs.{key}"] = "Isian ini tidak dikenal."
        elif value is not None and not isinstance(value, kind):
            problems[f"inputs.{key}"] = "Harus true atau false." if kind is bool else "Harus berupa teks."
        elif isinstance(value, str) and "\x00" in value:
            problems[f"inputs.{key}"] = "Teks mengandung karakter yang tidak diizinkan."
        elif isinstance(value, str) and len(value) > MAX_INPUT_LENGTH.get(key, DEFAULT_MAX_INPUT):
            limit = MAX_INPUT_LENGTH.get(key, DEFAULT_MAX_INPUT)
            problems[f"inputs.{key}"] = f"Terlalu panjang: paling banyak {limit} karakter."
    inputs = {key: value.strip() if isinstance(value, str) else value for key, value in raw.items()}
    if not problems and inputs.get("target"):
        target = services.visible_cases(user).filter(tracking_code=inputs["target"].upper()).first()
        if target is None:
            problems["inputs.target"] = "Kasus tujuan tidak ditemukan atau di luar cakupan Anda."
        inputs["target"] = target
    if problems:
        raise ValidationError(problems)
    return inputs


@router.post("/{tracking_code}/transitions", auth=django_auth,
             response={200: CaseOut, 400: MessageOut, 403: MessageOut, 409: MessageOut, 422: ProblemOut},
             summary="Lakukan aksi pada kasus")
def apply_transition(request, tracking_code: str, payload: TransitionIn):
    """Check, register, decide…; 409 when the case's status does not allow it, with the reason."""
    case = visible_case_or_404(request.user, tracking_code)
    if payload.name not in TRANSITIONS:
        known = ", ".join(TRANSITIONS)
        return Reply(400, {"detail": f"Aksi {payload.name!r} tidak dikenal. Pilih salah satu: {known}."})
    try:
        inputs = transition_inputs(request.user, payload.inputs)
        services.transition(case, request.user, payload.name, **inputs)
    except services.TransitionError as error:
        return Reply(409, {"detail": " ".join(error.messages)})
    except ValidationError as error:
        return problems_response(rule_problems(error))
    except PermissionDenied as error:
        return Reply(403, {"detail": str(error)})
    return visible_case_or_404(request.user, case.tracking_code)

