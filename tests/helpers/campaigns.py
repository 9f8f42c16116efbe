"""Form data of the campaign and rubric editors."""


def form_data(cluster_year, phases, **fields):
    data = {
        "title": "Phong trào thi đua năm 2026",
        "theme": "Kỷ cương, liêm chính",
        "kind": "regular",
        "scope": "cluster_year",
        "cluster_year": cluster_year.pk,
        "start_date": "01/01/2026",
        "end_date": "31/12/2026",
        "content_areas_text": "Nội dung một\nNội dung hai",
        "phases-TOTAL_FORMS": str(len(phases)),
        "phases-INITIAL_FORMS": "0",
        "phases-MIN_NUM_FORMS": "0",
        "phases-MAX_NUM_FORMS": "1000",
        **fields,
    }
    for i, phase in enumerate(phases):
        for key, value in phase.items():
            data[f"phases-{i}-{key}"] = value
    return data


PHASE_1 = {
    "name": "Đợt 1",
    "start_date": "01/01/2026",
    "end_date": "30/06/2026",
    "review_kind": "preliminary",
    "results_deadline": "10/07/2026",
}
PHASE_2 = {
    "name": "Đợt 2",
    "start_date": "01/07/2026",
    "end_date": "31/12/2026",
    "review_kind": "final",
    "results_deadline": "05/12/2026",
}


def rubric_post(rubric, groups, criteria, **header):
    data = {
        "title": "Bảng tiêu chí",
        "bonus_cap": "3,5",
        "tie_break_groups": "A",
        "revision": str(rubric.revision),
        "groups-TOTAL_FORMS": str(len(groups)),
        "groups-INITIAL_FORMS": "0",
        "criteria-TOTAL_FORMS": str(len(criteria)),
        "criteria-INITIAL_FORMS": "0",
        **header,
    }
    for prefix, rows in (("groups", groups), ("criteria", criteria)):
        for i, row in enumerate(rows):
            for key, value in row.items():
                data[f"{prefix}-{i}-{key}"] = value
    return data


GROUPS = [
    {"code": "A", "title": "Thanh tra", "order": "0"},
    {"code": "G", "title": "Điểm thưởng", "order": "1"},
]
CRITERIA = [
    {
        "group_code": "A",
        "code": "A1",
        "title": "Kế hoạch thanh tra",
        "max_points": "2,5",
        "kind": "normal",
        "order": "0",
    },
    {
        "group_code": "G",
        "code": "G1",
        "title": "Được tặng Bằng khen",
        "max_points": "3",
        "kind": "bonus",
        "order": "0",
    },
]
