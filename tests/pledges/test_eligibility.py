from pledges.eligibility import person_findings


def rules(findings):
    return [f.rule for f in findings]


def test_cstdcs_needs_ldtt_same_year():
    assert rules(
        person_findings(title_code="CSTDCS", year=2025, same_year_codes={"CSTDCS"}, history={})
    ) == ["R1"]
    assert (
        person_findings(
            title_code="CSTDCS", year=2025, same_year_codes={"CSTDCS", "LDTT"}, history={}
        )
        == []
    )


def test_sector_fighter_needs_three_previous_cstdcs():
    history = {2022: {"CSTDCS"}, 2024: {"CSTDCS"}}
    (finding,) = person_findings(
        title_code="CSTD_NGANH", year=2025, same_year_codes=set(), history=history
    )
    assert finding.rule == "R3" and "2023" in finding.message and "2022" not in finding.message
    full = {2022: {"CSTDCS"}, 2023: {"CSTDCS"}, 2024: {"CSTDCS"}}
    assert (
        person_findings(title_code="CSTD_NGANH", year=2025, same_year_codes=set(), history=full)
        == []
    )


def test_national_fighter_needs_two_sector_titles():
    assert rules(
        person_findings(
            title_code="CSTD_TQ", year=2025, same_year_codes=set(), history={2022: {"CSTD_NGANH"}}
        )
    ) == ["R4"]
    two = {2019: {"CSTD_NGANH"}, 2022: {"CSTD_NGANH"}}
    assert (
        person_findings(title_code="CSTD_TQ", year=2025, same_year_codes=set(), history=two) == []
    )


def test_certificate_of_merit_rules():
    assert rules(
        person_findings(
            title_code="BK_TTCP", year=2025, same_year_codes=set(), history={2024: {"CSTDCS"}}
        )
    ) == ["R7"]
    assert (
        person_findings(
            title_code="BK_TTCP",
            year=2025,
            same_year_codes=set(),
            history={2023: {"CSTDCS"}, 2024: {"CSTDCS"}},
        )
        == []
    )
    history = {2020: {"BK_TTCP"}, 2021: {"CSTDCS"}, 2022: {"CSTDCS"}, 2024: {"CSTDCS"}}
    assert (
        person_findings(title_code="BK_TTG", year=2025, same_year_codes=set(), history=history)
        == []
    )
    assert rules(
        person_findings(
            title_code="BK_TTG", year=2025, same_year_codes=set(), history={2024: {"CSTDCS"}}
        )
    ) == ["R8"]


def test_every_finding_names_its_legal_source():
    findings = person_findings(
        title_code="CSTD_NGANH", year=2025, same_year_codes=set(), history={}
    )
    assert findings and all(f.source for f in findings)


def test_titles_without_rules_give_no_findings():
    assert person_findings(title_code="LDTT", year=2025, same_year_codes={"LDTT"}, history={}) == []
