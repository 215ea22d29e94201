"""The workflow model: definitions (data), persisted state, and the state machine."""
