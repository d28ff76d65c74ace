"""Every transition from every status: allowed ones work and append one event, the rest are refused."""

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied

from netra.cases.choices import Decision, EventKind, Forwarding, Status
from netra.cases.models import Case, CaseEvent
from netra.cases.services import TransitionError, transition
from netra.cases.transitions import TRANSITIONS

pytestmark = pytest.mark.django_db


def valid_inputs(name, case, other_case):
    return {
        "check": {"formal_requirements_met": True, "material_requirements_met": True},
        "register": {"register_number": "001/Reg/LP/PB/Kab/20.05/X/2024"},
        "not_register": {"reason": "Syarat formal tidak terpenuhi: identitas pelapor tidak lengkap."},
        "clarify": {},
        "request_info": {},
        "decide": {"decision": Decision.OTHER_LAWS, "reason": "Terbukti melanggar netralitas ASN."},
        "stop": {"reason": "Pelapor mencabut laporan."},
        "merge": {"target": other_case},
    }[name]


def put_in(case, status):
    Case.objects.filter(pk=case.pk).update(
        status=status, formal_requirements_met=True, material_requirements_met=True,
        decision=Decision.NOT_VIOLATION if status == Status.DECIDED else "",
    )
    case.refresh_from_db()
    return case


CASES = [(name, status) for name in TRANSITIONS for status in Status.values]


@pytest.mark.parametrize(("name", "status"), CASES, ids=[f"{n}-from-{s}" for n, s in CASES])
def test_each_transition_from_each_status(file_case, officer_kalbar, name, status):
    case = put_in(file_case(), status)
    other = file_case()
    spec = TRANSITIONS[name]
    events_before = CaseEvent.objects.filter(case=case).count()
    if spec.starts_from(status):
        result = transition(case, officer_kalbar, name, **valid_inputs(name, case, other))
        assert result.status == (spec.target or status)
        assert CaseEvent.objects.filter(case=case).count() == events_before + 1
    else:
        with pytest.raises(TransitionError, match="tidak dapat dilakukan"):
            transition(case, officer_kalbar, name, **valid_inputs(name, case, other))
        assert Case.objects.get(pk=case.pk).status == status
        assert CaseEvent.objects.filter(case=case).count() == events_before


def test_the_full_path_from_report_to_decision(file_case, officer_kalbar):
    case = file_case()
    for name in ["check", "register", "clarify", "request_info", "decide"]:
        case = transition(case, officer_kalbar, name, **valid_inputs(name, case, None))
    assert case.status == Status.DECIDED
    assert case.decision == Decision.OTHER_LAWS and case.forwarded_to == Forwarding.BKN
    history = list(CaseEvent.objects.filter(case=case).values_list("kind", "to_status"))
    assert history == [
        (EventKind.CREATED, Status.RECEIVED), (EventKind.TRANSITION, Status.CHECKED),
        (EventKind.TRANSITION, Status.REGISTERED), (EventKind.TRANSITION, Status.CLARIFICATION),
        (EventKind.INFO_REQUESTED, Status.CLARIFICATION), (EventKind.TRANSITION, Status.DECIDED),
    ]


def test_registration_needs_both_requirements(file_case, officer_kalbar):
    case = transition(file_case(), officer_kalbar, "check", formal_requirements_met=True,
                      material_requirements_met=False, reason="Bukti belum ada.")
    with pytest.raises(TransitionError, match="syarat formal dan materiel"):
        transition(case, officer_kalbar, "register", register_number="002/Reg")


@pytest.mark.parametrize(("name", "inputs", "message"), [
    ("not_register", {}, "alasan"),
    ("decide", {"reason": "x"}, "jenis putusan"),
    ("decide", {"decision": "bukan-pilihan", "reason": "x"}, "jenis putusan"),
    ("stop", {"reason": ""}, "alasan"),
])
def test_missing_or_wrong_input_is_refused_with_a_message(file_case, officer_kalbar, name, inputs, message):
    status = TRANSITIONS[name].sources and sorted(TRANSITIONS[name].sources)[0]
    case = put_in(file_case(), status)
    with pytest.raises(TransitionError, match=message):
        transition(case, officer_kalbar, name, **inputs)


def test_info_can_be_requested_only_once_and_extends_the_pilkada_clock(file_case, officer_kalbar):
    from netra.cases.services import clocks_of

    case = put_in(file_case(), Status.REGISTERED)
    case.registered_on = dt.date(2024, 10, 4)
    case.save()
    assert clocks_of(case, dt.date(2024, 10, 5)).next_due == dt.date(2024, 10, 7)
    case = transition(case, officer_kalbar, "request_info", on=dt.date(2024, 10, 5))
    assert clocks_of(case, dt.date(2024, 10, 5)).next_due == dt.date(2024, 10, 9)
    with pytest.raises(TransitionError, match="sudah pernah diminta"):
        transition(case, officer_kalbar, "request_info")


@pytest.mark.parametrize("target_kind", ["self", "merged", "other_election"])
def test_merge_targets_are_checked(file_case, officer_kalbar, target_kind):
    case = file_case()
    target = {
        "self": lambda: case,
        "merged": lambda: put_in(file_case(), Status.MERGED),
        "other_election": lambda: file_case(election_code="pemilu-2024", occurred=dt.date(2024, 2, 1),
                                            known=dt.date(2024, 2, 2)),
    }[target_kind]()
    with pytest.raises(TransitionError):
        transition(case, officer_kalbar, "merge", target=target)


def test_a_role_without_handling_rights_is_refused(file_case, user_with_role, no_two_factor):
    analyst = user_with_role("analis.media", "media_analyst", region="61")
    with pytest.raises(PermissionDenied):
        transition(file_case(), analyst, "check", formal_requirements_met=True, material_requirements_met=True)


def test_a_handler_of_another_region_is_refused(file_case, officer_kalteng):
    with pytest.raises(PermissionDenied):
        transition(file_case(), officer_kalteng, "check", formal_requirements_met=True,
                   material_requirements_met=True)


def test_an_unknown_transition_is_refused(file_case, officer_kalbar):
    with pytest.raises(TransitionError, match="tidak dikenal"):
        transition(file_case(), officer_kalbar, "terbang")


@pytest.mark.parametrize(("decided_on", "subject", "expected"), [
    (dt.date(2024, 8, 23), "pns", Forwarding.KASN),
    (dt.date(2024, 8, 24), "pns", Forwarding.BKN),
    (dt.date(2024, 10, 10), "pppk", Forwarding.BKN),
    (dt.date(2024, 10, 10), "kepala_desa", Forwarding.REGENT),
    (dt.date(2024, 10, 10), "bpd", Forwarding.REGENT),
])
def test_a_violation_of_other_laws_goes_to_the_body_in_force_for_the_subject(
        file_case, officer_kalbar, decided_on, subject, expected):
    case = put_in(file_case(), Status.REGISTERED)
    case.reported_persons.update(subject_type=subject)
    case = transition(case, officer_kalbar, "decide", decision=Decision.OTHER_LAWS, reason="Terbukti.", on=decided_on)
    assert case.forwarded_to == expected


def test_the_handler_may_name_another_recipient(file_case, officer_kalbar):
    case = put_in(file_case(), Status.REGISTERED)
    case = transition(case, officer_kalbar, "decide", decision=Decision.OTHER_LAWS, reason="Terbukti.",
                      forwarded_to=Forwarding.GAKKUMDU)
    assert case.forwarded_to == Forwarding.GAKKUMDU
