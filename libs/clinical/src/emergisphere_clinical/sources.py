"""Citations attached to every Reason, so each decision can be traced to its source."""

_ESI = "ESI v4 Implementation Handbook (AHRQ 2012)"

ESI_A = f"{_ESI}, decision point A"
ESI_A_INTERVENTIONS = (
    f"{_ESI}, chapter 3 (decision point A): life-saving interventions include bag-valve-mask"
    " ventilation, intubation and electrical therapy (defibrillation, emergent cardioversion,"
    " external pacing)"
)
ESI_A_HYPOPERFUSION = (
    f"{_ESI}, chapter 3 (decision point A): hypotension with signs of hypoperfusion"
    " (e.g. pale, cool, clammy, diaphoretic) needs haemodynamic support now"
)
ESI_B = f"{_ESI}, decision point B"
ESI_B_PAIN = (
    f"{_ESI}, chapter 4 (decision point B): pain of 7/10 or more means consider ESI 2, judged"
    " on physiological signs and expected resources, not the score alone"
)
ESI_B_CENTRAL_PAIN = (
    f"{ESI_B_PAIN}; severe central pain (head, chest, abdomen) is the higher-risk pain of"
    " the Canadian Triage and Acuity Scale pain modifiers (Bullard et al., CJEM 2008)"
)
ESI_C = f"{_ESI}, decision point C"
ESI_D = f"{_ESI}, decision point D"
ESI_D_CONSIDER = (
    f"{_ESI}, chapter 6 (decision point D): danger-zone vital signs mean consider ESI 2;"
    " corroborated here by RCP NEWS2 (2017) clinical risk"
)
ESI_D_LOW_RESOURCE = f"{_ESI}, decision point D danger-zone vitals (applied below two resources)"
ESI_FEVER = f"{_ESI}, paediatric fever criteria"
NEWS2 = "Royal College of Physicians, NEWS2 (2017)"
NEWS2_SEPSIS = f"{NEWS2}: NEWS2 of 5 or more with suspected infection should prompt sepsis review"
SIRS_SEPSIS = (
    "Bone et al., Chest 1992 (ACCP/SCCM consensus): two or more SIRS criteria with suspected"
    f" infection define sepsis; a high-risk situation at {_ESI}, decision point B"
)
PALS_HYPOTENSION = "AHA PALS hypotension limits by age, with ESI v4 decision point A"
