"""Demo cases for `make run`: reports and findings in every status, all marked [DEMO].

They go through the same services as real cases, so their history, clocks and
hash chain are genuine. Idempotent: nothing is added when demo cases exist.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.utils import timezone

from netra.cases.choices import Decision, IdentityMode, SubjectType
from netra.cases.models import Case, Election
from netra.cases.services import CaseInput, PersonInput, file_report, record_finding, transition

DEMO_PREFIX = "[DEMO]"
JAKARTA = dt.timezone(dt.timedelta(hours=7))


@dataclass(frozen=True)
class DemoCase:
    summary: str
    region: str
    person: str
    position: str
    agency: str
    subject: str
    codes: tuple[str, ...]
    day: int  # days after 1 October 2024 the reporter learned of it
    steps: tuple[str, ...]  # transitions to apply, in order
    finding: bool = False
    anonymous: bool = False


DEMO_CASES = [
    DemoCase("Kepala dinas berorasi di kampanye pasangan calon", "61.03", "Ahmad Fauzi", "Kepala Dinas Pendidikan",
             "Pemerintah Kabupaten Sanggau", SubjectType.PNS, ("DIS-4",), 0, ()),
    DemoCase("Guru PPPK mengunggah foto bersama calon di Instagram", "61.03", "Rina Oktaviani", "Guru",
             "SMPN 2 Sanggau", SubjectType.PPPK, ("DIS-7",), 2, ("check",)),
    DemoCase("Camat mengarahkan ketua RT memilih pasangan calon", "61.71", "Budi Santoso", "Camat Pontianak Barat",
             "Pemerintah Kota Pontianak", SubjectType.PNS, ("DIS-12",), 4, ("check", "register")),
    DemoCase("Kepala desa ikut deklarasi dukungan calon bupati", "61.03", "Yohanes Liong", "Kepala Desa Sungai Mawang",
             "", SubjectType.VILLAGE_HEAD, ("DESA-2",), 6, ("check", "register", "clarify")),
    DemoCase("ASN menyukai dan membagikan unggahan tim pemenangan", "61.04", "Dewi Lestari", "Analis Kepegawaian",
             "BKPSDM Kabupaten Mempawah", SubjectType.PNS, ("DIS-6",), 8,
             ("check", "register", "clarify", "request_info")),
    DemoCase("Lurah memakai mobil dinas untuk kampanye", "62.71", "Hendra Saputra", "Lurah Langkai",
             "Pemerintah Kota Palangka Raya", SubjectType.LURAH, ("DIS-8",), 10,
             ("check", "register", "decide"), finding=True),
    DemoCase("Sekretaris dinas hadir di pendaftaran pasangan calon", "61.71", "Agus Salim", "Sekretaris Dinas PUPR",
             "Pemerintah Kota Pontianak", SubjectType.PNS, ("DIS-4",), 12, ("check", "register", "decide")),
    DemoCase("Laporan tanpa bukti tentang pegawai kecamatan", "61.03", "N", "Staf kecamatan", "",
             SubjectType.NON_ASN, (), 14, ("check", "not_register"), anonymous=True),
    DemoCase("Laporan ganda tentang kepala dinas yang sama", "61.03", "Ahmad Fauzi", "Kepala Dinas Pendidikan",
             "Pemerintah Kabupaten Sanggau", SubjectType.PNS, ("DIS-4",), 1, ("merge",)),
    DemoCase("Pelapor mencabut laporan tentang anggota BPD", "62.01", "Samsul Bahri", "Anggota BPD Pangkalan Lada",
             "", SubjectType.BPD_MEMBER, ("DESA-4",), 5, ("check", "stop")),
]

REGISTERED_DAYS_AGO = {3: 6, 4: 2, 5: 1}

STEP_INPUTS = {
    "check": {"formal_requirements_met": True, "material_requirements_met": True},
    "register": {"register_number": "{n:03d}/Reg/LP/PB/Kab/20.05/X/2024"},
    "not_register": {"reason": "Syarat materiel tidak terpenuhi: tidak ada bukti."},
    "clarify": {},
    "request_info": {},
    "decide": {"decision": Decision.OTHER_LAWS, "reason": "Terbukti melanggar netralitas ASN; diteruskan ke BKN."},
    "stop": {"reason": "Pelapor mencabut laporan sebelum diregister."},
}

REPORTER = {
    "name": "Pelapor Demo", "birth_place": "Pontianak", "birth_date": "1988-05-17", "sex": "perempuan",
    "occupation": "Wiraswasta", "nationality": "Indonesia", "address": "Jl. Contoh No. 1 (DEMO)",
    "phone": "080000000000", "email": "pelapor@demo.netra.invalid",
}


def load_demo_cases(handler) -> int:
    """Create the demo cases as ``handler`` (a national demo supervisor); returns how many were made."""
    if Case.objects.filter(summary__startswith=DEMO_PREFIX).exists():
        return 0
    election = Election.objects.get(code="pilkada-2024")
    first = None
    for number, demo in enumerate(DEMO_CASES, start=1):
        case = _intake(demo, election, handler)
        if first is None:
            first = case
            _attach_demo_evidence(case, handler)
        for step in demo.steps:
            case = transition(case, handler, step, **_inputs(step, number, first))
    return len(DEMO_CASES)


def _intake(demo: DemoCase, election: Election, handler) -> Case:
    learned = dt.date(2024, 10, 1) + dt.timedelta(days=demo.day)
    received = dt.datetime.combine(learned + dt.timedelta(days=2), dt.time(10, 0), tzinfo=JAKARTA)
    data = CaseInput(
        election=election, region_code=demo.region, summary=f"{DEMO_PREFIX} {demo.summary}",
        what_happened=f"Contoh kasus untuk mencoba Netra. {demo.summary}.", place="Lokasi contoh",
        occurred_on=learned - dt.timedelta(days=1), known_on=learned,
        reported_persons=[PersonInput(name=demo.person, subject_type=demo.subject, position=demo.position,
                                      agency_name=demo.agency, region_code=demo.region)],
        violation_codes=list(demo.codes),
    )
    if demo.finding:
        return record_finding(data, handler, received_at=received)
    mode = IdentityMode.ANONYMOUS if demo.anonymous else IdentityMode.CONFIDENTIAL
    return file_report(data, REPORTER, mode, received_at=received)


def _attach_demo_evidence(case: Case, handler) -> None:
    from django.core.files.uploadedfile import SimpleUploadedFile

    from netra.cases.evidence import attach_evidence

    pdf = SimpleUploadedFile("tangkapan-layar-contoh.pdf", DEMO_PDF, content_type="application/pdf")
    attach_evidence(case, [pdf], ["https://contoh.netra.invalid/unggahan-demo"], user=handler)


# A one-page PDF that says it is demo evidence.
DEMO_PDF = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
    b"3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 300 100]/Contents 4 0 R>>endobj\n"
    b"4 0 obj<</Length 44>>stream\nBT /F1 18 Tf 20 50 Td (BUKTI DEMO) Tj ET\nendstream endobj\n"
    b"trailer<</Root 1 0 R>>\n%%EOF\n"
)


def _inputs(step: str, number: int, first: Case) -> dict:
    if step == "merge":
        return {"target": first, "reason": "Laporan atas peristiwa yang sama."}
    inputs = dict(STEP_INPUTS[step])
    if "register_number" in inputs:
        inputs["register_number"] = inputs["register_number"].format(n=number)
        # Registered some days ago, so the inbox shows running, due-soon and overdue clocks.
        inputs["on"] = timezone.localdate() - dt.timedelta(days=REGISTERED_DAYS_AGO.get(number, 0))
    return inputs
