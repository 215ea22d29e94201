"""Topic names. One place, so producers and consumers cannot drift apart."""

AGENTS = (
    "triage",
    "admission",
    "legal",
    "records",
    "device",
    "billing",
    "communication",
    "scheduling",
)

ORCHESTRATOR_COMMANDS = "es.orchestrator.commands"
ORCHESTRATOR_RESULTS = "es.orchestrator.results"
WORKFLOW_EVENTS = "es.workflow.events"
FHIR_INBOUND = "es.fhir.inbound"


def agent_commands(agent: str) -> str:
    return f"es.{agent}.commands"


DEAD_LETTER_SUFFIX = ".dlq"


def dead_letter(topic: str) -> str:
    return f"{topic}{DEAD_LETTER_SUFFIX}"


def is_dead_letter(topic: str) -> bool:
    return topic.endswith(DEAD_LETTER_SUFFIX)


def all_topics() -> list[str]:
    """Every platform topic, then their dead-letter topics: what `topics ensure` creates."""
    base = [agent_commands(a) for a in AGENTS]
    base += [ORCHESTRATOR_COMMANDS, ORCHESTRATOR_RESULTS, WORKFLOW_EVENTS, FHIR_INBOUND]
    return base + [dead_letter(t) for t in base]
