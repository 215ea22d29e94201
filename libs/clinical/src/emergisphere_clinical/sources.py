"""Citations attached to every Reason, so each decision can be traced to its source."""

_ESI = "ESI v4 Implementation Handbook (AHRQ 2012)"

ESI_A = f"{_ESI}, decision point A"
ESI_B = f"{_ESI}, decision point B"
ESI_C = f"{_ESI}, decision point C"
ESI_D = f"{_ESI}, decision point D"
ESI_D_LOW_RESOURCE = f"{_ESI}, decision point D danger-zone vitals (applied below two resources)"
ESI_FEVER = f"{_ESI}, paediatric fever criteria"
NEWS2 = "Royal College of Physicians, NEWS2 (2017)"
NEWS2_SEPSIS = f"{NEWS2}: NEWS2 of 5 or more with suspected infection should prompt sepsis review"
PALS_HYPOTENSION = "AHA PALS hypotension limits by age, with ESI v4 decision point A"
