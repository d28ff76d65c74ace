"""Demo data for `make run`: clearly marked, idempotent, exercising every screen."""

from django.contrib.auth import get_user_model

from netra.accounts.models import Membership, Role
from netra.cases.demo import load_demo_cases
from netra.regions.models import Region
from netra.registry.choices import SubjectType
from netra.registry.models import Agency, AgencyKind, Person

DEMO_PASSWORD = "demo-netra-2024"
DEMO_MARK = "(DEMO)"

DEMO_AGENCIES = [
    # name, kind, region code, PPK title, personnel office
    ("Pemerintah Provinsi Kalimantan Barat", AgencyKind.PROVINCE, "61", "Gubernur Kalimantan Barat",
     "BKD Provinsi Kalimantan Barat"),
    ("Pemerintah Kabupaten Sanggau", AgencyKind.REGENCY_CITY, "61.03", "Bupati Sanggau", "BKPSDM Kabupaten Sanggau"),
    ("Pemerintah Kota Palangka Raya", AgencyKind.REGENCY_CITY, "62.71", "Wali Kota Palangka Raya",
     "BKPSDM Kota Palangka Raya"),
    ("Kementerian Dalam Negeri", AgencyKind.CENTRAL, None, "Menteri Dalam Negeri", "Biro Kepegawaian Kemendagri"),
]

# name, subject type, position, agency name, region code, NIP (valid by the BKN rules, invented)
DEMO_PERSONS = [
    ("Ahmad Fauzi", SubjectType.PNS, "Kepala Dinas Pendidikan", "Pemerintah Kabupaten Sanggau", "61.03",
     "197803152005011003"),
    ("Rina Oktaviani", SubjectType.PPPK, "Guru", "Pemerintah Kabupaten Sanggau", "61.03", "199204102022212004"),
    ("Budi Santoso", SubjectType.PNS, "Camat", "Pemerintah Provinsi Kalimantan Barat", "61", "198107222006041002"),
    ("Yohanes Liong", SubjectType.VILLAGE_HEAD, "Kepala Desa Sungai Mawang", None, "61.03", ""),
    ("Hendra Saputra", SubjectType.LURAH, "Lurah Langkai", "Pemerintah Kota Palangka Raya", "62.71",
     "198512302010011005"),
]

# username, role code, region code or None, agency name or None, full name
DEMO_USERS = [
    ("demo.admin", "admin", None, None, "Admin Demo"),
    ("demo.bawaslu.ri", "bawaslu_ri", None, None, "Pengawas RI Demo"),
    ("demo.bawaslu.kalbar", "bawaslu_provinsi", "61", None, "Pengawas Kalbar Demo"),
    ("demo.bawaslu.sanggau", "bawaslu_kabkota", "61.03", None, "Pengawas Sanggau Demo"),
    ("demo.bkn", "bkn_analyst", None, None, "Analis BKN Demo"),
    ("demo.ppk.sanggau", "ppk_officer", None, "Pemerintah Kabupaten Sanggau", "Petugas BKPSDM Sanggau Demo"),
    ("demo.pemda.kalteng", "pemda_officer", "62", None, "Petugas Kesbangpol Kalteng Demo"),
    ("demo.media", "media_analyst", "61", None, "Analis Media Demo"),
]


def load_demo() -> list[tuple[str, str]]:
    if not Region.objects.filter(code="61").exists():
        raise LookupError("Tabel wilayah masih kosong. Jalankan dulu: netra regions load")
    # A demo database has no authenticator apps behind it: 2FA stays optional here.
    Role.objects.update(requires_two_factor=False)
    agencies = {name: _demo_agency(name, kind, code, ppk, office) for name, kind, code, ppk, office in DEMO_AGENCIES}
    created = []
    for username, role_code, region_code, agency_name, full_name in DEMO_USERS:
        user = _demo_user(username, full_name, is_admin=role_code == "admin")
        role = Role.objects.get(code=role_code)
        Membership.objects.get_or_create(
            user=user, role=role, region_id=region_code, agency=agencies.get(agency_name)
        )
        where = Region.objects.get(code=region_code).display_name if region_code else agency_name or "nasional"
        created.append((username, f"{role.name} – {where}"))
    for person in DEMO_PERSONS:
        _demo_person(agencies, *person)
    load_demo_cases(get_user_model().objects.get(username="demo.bawaslu.ri"))
    return created


def _demo_agency(name, kind, region_code, ppk_title, ppk_office) -> Agency:
    agency, _ = Agency.objects.update_or_create(
        name=f"{name} {DEMO_MARK}", region_id=region_code,
        defaults={"kind": kind, "ppk_title": ppk_title, "ppk_office": ppk_office},
    )
    return agency


def _demo_person(agencies, name, subject_type, position, agency_name, region_code, nip) -> Person:
    person, _ = Person.objects.update_or_create(
        name=f"{name} {DEMO_MARK}", region_id=region_code,
        defaults={"subject_type": subject_type, "position": position, "nip": nip,
                  "agency": agencies.get(agency_name)},
    )
    person.full_clean()
    return person


def _demo_user(username: str, full_name: str, is_admin: bool):
    user, _ = get_user_model().objects.get_or_create(username=username)
    first, _, last = full_name.rpartition(" ")
    user.first_name, user.last_name = first, f"{last} {DEMO_MARK}".strip()
    user.email = f"{username}@demo.netra.invalid"
    user.is_staff = user.is_superuser = is_admin
    user.set_password(DEMO_PASSWORD)
    user.save()
    return user
