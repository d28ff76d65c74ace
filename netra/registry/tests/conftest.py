"""Helpers for the registry tests: files built in memory, and a couple of agencies."""

import csv
import io

import openpyxl
import pytest

from netra.registry.models import Agency, AgencyKind

VALID_NIP = "198503122010011003"
OTHER_NIP = "199601182020122001"


def csv_bytes(rows, delimiter=",", encoding="utf-8") -> bytes:
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=delimiter).writerows(rows)
    return buffer.getvalue().encode(encoding)


def xlsx_bytes(rows) -> bytes:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    for cells in rows:
        sheet.append(list(cells))
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


@pytest.fixture
def sanggau(db):
    return Agency.objects.create(name="Pemerintah Kabupaten Sanggau", kind=AgencyKind.REGENCY_CITY, region_id="61.03")


@pytest.fixture
def palangka_raya(db):
    return Agency.objects.create(name="Pemerintah Kota Palangka Raya", kind=AgencyKind.REGENCY_CITY, region_id="62.71")
