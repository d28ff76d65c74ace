"""Case fixtures: a factory that files reports and records findings through the services."""

import datetime as dt

import pytest

from netra.cases.choices import IdentityMode, SubjectType
from netra.cases.models import Election
from netra.cases.services import CaseInput, PersonInput, file_report, record_finding

REPORTER = {
    "name": "Siti Rahmawati", "birth_place": "Pontianak", "birth_date": "1990-04-02", "sex": "perempuan",
    "occupation": "Guru honorer", "nationality": "Indonesia", "address": "Jl. Gajah Mada 12, Pontianak",
    "phone": "081234567890", "email": "siti@example.id",
}


def case_input(election_code="pilkada-2024", region="61.03", occurred=dt.date(2024, 10, 1),
               known=dt.date(2024, 10, 2), **overrides) -> CaseInput:
    data = CaseInput(
        election=Election.objects.get(code=election_code), region_code=region,
        summary="Kepala dinas hadir dalam kampanye pasangan calon",
        what_happened="Terlapor hadir dan berorasi dalam kampanye terbuka pasangan calon nomor urut 2.",
        place="Lapangan Sabang Merah, Sanggau", occurred_on=occurred, known_on=known,
        reported_persons=[PersonInput(name="Drs. Ahmad Fauzi", subject_type=SubjectType.PNS,
                                      position="Kepala Dinas Pendidikan", agency_name="Pemkab Sanggau")],
        violation_codes=["DIS-4"],
    )
    for key, value in overrides.items():
        setattr(data, key, value)
    return data


@pytest.fixture
def file_case(db):
    """file_case(received=datetime, mode=IdentityMode.OPEN, **case_input kwargs) -> Case"""

    def make(received=dt.datetime(2024, 10, 3, 9, 0, tzinfo=dt.UTC), mode=IdentityMode.CONFIDENTIAL, **kwargs):
        return file_report(case_input(**kwargs), REPORTER, mode, received_at=received)

    return make


@pytest.fixture
def finding_case(db):
    def make(user, received=dt.datetime(2024, 10, 3, 9, 0, tzinfo=dt.UTC), **kwargs):
        return record_finding(case_input(**kwargs), user, received_at=received)

    return make
