import pytest

from emergisphere_runtime.workflow.definitions import parse_definitions, seed_definitions


def test_seed_workflows_follow_the_brief_order() -> None:
    defs = seed_definitions()
    assert set(defs) == {"emergency", "regular", "device_scan", "emergency_device"}
    assert [s.agent for s in defs["emergency"].steps] == [
        "triage",
        "admission",
        "legal",
        "records",
        "device",
        "billing",
        "communication",
        "scheduling",
    ]
    assert [s.agent for s in defs["device_scan"].steps] == ["device", "records", "communication"]
    assert [s.agent for s in defs["emergency_device"].steps] == [
        "device",
        "triage",
        "communication",
        "admission",
    ]


def test_billing_and_legal_are_advisory_in_emergencies() -> None:
    steps = {s.id: s for s in seed_definitions()["emergency"].steps}
    assert steps["billing"].policy == "advisory"
    assert steps["legal"].policy == "advisory"
    assert steps["triage"].policy == "blocking"


def test_every_step_depends_only_on_earlier_steps() -> None:
    for definition in seed_definitions().values():
        seen: set[str] = set()
        for step in definition.steps:
            assert set(step.after) <= seen
            seen.add(step.id)


def test_a_cycle_or_unknown_dependency_is_rejected() -> None:
    text = """
defaults: {timeout_seconds: 1, max_attempts: 1, backoff_seconds: 0, policy: blocking}
workflows:
  loop:
    steps:
      - {id: a, agent: triage, after: [b]}
      - {id: b, agent: admission, after: [a]}
"""
    with pytest.raises(ValueError, match="unknown steps"):
        parse_definitions(text)


def test_an_unknown_agent_is_rejected() -> None:
    text = """
defaults: {timeout_seconds: 1, max_attempts: 1, backoff_seconds: 0, policy: blocking}
workflows:
  w:
    steps:
      - {id: a, agent: janitor}
"""
    with pytest.raises(ValueError, match="unknown agent"):
        parse_definitions(text)
