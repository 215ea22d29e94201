"""Emergency Severity Index v4 decision points A-D (AHRQ Implementation Handbook, 2012).

Every rule yields a Finding: "the patient is at least this urgent, because ...". The
handbook's sequential algorithm (A -> 1, B -> 2, C -> 5/4/D, D -> 2/3) equals the most
urgent level among all findings, so the rules stay independent, every triggered rule is
reported, and extra safety floors (paediatric fever, NEWS2) need no special wiring.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property

from emergisphere_clinical import sources
from emergisphere_clinical.asthma import acute_severe_asthma
from emergisphere_clinical.chest_pain import (
    BREATHLESS_WORDS,
    CARDIAC_FEATURES,
    NOT_CHEST_WALL,
    infective_pleuritic_chest_pain,
    injured_chest_wall,
    low_risk_chest_pain,
    pericarditic_chest_pain,
    spontaneous_pneumothorax,
    strained_chest_wall,
)
from emergisphere_clinical.complaints import ComplaintMatch, chronic, mentioned_history
from emergisphere_clinical.gi_bleed import stable_gi_bleed
from emergisphere_clinical.glucose import (
    DKA_GLUCOSE_MG_DL,
    DKA_KETONES_MMOL_L,
    HHS_GLUCOSE_MG_DL,
    HYPOGLYCAEMIA_LEVEL_2_MG_DL,
    read_glucose,
    read_ketones,
)
from emergisphere_clinical.hyperventilation import hyperventilation
from emergisphere_clinical.lexicon import BY_KEY, PRIORITY, ComplaintCategory, Tier
from emergisphere_clinical.models import News2Result, Reason, TriageInput, VitalSigns
from emergisphere_clinical.narrative import observations_stated_normal, stated_temperature
from emergisphere_clinical.pregnancy import (
    blow_in_later_pregnancy,
    possible_ectopic,
    trauma_in_later_pregnancy,
)
from emergisphere_clinical.resources import count_resources, describe_resources, resource_names
from emergisphere_clinical.stimulants import stimulant_toxicity
from emergisphere_clinical.vitals import (
    DANGER_ZONE_SPO2,
    NEONATE_MAX_YEARS,
    PALS_ADULT_AGE_YEARS,
    SIRS_MIN_AGE_YEARS,
    THREE_MONTHS_YEARS,
    THREE_YEARS,
    adult_shock_signs,
    avpu_rank,
    danger_zone_flags,
    danger_zone_limits,
    fmt,
    missing_core_vitals,
    news2_applies,
    severe_hypotension_limit,
    sirs_criteria,
    temperature_suggests_infection,
)

# A complaint the lexicon cannot read is assumed to need two or more resources, and,
# since it cannot rule out a high-risk situation, is ESI 2 (see _resource_findings).
UNRECOGNISED_COMPLAINT_RESOURCES = 2
# WMS 2019: a core temperature below 35 C is hypothermia.
HYPOTHERMIA_C = 35.0
# ESI handbook: a temperature above 39 C at 3 to 36 months.
PAEDIATRIC_FEVER_C = 39.0
# Heat stroke and toxic hyperthermia: 41 C or more with the brain affected (confused,
# agitated, rigid, fitting or less than alert) is cooled at once. A fever alone, however
# high, is not.
SEVERE_HYPERTHERMIA_C = 41.0
PHOTOPHOBIA_WORDS = (
    "photophobia",
    "photophobic",
    "light hurts",
    "hates the light",
    "hates the lights",
    "light sensitive",
    "sensitive to light",
)
HYPERTHERMIA_CNS_WORDS = ("rigid", "rigidity", "thrashing", "combative", "agitated", "clonus")
# PALS bradycardia algorithm: a child's heart rate below 60 with poor perfusion needs CPR.
PALS_CPR_HEART_RATE = 60.0
# Breathlessness: a danger-zone respiratory rate or SpO2 with it is respiratory distress.
RESPIRATORY_COMPLAINTS = frozenset(
    {
        "shortness_of_breath",
        "respiratory_distress",
        "asthma",
        "cough",
        "cold_cough",
        "respiratory_failure",
    }
)
# Pain from a body cavity or organ (head, chest, abdomen, flank, pelvis), the Canadian Triage and
# Acuity Scale's "central" pain (Bullard et al., CJEM 2008), on which KTAS is based.
CENTRAL_PAIN = frozenset(
    {
        "headache",
        "abdominal_pain",
        "renal_colic",
        "acs",
        "aortic_dissection",
        "thunderclap_headache",
        "testicular_torsion",
        "pregnancy_pain_or_bleeding",
        "pelvic_pain",
    }
)
# CTAS severe pain is 8-10 (Bullard et al., CJEM 2008): the band in which central pain is
# CTAS level 2. ESI's own threshold (7) only opens the question.
CTAS_SEVERE_PAIN = 8
# CTAS: pain below 4/10 is mild.
CTAS_MODERATE_PAIN = 4
ESI_SEVERE_PAIN = 7
PREGNANCY_PAIN_WORDS = ("pain", "cramping", "cramps", "crampy")
MILD_PAIN_WORDS = (
    "mild cramping",
    "mild cramps",
    "mild cramp",
    "mild crampy",
    "mild pain",
    "mild lower abdo",
    "mild lower abdominal",
    "mild period",
    "period type",
    "period like",
    "like a period",
    "niggle",
)
PELVIC_PAIN_COMPLAINTS = frozenset(
    {"abdominal_pain", "pelvic_pain", "renal_colic", "back_pain", "menstrual", "ectopic_signs"}
)
PAIN_AWAY_FROM_PELVIS = frozenset(
    {
        "dvt",
        "limb_injury",
        "fracture",
        "headache",
        "ear_pain",
        "sore_throat",
        "dental",
        "dental_infection",
        "eye",
        "laceration",
        "nail_bed_injury",
    }
)
# NICE CG89: bruising before a baby is mobile (about 6 months) suggests maltreatment.
NON_MOBILE_INFANT_YEARS = 0.5
# Breathlessness the note ties to effort alone ("breathless on stairs")...
EXERTION_ONLY = (
    "on stairs",
    "on the stairs",
    "on exertion only",
    "on exertion",
    "walking up",
    "climbing",
    "walking to the car",
    "walking any distance",
)
# ...unless it is also there at rest, lying flat or talking.
AT_REST = ("at rest", "lying flat", "talking", "sitting", "can't lie", "cannot lie", "orthopnoea")
# Resuscitation Council UK adult bradycardia algorithm (2005): a rate under 40 is an
# adverse sign; NEWS2 scores 40 or less 3.
EXTREME_BRADYCARDIA_HR = 40.0
# Resuscitation Council UK adult bradycardia algorithm (2021): a slow rate with an adverse
# feature (syncope, heart failure) needs treatment now. Dizziness alone is not one: writers
# graded a slow rate with dizziness on rate-control drugs 3 (labs and an ECG).
SYMPTOMATIC_BRADYCARDIA_HR = 50.0
BRADYCARDIA_SYMPTOMS = frozenset({"syncope", "shortness_of_breath", "respiratory_distress"})
# A slow rate from 40 years of age with a systolic pressure under 100 is a failing output
# (RCUK 2021: shock is an adverse feature; writers graded every such adult 1 or 2), though
# under 90 is not yet reached. The young and the starved are left to the faint's rules.
BRADYCARDIA_LOW_SYSTOLIC = 100.0
BRADYCARDIA_LOW_SYSTOLIC_AGE = 40.0
# UK Kidney Association (2020): a raised potassium with a slow heart rate is an emergency
# whatever the level, as are its ECG changes.
HYPERKALAEMIA_SLOW_HR = 60.0
HYPERKALAEMIA_WORDS = ("hyperkalemia", "hyperkalaemia")  # "severe hyperkalemia" holds one
BRUISE_WORDS = ("bruise", "bruises", "bruising", "bruised")
# What the nurse sees of severe pain (ESI v4 chapter 4: "severe pain or distress" is judged
# by observation as well as the patient's score): sweating and pallor, writhing, screaming.
VISIBLE_DISTRESS = (
    "pale and sweaty",
    "sweaty and pale",
    "pale and clammy",
    "clammy and pale",
    "grey and sweaty",
    "pale sweaty",
    "diaphoretic",
    "writhing",
    "screaming",
    "crying out in pain",
    "in obvious distress",
    "very distressed",
    "in agony",
    "rolling around in pain",
    "can't keep still",
    "cannot keep still",
    "unable to keep still",
    "crying loudly",
    "won't let anyone touch",
    "inconsolable",
    "inconsolably",
    "crying out",
    "crying in pain",
)
# The Ottawa rules X-ray an injury the patient cannot walk on, immediately or in the ED.
_UNABLE = ("unable to", "can't", "cannot", "couldn't", "could not", "won't", "refusing to")
_BEAR = ("weight bear", "bear weight", "wb", "take 4 steps", "manage 4 steps", "walk")
UNABLE_TO_BEAR_WEIGHT = (
    *(f"{verb} {act}" for verb in _UNABLE for act in _BEAR),
    *("non weight bearing", "can't put weight", "cannot put weight", "deformity", "deformed"),
)
# A wound back for its stitches to come out: the handbook's example of ESI 5.
SUTURE_REMOVAL = (
    "suture removal",
    "stitch removal",
    "removal of stitches",
    "removal of sutures",
    "sutures removed",
    "stitches removed",
    "stitches out",
    "sutures out",
    "remove sutures",
    "remove stitches",
    "staple removal",
    "staples removed",
    "sutures due out",
    "stitches due out",
    "staples due out",
    "clips due out",
    "clip removal",
)
# ...unless the wound has opened or bleeds again: then it is repaired anew.
WOUND_REOPENED = (
    "opened up",
    "came apart",
    "split open",
    "dehisced",
    "dehiscence",
    "gaping",
    "bleeding",
    "wound has opened",
    "wound opened",
)
# A lower urinary infection in a woman of 16 to 64 is treated on the dipstick's answer,
# read at the bedside; no culture is sent (NICE NG109; UKHSA urine diagnostics, 2020)...
URINE_DIPPED = (
    "dip",
    "dipstick",
    "urine dip",
    "nitrite",
    "nitrites",
    "nit",
    "leucs",
    "leuks",
    "leucocytes",
    "leukocytes",
)
# ...unless she is pregnant, the urine goes to the laboratory, or the infection has
# climbed to the kidney or come back.
URINE_TO_LAB = (
    "culture",
    "msu",
    "mc&s",
    "to lab",
    "to the lab",
    "sent to",
    "pregnant",
    "weeks",
    "catheter",
    "recurrent",
    "3rd uti",
    "third uti",
    "again",
    "loin",
    "flank",
    "kidney",
)
# A nosebleed that has stopped needs advice, or a cream if it recurs (NICE CKS)...
EPISTAXIS_STOPPED = (
    "stopped",
    "no bleeding now",
    "not bleeding now",
    "none since",
    "no further bleeding",
    "no active bleeding",
    "not bleeding",
)
# ...unless it keeps coming back, still oozes, or a bleeding point is seen (cautery).
EPISTAXIS_ONGOING = (
    "on and off",
    "recurrent",
    "restarting",
    "restarted",
    "started again",
    "keeps",
    "still",
    "oozing",
    "trickling",
    "dripping",
    "visible vessel",
    "bleeding point",
    "ongoing",
)
# Vomiting or diarrhoea with fluids kept down and no sign of dehydration: oral fluids at
# home, no blood tests (NICE CG84; NICE CKS, gastroenteritis)...
GASTRO_DRINKING = (
    "drinking well",
    "drinking fine",
    "drinking ok",
    "drinking normally",
    "drinking fluids",
    "tolerating fluids",
    "keeping fluids down",
    "eating and drinking",
    "plenty of wet nappies",
    "normal wet nappies",
    "wet nappies as usual",
    "mucosa moist",
    "moist mucous membranes",
    "drinking juice",
    "drinking milk",
    "keeping down sips",
    "keeping sips down",
    "keeping down drinks",
    "keeping down fluids",
    "keeping drinks down",
    "keeping water down",
    "drinking water fine",
    "drinking sips",
    "taking sips",
    "tolerating sips",
    "managing sips",
    "sipping water",
    "can take sips",
    "keeping small sips down",
    "keeping down small sips",
    "drinking small amounts",
    "taking drinks",
    "still drinking",
    "still breastfeeding",
    "feeding well",
    "feeding ok",
    "mucous membranes moist",
    "moist mouth",
    "mouth moist",
    "tongue moist",
    "lips moist",
    "tears present",
    "wet nappy",
    "tolerating po",
    "tolerating oral",
    "taking ors",
    "eating fine",
    "eating normally",
    "no vomiting",
    "not vomiting",
    # Over: "had a tummy bug on Monday, fine now", "D&V yesterday, now resolved".
    "resolved",
    "recovered",
    "now fine",
    "fine now",
    "feels fine",
)
# ...unless the note says otherwise.
GASTRO_DEHYDRATED = (
    "can't keep",
    "cannot keep",
    "not keeping",
    "unable to keep",
    "dry lips",
    "dry mouth",
    "sunken",
    "lethargic",
    "dizzy",
    "blood",
    "bilious",
    "green",
    "floppy",
    "drowsy",
    "not drinking",
    "no wet nappies",
    "reduced wet nappies",
    "fewer wet nappies",
    "only 1 wet",
    "only 2 wet",
    "1 wet nappy",
    "2 wet nappies",
    "3 wet nappies",
    "failed",
    "still vomiting",
    "vomited the",
    "vomited oral",
    "vomited it",
    "brings it back",
    "brings it up",
    "back up",
    "last wet nappy",
    "vomiting everything",
    "tacky",
    "not passed urine",
    "severe",
    "pain",
    # Asking for an injection: an IM antiemetic is a resource.
    "injection",
    "jab",
)
# Hives alone, no swelling of the lips or tongue and breathing normally: an oral
# antihistamine (NICE CKS, urticaria).
HIVES_ONLY = (
    "no lip",
    "no tongue",
    "no lip or tongue",
    "no facial swelling",
    "breathing normally",
    "no wheeze",
    "no sob",
    "no shortness of breath",
    "no difficulty breathing",
)
HIVES_MORE = (
    "lip swelling",
    "swollen lips",
    "lip and eyelid swelling",
    "lips swollen",
    "swelling of the lips",
    "eyelid swelling",
    "swollen eyelids",
    "lips tingling",
    "tingling lips",
    "tongue swelling",
    "swollen tongue",
    "wheeze",
    "stridor",
    "vomiting",
    "dizzy",
    "faint",
    "throat tight",
    "hoarse",
    "short of breath",
)
# Neck pain after a low-speed collision with no midline tenderness, or a neck that turns
# 45 degrees each way: the Canadian C-spine rule needs no X-ray (Stiell et al., JAMA 2001)
# and whiplash is treated with oral analgesia...
CSPINE_RULE_NEGATIVE = (
    "no midline tenderness",
    "no midline c spine tenderness",
    "no midline cervical tenderness",
    "no midline neck tenderness",
    "no midline tender",
    "not tender in the midline",
    "non tender midline",
    "rotates 45",
    "rotate 45",
    "rotates head 45",
    "rotates neck 45",
    "rotate neck 45",
    "turns head 45",
    "canadian c spine rule negative",
    "canadian c spine negative",
)
# ...unless it names one of the rule's high-risk findings or the neck cannot turn.
CSPINE_RULE_RISK = (
    "numbness",
    "numb",
    "tingling",
    "pins and needles",
    "paraesthesia",
    "paresthesia",
    "weakness",
    "can't turn",
    "cannot turn",
    "unable to turn",
    "can't rotate",
    "cannot rotate",
    "unable to rotate",
    "rollover",
    "rolled",
    "ejected",
)
# Midline tenderness after a low-speed collision: imaging of the neck, and the whiplash
# analgesia is oral; the back below the neck or a neurological symptom is worked up apart.
WHIPLASH_CUE = ("rear ended", "rear end", "low speed", "minor collision", "fender bender")
WHIPLASH_MORE = (
    *CSPINE_RULE_RISK,
    "lower back",
    "low back",
    "lumbar",
    "thoracic",
    "back pain",
)
# Back pain with the red flags of cauda equina or cord compression denied: no imaging and
# no blood tests (NICE NG59; Chou et al., ACP/APS 2007), oral analgesia...
BACK_PAIN_NO_RED_FLAGS = (
    "no numbness",
    "no weakness",
    "no leg weakness",
    "no saddle",
    "no bowel",
    "no bladder",
    "no urinary",
    "no incontinence",
    "denies numbness",
    "denies weakness",
    "denies bowel",
    "denies bladder",
    "no neuro",
    "no red flags",
    "neuro intact",
    "neurologically intact",
    "normal neuro",
)
# ...unless the note names another red flag (cancer, infection, fracture), a mechanism of
# injury, or asks for an injection (an IM medication is a resource).
BACK_PAIN_RED_FLAGS = (
    "cancer",
    "malignancy",
    "metastatic",
    "steroid",
    "osteoporosis",
    "fever",
    "iv drug",
    "injects",
    "weight loss",
    "night pain",
    "fell",
    "fall",
    "collision",
    "accident",
    "crash",
    "hit by",
    "midline",
    "saddle numbness",
    "retention",
    "incontinence",
    "numb",
    "numbness",
    "weakness",
    "foot drop",
    "can't walk",
    "cannot walk",
    "unable to walk",
    "injection",
    "shot",
    "jab",
    "im",
    "iv",
)
# An anticoagulant, as notes name one.
ANTICOAGULANT_WORDS = (
    "warfarin",
    "apixaban",
    "rivaroxaban",
    "edoxaban",
    "dabigatran",
    "anticoagulant",
    "anticoagulated",
    "blood thinner",
    "blood thinners",
)
# A head injury without loss of consciousness: none of NICE NG232's indications for a CT
# head scan (the Canadian CT head rule and PECARN apply only after a loss of consciousness,
# amnesia or disorientation, or to a child not acting normally)...
# A drinker's head injury is high-risk because the drink can hide a falling conscious
# level (table 4-1); a note that documents GCS 15 or full orientation has assessed it...
MENTAL_STATE_DOCUMENTED = (
    "gcs 15",
    "gcs of 15",
    "gcs15",
    "oriented x3",
    "orientated x3",
    "oriented x 3",
    "orientated x 3",
    "alert and oriented",
    "alert and orientated",
)
# ...unless it also records a fall in it, a seizure, or NICE NG232's repeated vomiting.
MENTAL_STATE_CONCERN = (
    "gcs 14",
    "gcs 13",
    "gcs 12",
    "confused",
    "confusion",
    "drowsy",
    "repeating",
    "same questions",
    "seizure",
    "fitting",
    "vomited twice",
    "vomited x2",
    "vomited x 2",
    "vomited x3",
    "vomited x 3",
    "vomiting x2",
    "vomited 2",
    "vomited 3",
    "repeated vomiting",
    "vomiting repeatedly",
)
# Breathing symptoms after a submersion (Szpilman et al., NEJM 2012: grade 1 and above).
SUBMERSION_SYMPTOMS = (
    "cough",
    "coughing",
    "coughed",
    "vomited water",
    "breathless",
    "short of breath",
    "crackles",
    "wheeze",
    "grunting",
    "working hard to breathe",
)
# BOAST 4 covers the open fractures of the limbs; a fingertip's bone in a wound is a hand
# injury (the written sets grade it ESI 3).
DIGIT_WORDS = ("finger", "fingertip", "thumb", "toe", "phalanx", "nail bed", "fingers", "toes")
# ...unless a limb's bone is named too ("forearm deformed, bone visible, moves fingers").
LIMB_BONE_WORDS = (
    "forearm",
    "arm",
    "wrist",
    "elbow",
    "humerus",
    "shoulder",
    "leg",
    "shin",
    "tibia",
    "tib",
    "fib",
    "fibula",
    "femur",
    "thigh",
    "knee",
    "ankle",
    "hand",
    "foot",
)
# Alcohol withdrawal the note finds uncomplicated: orientated, nothing seen or heard...
# Knocked out by a blow to the head...
BLOW_TO_THE_HEAD = (
    "kicked in the head",
    "kicked in head",
    "kicked in his head",
    "kicked in her head",
    "hit on the head",
    "hit in the head",
    "punched in the head",
    "struck on the head",
    "headbutted",
    "clash of heads",
    "hit with a battery",
    "hit by the boom",
    "by the swinging boom",
)
# ...unless a faint came first.
FAINT_BEFORE_THE_BLOW = (
    "fainted",
    "felt faint",
    "dizzy",
    "collapsed",
    "blacked out before",
    "passed out before",
    "chest pain",
    "palpitations",
)
# Confusion the note gives as the patient's usual: ESI's high-risk sign is new confusion...
CONFUSION_AT_BASELINE = (
    "confusion is her usual",
    "confusion is his usual",
    "confusion is their usual",
    "usual level of confusion",
    "confusion at her usual",
    "confusion at his usual",
    "confusion no worse than usual",
    "confusion no different",
    "confusion same as usual",
    "confusion is at baseline",
    "confusion at baseline",
    "baseline confusion",
    "confused as usual",
    "which is her baseline",
    "which is his baseline",
    "her normal self mentally",
    "his normal self mentally",
    "at her usual level",
    "at his usual level",
    "muddled as usual",
    "muddled as always",
    "confused as always",
    "pleasantly muddled",
    "as usual with her dementia",
    "as usual with his dementia",
    "which is her usual",
    "which is his usual",
)
# A confusion the note says has passed: the patient is alert and orientated again...
CONFUSION_RESOLVED = (
    "now alert and orientated",
    "now alert and oriented",
    "now orientated",
    "now oriented",
    "now gcs 15",
    "now talking normally",
    "now back to normal",
    "now back to baseline",
    "back to her normal self",
    "back to his normal self",
)
# ...unless it also says it has not (or names what keeps the mind at risk).
CONFUSION_PERSISTING = (
    "still confused",
    "still drowsy",
    "still muddled",
    "not back to",
    "more confused",
    "drowsy now",
)
# What explains a passing confusion and is worked up in its own right.
CONFUSION_EXPLAINED_BY = (
    "seizure",
    "epilepsy_seizure",
    "drink_spiked",
    "glucose",
    "recovered_hypoglycaemia",
    "intoxication",
)
# ...unless it also says the mind has changed.
CONFUSION_NEW = (
    "more confused",
    "worse than usual",
    "new confusion",
    "acutely confused",
    "more muddled",
    "drowsy",
    "drowsier",
    "hard to wake",
    "sleepier",
    "suddenly",
    "agitated",
    "not like her",
    "not like him",
    "not her usual self",
    "not his usual self",
)
WITHDRAWAL_UNCOMPLICATED = (
    "orientated",
    "oriented",
    "no hallucinations",
    "not seeing things",
    "not hallucinating",
    "a&o",
)
# ...unless it records what makes it complicated (ASAM 2020; NICE CG100).
WITHDRAWAL_COMPLICATED = (
    "hallucinating",
    "hallucinations",
    "seeing things",
    "insects",
    "spiders",
    "bugs",
    "crawling",
    "confused",
    "disorientated",
    "disoriented",
    "withdrawal seizure",
    "withdrawal seizures",
    "withdrawal fits",
    "withdrawal fit",
    "delirium",
    "dts",
    "fitted",
    "seizure",
    "seizures",
    "fits",
)
# An obvious source of a child's fever, and a complete course of immunisations: together
# they lift the 3-36 month rule (ESI handbook, chapter 6).
FEVER_SOURCES = frozenset({"ear_pain", "sore_throat", "common_cold", "cold_cough"})
IMMUNISED = (
    "fully immunised",
    "fully immunized",
    "fully vaccinated",
    "immunisations up to date",
    "immunizations up to date",
    "immunisations complete",
    "imms up to date",
    "imms complete",
    "imms utd",
    "jabs up to date",
    "jabs all up to date",
    "vaccinations up to date",
    "vaccines up to date",
    "up to date with jabs",
    "up to date with immunisations",
)
HEAD_INJURY_NO_LOC = (
    "no loss of consciousness",
    "didn't pass out",
    "did not pass out",
    "didnt pass out",
    "didn't lose consciousness",
    "did not lose consciousness",
    "didn't black out",
    "no blackout",
    "cried straight away",
    "cried immediately",
    "cried right away",
    "cried at once",
)
# ...unless the note gives one: vomiting, amnesia, a changed conscious level or behaviour,
# a seizure, signs of a skull fracture, a neurological deficit, an anticoagulant or
# antiplatelet drug, or a dangerous mechanism.
HEAD_INJURY_CT = (
    "loss of consciousness",
    "knocked out",
    "blacked out",
    "vomit",
    "vomited",
    "vomiting",
    "amnesia",
    "can't remember",
    "doesn't remember",
    "confused",
    "drowsy",
    "sleepy",
    "irritable",
    "not acting",
    "not herself",
    "not himself",
    "seizure",
    "fit",
    "clear fluid",
    "depressed",
    "boggy",
    "behind the ear",
    "panda eyes",
    "weakness",
    "numb",
    "double vision",
    *ANTICOAGULANT_WORDS,
    "clopidogrel",
    "ticagrelor",
    "stairs",
    "fall from height",
    "ejected",
    "worsening headache",
    "severe headache",
    "neck pain",
    # The face: a possible fracture is imaged whatever the consciousness.
    "face",
    "facial",
    "jaw",
    "cheek",
    "cheekbone",
    "nose",
    "eye",
    "orbit",
    "periorbital",
    "teeth",
)
# An injury already X-rayed and found normal is not X-rayed again...
ALREADY_IMAGED = (
    "x ray negative",
    "x ray neg",
    "x ray normal",
    "x ray was normal",
    "x rays normal",
    "x rays were normal",
    "x ray clear",
    "xray negative",
    "xray neg",
    "xray normal",
    "no fracture on x ray",
    "x ray showed no fracture",
    "x ray no fracture",
)
# ...unless it has changed since.
INJURY_CHANGED = (
    "new injury",
    "fell again",
    "another fall",
    "worse",
    "worsening",
    "deformity",
    "deformed",
    "numb",
    "can't bear weight",
    "cannot bear weight",
    "unable to bear weight",
    "can't weight bear",
    "not weight bearing",
    "non weight bearing",
)
# Long-standing joint pain with no new injury: osteoarthritis is diagnosed clinically,
# without imaging or blood tests (NICE NG226)...
CHRONIC_JOINT_PAIN = (
    "chronic",
    "known oa",
    "osteoarthritis",
    "arthritis",
    "for years",
    "for months",
    "usual pain",
    "same as usual",
    "her usual",
    "his usual",
)
# ...unless it is new, injured, hot or swollen (a fracture or a septic joint).
JOINT_PAIN_ACUTE = (
    "injury",
    "injured",
    "fell",
    "fall",
    "trauma",
    "twisted",
    "swelling",
    "swollen",
    "red",
    "hot",
    "warm",
    "fever",
    "deformity",
    "can't bear weight",
    "cannot bear weight",
    "unable to bear weight",
    "can't weight bear",
    "not weight bearing",
    "locked",
    "locking",
    "calf",
    "worse over",
    "getting worse",
    "worsening",
    "x ray",
)
# A fever with a minor focus (a sore throat, an earache, a cold) in a patient who is well:
# no tests (NICE NG143 "green" features; NICE NG84 sore throat; NICE NG91 otitis media)...
FEVER_WELL = (
    "playful",
    "playing",
    "running around",
    "running round",
    "smiling",
    "happy",
    "interactive",
    "looks well",
    "well looking",
    "well appearing",
    "drinking well",
    "drinking ok",
    "drinking fine",
    "drinking normally",
    "eating and drinking",
    "swallowing ok",
    "swallowing fine",
    "swallowing fluids",
    "no drooling",
)
# ...unless an amber or red feature, or a sign of a deeper infection, is recorded.
FEVER_NOT_WELL = (
    "not feeding",
    "poor feeding",
    "feeding less",
    "drinking less",
    "not drinking",
    "not drinking much",
    "1 wet nappy",
    "one wet nappy",
    "only 1 wet",
    "only one wet",
    "reduced wet",
    "fewer wet",
    "dry",
    "lethargic",
    "floppy",
    "drowsy",
    "sleepy",
    "irritable",
    "inconsolable",
    "mottled",
    "pale",
    "grey",
    "blue",
    "rash",
    "purpura",
    "petechiae",
    "spots that don't fade",
    "stiff neck",
    "neck stiffness",
    "drooling",
    "stridor",
    "muffled voice",
    "hot potato",
    "can't swallow",
    "cannot swallow",
    "unable to swallow",
    "trismus",
    "can't open",
    "neck swelling",
    "behind the ear",
    "sticking out",
    "vomiting",
    "grunting",
    "recession",
    "crackles",
    "chemotherapy",
    "chemo",
    "immunosuppressed",
    "sickle",
)
# A superficial cut whose edges lie together: cleaning and adhesive strips, simple wound
# care rather than a repair (ESI handbook, chapter 5; NICE CKS, lacerations)...
SUPERFICIAL_CUT = (
    "superficial",
    "edges together",
    "edges come together",
    "edges meet",
    "edges close together",
    "edges lying together",
    "edges opposed",
    "edges apposed",
    "non gaping",
    "not gaping",
)
# ...unless it gapes, is deep or dirty, bleeds, has something in it, or needs closing.
CUT_NEEDS_REPAIR = (
    "gaping",
    "edges apart",
    "deep",
    "needs stitches",
    "need stitches",
    "needs sutures",
    "needs closure",
    "needs glue",
    "will need",
    "still bleeding",
    "oozing",
    "bleeding heavily",
    "spurting",
    "vermilion",
    "eyelid",
    "dirty",
    "contaminated",
    "bite",
    "bitten",
    "flap",
    "chainsaw",
)
# SIRS with a suspected infection is high-risk when a criterion reaches ESI's adult danger
# zone (heart rate above 100, respiratory rate above 20) or the temperature is below 36 C.
SEPSIS_DANGER_HEART_RATE = 100.0
SEPSIS_DANGER_RESPIRATORY_RATE = 20.0
SEPSIS_LOW_TEMPERATURE_C = 36.0
# NICE CG124 (hip fracture): older people who fall onto a hip.
EATING_DISORDER = (
    "anorexia nervosa",
    "known anorexia",
    "anorexic",
    "eating disorder",
    "bulimia",
    "bulimic",
)
PALLOR = ("pale", "pallor", "grey")
BLUNT_BLOW = (
    "kicked",
    "punched",
    "fell",
    "fall",
    "came off",
    "winded",
    "landed",
    "tackled",
    "crushed",
    "handlebar",
    "crash",
)
LEFT_UPPER_ABDOMEN = ("luq", "left upper abdo", "left upper abdomen", "left upper quadrant")
LEFT_SHOULDER_TIP = (
    "left shoulder tip",
    "tip of left shoulder",
    "tip of his left shoulder",
    "tip of her left shoulder",
)
HIP_FRACTURE_AGE = 65.0
HIP = ("hip", "hips", "greater trochanter", "groin")
HIP_FRACTURE_SIGNS = ("shortened", "externally rotated", "short and externally", "turned out")
FELL = ("fell", "fall", "fallen", "slipped", "tripped", "found on the floor", "on the floor")
# Injuries to the torso, and the anticoagulants that make them bleed inside.
TORSO_INJURIES = (
    "chest_wall_pain",
    "rib_pain",
    "torso_trauma",
    "back_pain_after_fall",
    "spine_injury",
)
ANTICOAGULANTS = (
    *ANTICOAGULANT_WORDS,
    "anticoagulants",
    "doac",
    "noac",
    "enoxaparin",
    "clexane",
)
INJURED = ("hit", "struck", "kicked", "injury", "injured", "landed", "collision", "crash")
# ACC/AHA 2017 hypertensive crisis, and the signs of organ damage that make it an emergency.
CRISIS_SYSTOLIC = 180.0
CRISIS_DIASTOLIC = 120.0
HYPERTENSIVE_EMERGENCY_SIGNS = frozenset(
    {"headache", "neuro_symptoms", "acs", "altered_mental_status", "shortness_of_breath"}
)
# A hypoglycaemic patient who cannot take glucose by mouth needs it IV or IM.
NOTHING_BY_MOUTH = (
    "can't swallow",
    "cannot swallow",
    "unable to swallow",
    "not safe to swallow",
    "won't swallow",
    "not swallowing",
    "won't take anything",
    "refusing oral",
    "refuses oral",
    "won't eat or drink",
    "combative",
)
# A typical seizure in known epilepsy, fully recovered: no investigations (NICE NG217;
# JRCALC: need not be conveyed)...
TYPICAL_SEIZURE = (
    "usual seizure",
    "usual seizures",
    "typical seizure",
    "typical for her",
    "typical for him",
    "her usual",
    "his usual",
    "same as usual",
    "same as before",
)
# ...unless it was a first, long, repeated or injurious one, or recovery is incomplete.
SEIZURE_NOT_TYPICAL = (
    "first seizure",
    "first ever",
    "first fit",
    "prolonged",
    "more than 5",
    "over 5 min",
    "cluster",
    "another seizure",
    "second seizure",
    "further seizure",
    "still drowsy",
    "still confused",
    "not back to",
    "hit head",
    "head injury",
    "injured",
    "tongue",
    "fever",
    "pregnant",
    "weeks pregnant",
    "diabetic",
    "overdose",
    "alcohol",
    "withdrawal",
    "different",
    "longer than usual",
    "worse than usual",
    "missed",
)
# A faint with a clear trigger or warning in a younger patient: an uncomplicated reflex
# syncope, for an ECG and no more (NICE CG109; ESC 2018)...
REFLEX_SYNCOPE = (
    "standing",
    "stood",
    "queue",
    "queuing",
    "crowded",
    "assembly",
    "church",
    "concert",
    "in the heat",
    "hot day",
    "sight of blood",
    "sight of needle",
    "sight of a needle",
    "blood test",
    "blood donation",
    "tattoo",
    "piercing",
    "felt faint",
    "felt it coming",
    "tunnel vision",
    "went pale",
)
# ...unless something in it points to the heart or an injury.
SYNCOPE_RED_FLAGS = (
    "exercise",
    "exertion",
    "running",
    "during sport",
    "playing football",
    "chest pain",
    "palpitations",
    "heart racing",
    "family history",
    "sudden death",
    "no warning",
    "without warning",
    "while lying",
    "lying in bed",
    "injury",
    "injured",
    "hit head",
    "hit her head",
    "hit his head",
    "short of breath",
    "breathless",
    "pregnant",
    "heart",
    "murmur",
)
# A broken collarbone, or a step at the acromioclavicular joint, with the skin intact is
# X-rayed and rested in a sling (NICE NG38; BOA): no reduction, no parenteral analgesia...
CLAVICLE = ("clavicle", "clavicular", "collarbone", "collar bone", "acj", "ac joint")
# ...unless the skin over it is threatened, the arm's nerves or vessels are, the lung or
# ribs under it may be, or a motorcycle's speed or a cracked helmet asks for more imaging.
CLAVICLE_THREATENED = (
    "ribs",
    "rib",
    "helmet cracked",
    "cracked helmet",
    "motorbike",
    "motorcycle",
    "motorcyclist",
    "tented",
    "tenting",
    "tent",
    "blanched",
    "blanching",
    "through the skin",
    "bone visible",
    "open",
    "numb",
    "pins and needles",
    "tingling",
    "cold hand",
    "pale hand",
    "no pulse",
    "pulse absent",
    "breathless",
    "short of breath",
    "sob",
)
# Chest pain from a direct blow to the chest is an injury to image, not a possible acute
# coronary syndrome (ESI v4 handbook, chapter 4: chest pain is high-risk when it is
# suspicious for ACS)...
CHEST_BLOW = (
    "punched",
    "kicked",
    "elbowed",
    "headbutted",
    "head butted",
    "seatbelt",
    "seat belt",
    "airbag",
    "airbags",
    "pinned",
    "crushed",
    "assaulted",
    "tackled",
    "tackle",
    "fell onto",
    "fell against",
    "landed on",
    "hit by",
    "struck by",
    "trampled",
    # what the wording makes of "kicked in the ribs" and the like
    "chest injury",
    "rib injury",
)
# ...unless the pain sounds cardiac, the chest may hold air or blood, or the crash was at 50
# mph or more (60 and over already reads as high speed).
CHEST_BLOW_CONCERN = ("50 mph", "55 mph", *NOT_CHEST_WALL, "at rest", "air entry", "sob")
# Burning chest wall pain with a band of blisters is shingles, treated by mouth (NICE CKS).
SHINGLES = (
    "shingles",
    "band of blisters",
    "blisters in a band",
    "blisters along",
    "clusters of blisters",
    "vesicles in a band",
)
# A known asthmatic's tight chest is the asthma's (BTS/SIGN 158: chest tightness is one of
# its symptoms), graded by its severity, not a possible coronary syndrome...
ASTHMA_TIGHTNESS = ("asthma", "asthmatic", "peak flow", "pef", "salbutamol", "blue inhaler")
# ...unless there is pain, or a cardiac feature other than the asthma's own symptoms.
ASTHMA_SYMPTOMS = ("tight", "tightness", *BREATHLESS_WORDS)
ASTHMA_TIGHTNESS_CARDIAC = (
    "pain",
    *(feature for feature in CARDIAC_FEATURES if feature not in ASTHMA_SYMPTOMS),
    "heart",
)
# A degloving injury whose digits are pale or dusky, whose hand is deformed, or that has
# left the patient pale and shaking, threatens the hand (BSSH Hand Trauma Standards).
DEGLOVING_THREAT = (
    "pale",
    "dusky",
    "discoloured",
    "white",
    "cap refill 3",
    "cap refill 4",
    "crt 3",
    "crt 4",
    "deformed",
    "deformity",
    "mangled",
    "shaking",
    "shaky",
    "tourniquet",
    "pulseless",
)
# An amputation weeks ago, back for its dressing, is a wound check...
PAST_AMPUTATION = ("dressing change", "weeks ago", "months ago", "district nurse")
# ...unless a machine, a blade or a crush has done it today.
FRESH_AMPUTATION = ("caught", "trapped", "crushed", "saw", "blade", "machine")
# Green vomiting in a child is malrotation until proven otherwise; in an adult with a
# swollen belly it is bowel obstruction, worked up with bloods, CT and fluids at decision
# point C (NICE CKS; ESI handbook, chapter 5)...
ADULT_BILIOUS = ("vomit", "vomiting", "bile", "green")
# ...unless the belly is peritonitic or the patient shocked.
ADULT_BILIOUS_CONCERN = (
    "writhing",
    "rigid",
    "guarding",
    "peritonitis",
    "peritonitic",
    "pale",
    "clammy",
    "sweaty",
    "grey",
    "mottled",
    "strangulated",
    "blood",
    "coffee ground",
)
BILIOUS_ADULT_AGE = 16.0
# Drooling from a quinsy (a bulging tonsil, the uvula pushed across, a hot-potato voice,
# trismus) or from a food bolus stuck in the gullet, with the airway unthreatened, is
# drained or scoped at decision point C (NICE CKS, Sore throat; ENT UK)...
QUINSY_SIGNS = (
    "uvula",
    "tonsil pushed",
    "tonsil bulging",
    "bulging tonsil",
    "hot potato",
    "trismus",
    "can't open",
    "cannot open",
    "open mouth",
    "open his mouth",
    "open her mouth",
    "opens mouth",
    "2 fingers",
    "two fingers",
    "peritonsillar",
    "quinsy",
)
FOOD_BOLUS = ("stuck", "food bolus", "steak", "meat", "fish bone", "chicken bone")
# ...unless stridor, a posture for breath, spread to the floor of the mouth or neck, or a
# stiff neck says the airway or the deep neck is at risk.
AIRWAY_AT_RISK = (
    "stridor",
    "sitting forward",
    "leaning forward",
    "sitting bolt upright",
    "tripod",
    "tripoding",
    "floor of mouth",
    "floor of the mouth",
    "under his tongue",
    "under her tongue",
    "under the tongue",
    "neck swelling",
    "swelling down",
    "down his neck",
    "down her neck",
    "down the neck",
    "down neck",
    "drooling into",
    "neck stiff",
    "stiff neck",
    "won't turn",
    "refusing to turn",
    "noisy breathing",
    "struggling to breathe",
    "breathless",
    "short of breath",
    "unimmunised",
    "not immunised",
    "unvaccinated",
)
# A sting on the lip that swells the lip alone is a large local reaction, not anaphylaxis
# (BSACI 2011, venom allergy; Resuscitation Council UK 2021: anaphylaxis needs an airway,
# breathing or circulation problem)...
STUNG_LIP = (
    "sting to lower lip",
    "sting to upper lip",
    "sting to the lip",
    "sting to her lip",
    "sting to his lip",
    "sting on the lip",
    "sting on her lip",
    "sting on his lip",
    "stung on the lip",
    "stung on her lip",
    "stung on his lip",
    "stung on the upper lip",
    "stung on the lower lip",
    "stung on the bottom lip",
    "stung on her bottom lip",
    "stung on his bottom lip",
    "stung on her upper lip",
    "stung on his upper lip",
    "stung on upper lip",
    "stung on lower lip",
    "on the upper lip",
    "on the lower lip",
    "stung her lip",
    "stung his lip",
)
# ...and a lip swollen by a blow is bruised, not angioedema...
LIP_BLOW = (
    "hit mouth",
    "hit in the mouth",
    "hockey stick",
    "cricket ball",
    "knocked out",
    "ran into",
    "tripped",
    "fell",
    "punched",
    "swing hit",
    "fat lip",
)
# ...unless the tongue, throat, breathing or skin elsewhere is involved, or a known
# allergen was eaten.
LIP_SWELLING_SYSTEMIC = (
    "tongue swelling",
    "tongue swollen",
    "tongue feels thick",
    "tongue thick",
    "throat",
    "wheeze",
    "wheezy",
    "stridor",
    "hives",
    "urticaria",
    "rash",
    "vomiting",
    "vomited",
    "dizzy",
    "faint",
    "epipen",
    "adrenaline",
    "allergy",
    "allergic",
    "ate",
    "eating",
    "peanut",
    "nuts",
)
# Slurred speech in someone who has been drinking, with no focal sign, is the drink's
# (RCEM: assess the intoxicated patient's conscious level, which decision point B weighs
# separately)...
DRINKING = (
    "drunk",
    "vodka",
    "alcohol",
    "drinking",
    "drank",
    "intoxicated",
    "intoxication",
    "etoh",
    "pints",
    "beers",
    "had loads",
)
# ...unless a focal sign, a stroke's onset or a head injury's confusion goes with it.
STROKE_FOCAL = (
    "droop",
    "drooping",
    "weak",
    "weakness",
    "one side",
    "numb",
    "face",
    "facial",
    "arm",
    "leg",
    "vision",
    "word finding",
    "can't find",
    "sudden",
    "stroke",
    "confused",
    "drowsy",
    "gcs 14",
    "gcs 13",
    "can't say where",
    "cannot say where",
    "doesn't know where",
    "does not know where",
    "not orientated",
    "not oriented",
    "disorientated",
    "disoriented",
)
# A dislocation that went back by itself needs an X-ray, not a reduction.
SELF_REDUCED = (
    "went back in",
    "popped back in",
    "back in by itself",
    "went back by itself",
    "reduced itself",
    "self reduced",
    "relocated itself",
    "then back in",
    "popped back",
)
STILL_DISLOCATED = (
    "deformity",
    "deformed",
    "still out",
    "won't go back",
    "can't move",
    "cannot move",
    "numb",
    "angulated",
    "bent",
)
# The note records the Ottawa examination: no bony tenderness at the rules' points.
OTTAWA_NEGATIVE = (
    "ottawa negative",
    "ottawa ve",
    "ottawa rules negative",
    "ottawa rule negative",
    "ottawa ankle rules negative",
    "no bony tenderness",
    "no bony ttp",
    "not bony tender",
    "no bone tenderness",
    "no bony point tenderness",
)
# The knee rule's age criterion, kept for every limb: older bone breaks with less force.
OTTAWA_MAX_AGE = 55.0
# Age alone does not send mechanical back pain for imaging (NICE NG59); from 65 a fracture
# with little force is likelier, and new back pain is worked up (Chou et al. 2007).
BACK_PAIN_MAX_AGE = 65.0
# The Canadian C-spine rule images everyone aged 65 or over (Stiell et al., JAMA 2001).
CSPINE_RULE_MAX_AGE = 65.0
# NICE NG232 scans a baby under 1 for a bruise, swelling or cut of the head over 5 cm;
# ACEP (Jagoda et al. 2008) considers a scan at 65 or over even without a loss of
# consciousness.
HEAD_INJURY_MIN_AGE = 1.0
HEAD_INJURY_CT_AGE = 65.0
# Children's drowning guidance (Szpilman 2012 covers all ages; the observation advice
# the writers follow is paediatric).
CHILD_SUBMERSION_MAX_AGE = 16.0
# A cough at 65 or over with a temperature of 37.5 or more, or a saturation of 95% or
# less, is worked up as a possible pneumonia (NICE CG191).
OLDER_CHEST_INFECTION_AGE = 65.0
OLDER_CHEST_INFECTION_TEMP_C = 37.5
OLDER_CHEST_INFECTION_SPO2 = 95.0
# A child who limps or will not bear weight with a fever has septic arthritis or
# osteomyelitis until bloods and imaging exclude it (Kocher et al., JBJS 1999; RCEM/BSCOS
# guidance on the limping child).
FEBRILE_LIMP_MAX_AGE = 16.0
FEBRILE_LIMP_TEMP_C = 38.0
LIMP = (
    "limp",
    "limping",
    "weight bear",
    "weight bearing",
    "bear weight",
    "bearing weight",
    "put weight",
    "won't walk",
    "not walking",
    "refusing to walk",
    "won't stand",
)
# An irreducible hernia strangulates most often in the first year of life (BAPS).
INFANT_HERNIA_MAX_AGE = 1.0
VOMITING = ("vomit", "vomits", "vomited", "vomiting", "being sick", "been sick")
# Under 3 months a fever is the paediatric fever rules' (NICE NG143: any fever is red).
FEVER_MINOR_FOCUS_MIN_AGE = 0.25
# ESC 2018: older age is a risk feature of syncope; a faint under 40 with a trigger is not.
REFLEX_SYNCOPE_MAX_AGE = 40.0
# Adult hypotension (and the AHA PALS limit at 10 years): systolic BP below 90 mmHg.
ADULT_HYPOTENSION_SBP = 90.0
# Syncope: ACEP 2007 names older age a risk factor; OESIL counts age over 65.
SYNCOPE_HIGH_RISK_AGE = 65.0
# ESC 2018 major high-risk features: persistent bradycardia below 40 while awake.
SYNCOPE_BRADYCARDIA_HR = 40.0
# ESC 2018, table 5: a sinus bradycardia of 40-50 is high-risk with a history that suggests
# an arrhythmia, such as a faint with no warning.
SYNCOPE_SLOW_HR = 50.0
SYNCOPE_NO_WARNING = ("no warning", "without warning", "no prodrome", "out of the blue")
# ESC 2018 major high-risk history with syncope: new chest discomfort, breathlessness,
# abdominal pain or headache; palpitations just before it.
SYNCOPE_HIGH_RISK_COMPLAINTS = frozenset(
    {
        "acs",
        "aortic_dissection",
        "shortness_of_breath",
        "respiratory_distress",
        "palpitations",
        "abdominal_pain",
        "headache",
        "thunderclap_headache",
    }
)
# A blow to the head read in any of its categories: its headache is the blow's.
HEAD_BLOW = frozenset({"head_injury", "anticoagulated_head_injury", "intoxicated_head_injury"})
# ESC 2018 (table 5): a conduction disorder on the ECG (heart block, a bundle branch block,
# a long QT, pre-excitation, Brugada) marks a syncope as possibly arrhythmic.
SYNCOPE_ECG = (
    "heart block",
    "degree block",
    "degree heart block",
    "av block",
    "bundle branch block",
    "lbbb",
    "rbbb",
    "bifascicular",
    "trifascicular",
    "mobitz",
    "long qt",
    "prolonged qt",
    "qt prolonged",
    "qtc prolonged",
    "brugada",
    "wpw",
    "wolff parkinson white",
    "delta wave",
    "pre excitation",
    "preexcitation",
)
# ESC 2018: severe structural or coronary heart disease; syncope on exertion.
SYNCOPE_HEART_DISEASE = (
    "heart failure",
    "chf",
    "cardiomyopathy",
    "coronary artery disease",
    "coronary disease",
    "cad",
    "heart disease",
    "structural heart",
    "aortic stenosis",
    "pacemaker",
    "previous mi",
    "prior mi",
    "history of mi",
    "hf",
    "ef ",
    "ejection fraction",
    "murmur",
    # A known arrhythmia, named by its treatment.
    "digoxin",
    "amiodarone",
)
# At 65 or over a faint is high-risk (ACEP 2007) unless the note gives it a reflex,
# postural or mechanical cause (ESC 2018, table 5: a prodrome, a trigger such as prolonged
# standing, straining or standing up; a trip), with no sign of an arrhythmia: a heart rate
# below 50, a soft pressure, no warning, or at the wheel. An undescribed faint stays
# high-risk: missing history never lowers acuity.
OLDER_SYNCOPE_HR = 50.0
OLDER_SYNCOPE_SBP = 100.0
SYNCOPE_AT_THE_WHEEL = ("while driving", "at the wheel", "whilst driving")
OLDER_REFLEX_CAUSE = (
    *REFLEX_SYNCOPE,
    # A trip or a slip explains the fall; the blackout after it is the head injury's.
    "tripped",
    "slipped",
    "fell off",
    # A prodrome, or a trigger the younger patient's list does not already name.
    "felt hot",
    "went hot",
    "hot and sick",
    "felt sick",
    "came over faint",
    "nauseous",
    "clammy",
    "sweaty",
    "lightheaded",
    "light headed",
    "dizzy",
    "queueing",
    "on the toilet",
    "straining",
    "passing urine",
    "getting up",
    "got up",
    "postural",
    "in the sun",
    "after a meal",
    "after dinner",
    "after lunch",
    "vasovagal",
    "simple faint",
    "warning",
    "prodrome",
    "nearly fainted",
    "nearly passed out",
    "didn't pass out",
    "did not pass out",
    "no loc",
)
SYNCOPE_EXERTION = (
    "on exertion",
    "exertional",
    "while exercising",
    "during exercise",
    "while running",
    "whilst running",
    "during sport",
    "during sports",
    "during a race",
    "during training",
    "during pe",
    "mid race",
    "while mowing",
    "mowing the lawn",
    "while digging",
    "shovelling",
    "while cycling",
    "climbing the stairs",
    "running for the bus",
    "at parkrun",
    "during parkrun",
    "near the finish",
    "at the finish line",
    "while jogging",
    "out running",
    "playing football",
    "playing squash",
    "during the match",
    "mid sprint",
    "sprinting",
    "going up a",
    "walking up a",
    "top of the climb",
    "climbing up",
    "going upstairs",
    "walking upstairs",
)
# ESC 2018 (minor high-risk feature): a family history of sudden cardiac death when young.
SYNCOPE_FAMILY_SUDDEN_DEATH = (
    "died suddenly",
    "sudden death",
    "sudden cardiac death",
    "sudden cardiac arrest",
)
# Breathlessness that needs a respiratory rate or SpO2 to judge.
BREATHLESS_COMPLAINTS = frozenset({"shortness_of_breath", "asthma"})
HYPOGLYCAEMIA_PHRASES = frozenset(
    {
        "low blood sugar",
        "blood sugar low",
        "hypoglycemia",
        "hypoglycaemia",
        "hypoglycemic",
        "hypoglycaemic",
        "glucose low",
        "low glucose",
        "sugar low",
        "low sugar",
        "sugars low",
    }
)
HYPERGLYCAEMIA_PHRASES = frozenset(
    {
        "high blood sugar",
        "blood sugar high",
        "hyperglycemia",
        "hyperglycaemia",
        "hyperglycemic",
        "hyperglycaemic",
        "glucose high",
        "high glucose",
        "sugar high",
        "high sugar",
        "sugars high",
    }
)
# ADA 2009 hyperglycaemic crisis symptoms the lexicon can read.
# The symptoms of ketosis that a measured blood ketone can explain away.
KETOSIS_SYMPTOMS = frozenset({"vomiting", "abdominal_pain"})
CRISIS_COMPLAINTS = frozenset(
    {
        "vomiting",
        "abdominal_pain",
        "shortness_of_breath",
        "respiratory_distress",
        "altered_mental_status",
        "weakness",
    }
)


@dataclass(frozen=True, slots=True)
class Finding:
    level: int  # the patient is at least this urgent
    rule: str
    text: str
    source: str


# BTS 2017: the bottom of the target range prescribed for hypercapnic respiratory failure.
HYPERCAPNIC_TARGET_LOW = 88.0


@dataclass(frozen=True, slots=True)
class EsiResult:
    acuity: int
    reasons: tuple[Reason, ...]
    expected_resources: int
    resource_types: tuple[str, ...]
    categories: tuple[ComplaintCategory, ...]  # matched, plus any derived from vitals
    febrile_infant: bool


def _life_saving_vitals(
    v: VitalSigns, age: float | None, poor_perfusion: bool, drowsy: bool, spo2_scale: int
) -> list[Finding]:
    found, src = [], sources.ESI_A
    if v.spo2 is not None and spo2_scale == 2 and v.spo2 < HYPERCAPNIC_TARGET_LOW:
        text = f"SpO2 {fmt(v.spo2)}% is below the prescribed target of 88-92%."
        found.append(Finding(1, "esi.a.spo2_below_target", text, sources.OXYGEN_TARGET))
    elif v.spo2 is not None and spo2_scale == 1 and v.spo2 < 90:
        found.append(Finding(1, "esi.a.spo2_below_90", f"SpO2 {fmt(v.spo2)}% is below 90%.", src))
    if avpu_rank(v.consciousness) >= avpu_rank("P"):
        text = "Responds only to pain or is unresponsive (AVPU P/U)."
        found.append(Finding(1, "esi.a.avpu_pain_or_unresponsive", text, src))
    if v.respiratory_rate is not None and v.respiratory_rate < 8:
        # Apnoea or near-apnoea needs breathing support now (bag-valve-mask, reversal).
        text = f"Respiratory rate {fmt(v.respiratory_rate)}/min is below 8."
        found.append(Finding(1, "esi.a.inadequate_breathing", text, src))
    if v.heart_rate == 0:
        found.append(Finding(1, "esi.a.pulseless", "No pulse recorded (heart rate 0).", src))
    limit = severe_hypotension_limit(age)
    if v.systolic_bp is not None and v.systolic_bp < limit:
        text = f"Systolic BP {fmt(v.systolic_bp)} is below {fmt(limit)} mmHg for age."
        found.append(Finding(1, "esi.a.severe_hypotension", text, sources.PALS_HYPOTENSION))
    signs = adult_shock_signs(v, age)
    if signs:
        text = f"Systolic BP below 90 with {', '.join(signs)}."
        found.append(Finding(1, "esi.a.hypotension_with_shock_signs", text, src))
    adult = age is None or age >= PALS_ADULT_AGE_YEARS
    # A child compensates with tachycardia and keeps the pressure until late: poor skin
    # perfusion with a danger-zone heart rate or a falling level of consciousness is shock.
    child_signs = [
        f"heart rate {fmt(v.heart_rate or 0)}"
        for name, _ in danger_zone_flags(v, age)
        if name == "heart_rate"
    ]
    if drowsy:
        child_signs.append("a falling level of consciousness")
    if poor_perfusion and not adult and child_signs:
        text = f"A child with skin signs of poor perfusion and {' and '.join(child_signs)}: shock."
        rule = "esi.a.paediatric_shock"
        found.append(Finding(1, rule, text, sources.PALS_SHOCK))
    slow = v.heart_rate is not None and 0 < v.heart_rate < PALS_CPR_HEART_RATE
    if poor_perfusion and not adult and slow:
        text = (
            f"Heart rate {fmt(v.heart_rate or 0)} (below {fmt(PALS_CPR_HEART_RATE)}) with skin"
            " signs of poor perfusion."
        )
        rule = "esi.a.paediatric_bradycardia_poor_perfusion"
        found.append(Finding(1, rule, text, sources.PALS_BRADYCARDIA))
    if poor_perfusion and adult and v.systolic_bp is not None and v.systolic_bp < 90:
        text = f"Systolic BP {fmt(v.systolic_bp)} (below 90) with skin signs of poor perfusion."
        rule = "esi.a.hypotension_with_hypoperfusion"
        found.append(Finding(1, rule, text, sources.ESI_A_HYPOPERFUSION))
    return found


def _severe_physiology(news2: News2Result, age: float | None) -> str | None:
    """Why NEWS2 (RCP 2017) corroborates an abnormal finding, or None if it does not.

    A total of 5 or more (urgent response) or a single parameter scoring 3 (urgent review).
    Both only grow as any vital worsens, so corroboration found is never lost that way.
    """
    if not news2_applies(age):
        return None
    if news2.score >= 5:
        return f"NEWS2 {news2.score} (5 or more)"
    if news2.single_parameter_red:
        red = ", ".join(name for name, points in news2.components if points == 3)
        return f"a NEWS2 parameter scoring 3 ({red})"
    return None


def _unverifiable(v: VitalSigns) -> str | None:
    """Missing core vitals: stability cannot be confirmed, so the up-triage stands."""
    missing = missing_core_vitals(v)
    if not missing:
        return None
    return f"{', '.join(name.replace('_', ' ') for name in missing)} not recorded"


ALLERGEN_EXPOSURE = frozenset({"insect_sting", "allergic_reaction"})
# WAO 2020 criterion 2: after a likely allergen, two or more of these systems involved.
ANAPHYLAXIS_SYSTEMS = {
    "skin": frozenset({"allergic_reaction", "rash"}),
    "breathing": frozenset(
        {"asthma", "respiratory_distress", "shortness_of_breath", "voice", "anaphylaxis"}
    ),
    "circulation": frozenset({"dizziness", "syncope"}),
    "gut": frozenset({"vomiting", "abdominal_pain"}),
}


def _anaphylaxis_by_systems(v: VitalSigns, categories: list[ComplaintCategory]) -> None:
    """Read anaphylaxis from its signs when the note does not name it (WAO 2020).

    An allergen (a sting, an allergic reaction) with two or more systems involved (skin,
    breathing, circulation, gut; a systolic pressure below 90 counts as circulation) is
    anaphylaxis, a high-risk reading that decision point A then weighs.
    """
    keys = {c.key for c in categories}
    if "anaphylaxis" in keys or not keys & ALLERGEN_EXPOSURE:
        return
    systems = {name for name, members in ANAPHYLAXIS_SYSTEMS.items() if keys & members}
    if v.systolic_bp is not None and v.systolic_bp < ADULT_HYPOTENSION_SBP:
        systems.add("circulation")
    if len(systems) >= 2:
        categories.append(BY_KEY["anaphylaxis"])


def _compromise(
    v: VitalSigns, age: float | None, categories: list[ComplaintCategory]
) -> list[Finding]:
    """High-risk readings that turn life-threatening with a failing airway, breathing or
    circulation (decision point A).

    Anaphylaxis with stridor, respiratory distress, hypoxaemia or a systolic pressure
    below 90 needs adrenaline now (WAO 2020). Stridor or respiratory distress with an
    airway that is swelling (a deep neck infection, strangulation) needs the airway secured.
    A child in respiratory distress whose consciousness is falling (limp, lethargic, AVPU V
    or worse) is in respiratory failure (PALS). Each sign only adds: worse vitals or another
    complaint never remove one.
    """
    keys = {c.key for c in categories}
    breathing = "respiratory_distress" in keys or (v.spo2 is not None and v.spo2 < 92)
    found = []
    if "anaphylaxis" in keys:
        signs = ["respiratory distress or hypoxaemia"] if breathing else []
        if "voice" in keys:
            # A hoarse voice is the larynx swelling (WAO 2020: airway involvement).
            signs.append("a hoarse voice")
        if v.systolic_bp is not None and v.systolic_bp < ADULT_HYPOTENSION_SBP:
            signs.append(f"systolic BP {fmt(v.systolic_bp)}")
        if signs:
            text = f"Anaphylaxis with {' and '.join(signs)}: adrenaline now."
            found.append(Finding(1, "esi.a.anaphylaxis_compromise", text, sources.ANAPHYLAXIS))
    swelling = keys & {"airway_infection", "drooling_airway", "strangulation"}
    if swelling and "respiratory_distress" in keys:
        text = "Respiratory distress with a swelling airway (infection or strangulation)."
        found.append(Finding(1, "esi.a.airway_threat", text, sources.AIRWAY_THREAT))
    bleeding = keys & {
        "major_haemorrhage",
        "gi_bleed",
        "major_trauma",
        "antepartum_haemorrhage",
        "pregnancy_complication",
        "post_tonsillectomy_bleed",
    }
    if bleeding and "poor_perfusion" in keys:
        text = "Bleeding with pale, cool or clammy skin: haemorrhagic shock, blood now."
        found.append(Finding(1, "esi.a.haemorrhagic_shock", text, sources.HAEMORRHAGIC_SHOCK))
    child = age is not None and age < PALS_ADULT_AGE_YEARS
    drowsy = "altered_mental_status" in keys or avpu_rank(v.consciousness) > 0
    if child and "respiratory_distress" in keys and drowsy:
        text = "A child in respiratory distress with a falling level of consciousness."
        rule = "esi.a.paediatric_respiratory_failure"
        found.append(Finding(1, rule, text, sources.PALS_RESPIRATORY_FAILURE))
    return found


def _immunocompromised_fever(
    v: VitalSigns, categories: list[ComplaintCategory], complaint: str
) -> list[Finding]:
    """Chemotherapy, neutropenia, a transplant or immunosuppression named with a measured
    temperature of 38.0 C or more.

    The lexicon reads the fever from words; a thermometer reading counts the same.
    """
    category = BY_KEY["immunocompromised_fever"]
    if category in categories or v.temperature_c is None or v.temperature_c < 38.0:
        return []
    named = mentioned_history(complaint, category.phrases)
    if named is None:
        return []
    categories.append(category)
    text = (
        f"Temperature {fmt(v.temperature_c)} C with '{named}': possible neutropenic fever,"
        " a high-risk situation."
    )
    return [Finding(2, "esi.b.immunocompromised_fever", text, sources.ESI_B)]


def _high_risk_vitals(v: VitalSigns, age: float | None) -> list[Finding]:
    found = []
    if v.consciousness in ("C", "V"):
        text = f"Consciousness '{v.consciousness}': new confusion, lethargy or disorientation."
        found.append(Finding(2, "esi.b.new_confusion", text, sources.ESI_B))
    adult = age is None or age >= PALS_ADULT_AGE_YEARS
    if adult and v.heart_rate is not None and v.heart_rate < EXTREME_BRADYCARDIA_HR:
        limit = fmt(EXTREME_BRADYCARDIA_HR)
        text = f"Heart rate {fmt(v.heart_rate)} is below {limit}: extreme bradycardia."
        found.append(Finding(2, "esi.b.extreme_bradycardia", text, sources.EXTREME_BRADYCARDIA))
    return found


def _symptomatic_bradycardia(
    v: VitalSigns, age: float | None, categories: list[ComplaintCategory], complaint: str
) -> list[Finding]:
    """An adult heart rate under 50 with a symptom it can cause: ESI 2."""
    rate = v.heart_rate
    if rate is None or rate < EXTREME_BRADYCARDIA_HR or rate >= SYMPTOMATIC_BRADYCARDIA_HR:
        return []  # under 40 is already high-risk on its own
    if age is not None and age < PALS_ADULT_AGE_YEARS:
        return []
    keys = BRADYCARDIA_SYMPTOMS
    if (
        age is not None
        and age < REFLEX_SYNCOPE_MAX_AGE
        and mentioned_history(complaint, EATING_DISORDER) is None
    ):
        # ESC 2018: a rate of 40 to 50 in the young and trained is no marker of an
        # arrhythmic faint; under 40 the faint's own rules judge it. In an eating disorder
        # the slow heart is starvation's, not training's (RCPsych MEED 2022).
        keys = keys - {"syncope"}
    symptoms = [c.label for c in categories if c.key in keys]
    sbp, older = v.systolic_bp, age is not None and age >= BRADYCARDIA_LOW_SYSTOLIC_AGE
    if older and sbp is not None and sbp < BRADYCARDIA_LOW_SYSTOLIC:
        symptoms.append(f"a systolic pressure of {fmt(sbp)}")
    if not symptoms:
        return []
    text = f"Heart rate {fmt(rate)} with {symptoms[0]}: symptomatic bradycardia."
    return [Finding(2, "esi.b.symptomatic_bradycardia", text, sources.SYMPTOMATIC_BRADYCARDIA)]


def _hyperkalaemia_bradycardia(v: VitalSigns, complaint: str) -> list[Finding]:
    """A raised potassium with a heart rate under 60: ESI 2."""
    rate = v.heart_rate
    if rate is None or rate >= HYPERKALAEMIA_SLOW_HR:
        return []
    if mentioned_history(complaint, HYPERKALAEMIA_WORDS) is None:
        return []
    text = f"A raised potassium with a heart rate of {fmt(rate)} (under 60): risk of arrest."
    return [Finding(2, "esi.b.hyperkalaemia_bradycardia", text, sources.HYPERKALAEMIA_SLOW)]


def _severe_pain(
    v: VitalSigns,
    age: float | None,
    news2: News2Result,
    resources: int,
    categories: list[ComplaintCategory],
    recognised: bool,
    complaint: str,
) -> list[Finding]:
    """Decision point B, severe pain: the handbook's "consider ESI 2", made explicit.

    ESI 2 when something beyond the number backs it: NEWS2 severe physiology; pain from a
    body cavity (head, chest, abdomen, flank: CTAS central pain); two or more resources
    with a danger-zone vital; an open fracture; or a complaint the engine cannot read,
    whose history it cannot weigh. A vital not yet recorded is flagged for the nurse to
    measure, not taken as corroboration. Otherwise the pain is treated, not
    up-triaged: the handbook's sprained ankle at 8/10 stays ESI 4, its toothache at 10/10
    ESI 5. Every condition is monotone: more pain, worse vitals, more resources or another
    complaint never remove it.
    """
    if v.pain_score is None or v.pain_score < ESI_SEVERE_PAIN:
        return []
    said = f"Severe pain: {v.pain_score}/10 (7 or more)"
    central_categories = [c for c in categories if c.key in CENTRAL_PAIN]
    central = [c.label for c in central_categories if chronic(complaint, c) is None]
    known = [c.label for c in central_categories if c.label not in central]
    why = _severe_physiology(news2, age)
    if why is None and central and v.pain_score >= CTAS_SEVERE_PAIN:
        why = f"its site ({central[0]}: central pain) at 8/10 or more (CTAS severe)"
    if why is None and not recognised:
        why = "a complaint the engine cannot read"
    if why is None and (seen := mentioned_history(complaint, VISIBLE_DISTRESS)):
        why = f"visible distress ('{seen}')"
    if why is None and BY_KEY["open_fracture"] in categories:
        # The handbook grades an open fracture without stated pain ESI 3 (chapter 9,
        # practice case); in severe pain its antibiotics and analgesia are both due now.
        why = "an open fracture (antibiotics within the hour, BOAST 4)"
    if why is None and resources >= 2:
        flags = [name.replace("_", " ") for name, _ in danger_zone_flags(v, age)]
        if flags:
            why = f"{resources} resources expected and danger-zone {', '.join(flags)}"
    if why is not None:
        text, source = f"{said}, corroborated by {why}.", sources.ESI_B_PAIN
        if central and why.startswith("its site"):
            source = sources.ESI_B_CENTRAL_PAIN
        return [Finding(2, "esi.b.severe_pain", text, source)]
    site = (
        f"known, recurrent {known[0]} (CTAS chronic pain)"
        if known
        else "peripheral pain, or central pain below CTAS's severe band of 8-10"
    )
    text = (
        f"{said} considered for ESI 2 but not corroborated ({site}; no severe NEWS2"
        " physiology; not both two resources and a danger-zone vital): treat the pain,"
        " no up-triage."
    )
    return [Finding(5, "esi.b.severe_pain_considered", text, sources.ESI_B_PAIN)]


def _complaint_findings(matches: tuple[ComplaintMatch, ...]) -> list[Finding]:
    found = []
    for match in matches:
        category, said = match.category, f"Complaint mentions '{match.phrase}': "
        if category.tier is Tier.LIFE_SAVING:
            text = f"{said}{category.label} needs an immediate life-saving intervention."
            found.append(
                Finding(1, f"esi.a.{category.key}", text, category.source or sources.ESI_A)
            )
        elif category.tier is Tier.HIGH_RISK:
            text = f"{said}{category.label} is a high-risk situation."
            source = category.source or sources.ESI_B
            found.append(Finding(2, f"esi.b.{category.key}", text, source))
    return found


def _sepsis_screen(
    v: VitalSigns, age: float | None, news2: News2Result, categories: list[ComplaintCategory]
) -> Finding | None:
    infection = temperature_suggests_infection(v) or any(c.infection for c in categories)
    if not (news2_applies(age) and news2.score >= 5 and infection):
        return None
    text = f"NEWS2 {news2.score} (5 or more) with signs of infection: screen for sepsis."
    return Finding(2, "esi.b.sepsis_screen", text, sources.NEWS2_SEPSIS)


def _sirs_screen(
    v: VitalSigns, age: float | None, categories: list[ComplaintCategory]
) -> Finding | None:
    """Two or more SIRS criteria with a suspected infection (Bone et al., 1992): sepsis.

    High-risk (ESI 2) when a criterion is at ESI's danger-zone level (heart rate above 100,
    respiratory rate above 20) or the temperature is below 36 C. Otherwise, with a heart
    rate of 91 to 100 and a fever, it is NICE NG51's moderate-to-high risk, a clinician's
    review within the hour with blood tests: ESI 3, never lower. Suspected infection is a
    fever above 38.0 C or an infective complaint. Adults only: the paediatric SIRS limits
    (Goldstein et al., 2005) differ by age, and the ESI paediatric fever rules cover the
    young.
    """
    if age is not None and age < SIRS_MIN_AGE_YEARS:
        return None
    met = sirs_criteria(v)
    if len(met) < 2:
        return None
    fever = v.temperature_c is not None and v.temperature_c > 38.0
    infective = [c.label for c in categories if c.infection]
    if not (fever or infective):
        return None
    suspected = f"complaint of {infective[0]}" if infective else "fever above 38.0 C"
    said = f"{len(met)} SIRS criteria ({', '.join(met)}) with suspected infection ({suspected})"
    hr, rr, temp = v.heart_rate, v.respiratory_rate, v.temperature_c
    if (
        (hr is not None and hr > SEPSIS_DANGER_HEART_RATE)
        or (rr is not None and rr > SEPSIS_DANGER_RESPIRATORY_RATE)
        or (temp is not None and temp < SEPSIS_LOW_TEMPERATURE_C)
    ):
        text = f"{said}: possible sepsis, a high-risk situation."
        return Finding(2, "esi.b.sirs_sepsis", text, sources.SIRS_SEPSIS)
    text = (
        f"{said}, none at the danger-zone level: moderate-to-high risk of sepsis, bloods and"
        " a clinician's review within the hour."
    )
    return Finding(3, "esi.b.sirs_moderate_risk", text, sources.SIRS_MODERATE_RISK)


def _resource_findings(
    categories: list[ComplaintCategory],
    recognised: bool,
    v: VitalSigns,
    age: float | None,
    news2: News2Result,
) -> tuple[int, list[Finding]]:
    """Decision point C, then D for patients needing two or more resources."""
    resources = [r for category in categories for r in category.resources]
    count, listed = count_resources(resources), describe_resources(resources)
    if not recognised:
        count = max(count, UNRECOGNISED_COMPLAINT_RESOURCES)
        # Measured on 960 cases written without seeing the rules (rounds 6 and 7, scored
        # before any change): ESI 3 here left 42 of 384 critically ill patients at 3 or
        # below, ESI 2 left 21, for 2 points of exact agreement (docs/triage-evaluation.md).
        text = (
            "Complaint not recognised: a high-risk situation cannot be ruled out, so a nurse"
            " assesses now (two or more resources assumed)."
        )
        found = [Finding(2, "esi.b.complaint_unrecognised", text, sources.UNREAD_COMPLAINT)]
    elif count == 0:
        text = "No ED resources expected (exam, PO medication or simple care only)."
        found = [Finding(5, "esi.c.no_resources", text, sources.ESI_C)]
    elif count == 1:
        text = f"One resource type expected ({listed})."
        found = [Finding(4, "esi.c.one_resource", text, sources.ESI_C)]
    else:
        text = f"{count} resources expected ({listed}): go to danger-zone vitals."
        found = [Finding(3, "esi.c.two_or_more_resources", text, sources.ESI_C)]
    flags = danger_zone_flags(v, age)
    why = None
    if flags and count >= 2:
        why = _danger_zone_corroboration(v, age, news2, categories, recognised)
    for name, text in flags:
        if count >= 2 and why is not None:
            text = f"{text[:-1]}, corroborated by {why}: ESI 2."
            found.append(Finding(2, f"esi.d.danger_zone_{name}", text, sources.ESI_D_CONSIDER))
        elif count >= 2:
            text = (
                f"{text[:-1]}; ESI 2 considered but not corroborated (the only danger-zone"
                f" vital, NEWS2 {news2.score} without a parameter scoring 3, core vitals"
                " recorded, complaint read): stays ESI 3."
            )
            rule = f"esi.d.danger_zone_{name}_considered"
            found.append(Finding(3, rule, text, sources.ESI_D_CONSIDER))
        else:
            # The handbook checks danger-zone vitals only at D; an abnormal vital sign in
            # a low-resource patient still needs evaluation, so it never stays at ESI 4-5.
            source = sources.ESI_D_LOW_RESOURCE
            found.append(Finding(3, f"esi.d.danger_zone_{name}", text, source))
    return count, found


def _danger_zone_corroboration(
    v: VitalSigns,
    age: float | None,
    news2: News2Result,
    categories: list[ComplaintCategory],
    recognised: bool,
) -> str | None:
    """Why a danger-zone vital at decision point D makes ESI 2, or None (stay ESI 3).

    The handbook says "consider ESI 2"; the nurse weighs the vital against the history.
    Corroborating: NEWS2 severe physiology; two or more danger-zone vitals; a fast
    respiratory rate or low SpO2 in a breathless patient (respiratory distress, a high-risk
    presentation in the handbook's chapter 4); core vitals
    missing (stability cannot be confirmed, and missing data must never lower acuity); a
    complaint the engine cannot read (it cannot weigh the history, so it keeps the
    handbook's up-triage); age under 16, where NEWS2 is not validated; and a fast heart
    rate in a patient with palpitations, a tachyarrhythmia until an ECG shows otherwise
    (Resuscitation Council UK 2021, adult tachycardia: monitored, ECG now), or after an
    injury to the chest or abdomen (ATLS: a fast pulse after trauma is bleeding until
    shown otherwise).
    """
    if not news2_applies(age):
        return "age under 16 (NEWS2 not validated, so the handbook's up-triage stands)"
    flags = danger_zone_flags(v, age)
    if len(flags) >= 2:
        return "two or more danger-zone vitals"
    breathless = [c.label for c in categories if c.key in RESPIRATORY_COMPLAINTS]
    if breathless and any(name in ("respiratory_rate", "spo2") for name, _ in flags):
        return f"a complaint of {breathless[0]} (signs of respiratory distress)"
    if not recognised:
        return "a complaint the engine cannot read"
    fast = any(n == "heart_rate" for n, _ in flags)
    if BY_KEY["palpitations"] in categories and fast:
        return "palpitations (a symptomatic tachyarrhythmia)"
    if fast and any(c.key in TORSO_INJURIES for c in categories):
        return "an injury to the chest or abdomen (bleeding until shown otherwise)"
    if fast and BY_KEY["uncomplicated_alcohol_withdrawal"] in categories:
        return "alcohol withdrawal (a fast pulse is its autonomic overactivity, ASAM 2020)"
    return _severe_physiology(news2, age) or _unverifiable(v)


def _hypotension(v: VitalSigns, age: float | None) -> list[Finding]:
    """Adult systolic BP below 90: possible shock, ESI 2 even without skin signs.

    Below 10 years the AHA PALS limits by age apply instead (decision point A). The engine
    cannot tell a known, chronic low pressure from a new one; a clinician may down-triage.
    """
    sbp = v.systolic_bp
    if sbp is None or sbp >= ADULT_HYPOTENSION_SBP:
        return []
    if age is not None and age < PALS_ADULT_AGE_YEARS:
        return []
    text = (
        f"Systolic BP {fmt(sbp)} is below {fmt(ADULT_HYPOTENSION_SBP)} mmHg: hypotension,"
        " possible shock."
    )
    return [Finding(2, "esi.b.hypotension", text, sources.HYPOTENSION)]


def _syncope(
    v: VitalSigns, age: float | None, categories: list[ComplaintCategory], complaint: str
) -> list[Finding]:
    """Syncope with an ESC 2018 high-risk feature, or at 65 or over (ACEP 2007) unless it has
    a described benign cause and no sign of an arrhythmia: ESI 2.

    Every feature is monotone: an older age, a lower pressure or heart rate, or another
    complaint or history never removes one.
    """
    if BY_KEY["syncope"] not in categories:
        return []
    features = []
    if age is not None and age >= SYNCOPE_HIGH_RISK_AGE and (older := _older_syncope(v, complaint)):
        features.append(f"age {fmt(age)} (65 or more) with {older}")
    high_risk = SYNCOPE_HIGH_RISK_COMPLAINTS
    if any(c.key in HEAD_BLOW for c in categories):
        # A headache after a blow to the head is the blow's, weighed by the head injury
        # rules: not the headache that marks a faint as possibly a bleed (ESC 2018).
        high_risk = high_risk - {"headache"}
    features += [c.label for c in categories if c.key in high_risk]
    if v.systolic_bp is not None and v.systolic_bp < ADULT_HYPOTENSION_SBP:
        features.append(f"systolic BP {fmt(v.systolic_bp)}")
    if v.heart_rate is not None and v.heart_rate < SYNCOPE_BRADYCARDIA_HR:
        features.append(f"heart rate {fmt(v.heart_rate)}")
    elif (
        v.heart_rate is not None
        and v.heart_rate < SYNCOPE_SLOW_HR
        and (sudden := mentioned_history(complaint, SYNCOPE_NO_WARNING)) is not None
    ):
        features.append(f"heart rate {fmt(v.heart_rate)} after a faint '{sudden}'")
    if (history := mentioned_history(complaint, SYNCOPE_HEART_DISEASE)) is not None:
        features.append(f"known heart disease ('{history}')")
    if (ecg := mentioned_history(complaint, SYNCOPE_ECG)) is not None:
        features.append(f"a conduction disorder on the ECG ('{ecg}')")
    if (exertion := mentioned_history(complaint, SYNCOPE_EXERTION)) is not None:
        features.append(f"syncope '{exertion}'")
    if (family := mentioned_history(complaint, SYNCOPE_FAMILY_SUDDEN_DEATH)) is not None:
        features.append(f"family history ('{family}')")
    if features:
        text = f"Syncope with high-risk features: {', '.join(features)}."
        return [Finding(2, "esi.b.syncope_high_risk", text, sources.SYNCOPE)]
    text = (
        "Syncope considered for ESI 2: no high-risk feature found (no chest pain,"
        " breathlessness, abdominal pain, headache or palpitations, no known heart disease,"
        " systolic BP 90 or more, heart rate 40 or more; at 65 or over, also a reflex,"
        " postural or mechanical cause described, heart rate 50 or more and systolic BP 100"
        " or more)."
    )
    return [Finding(5, "esi.b.syncope_considered", text, sources.SYNCOPE)]


def _older_syncope(v: VitalSigns, complaint: str) -> str | None:
    """What keeps an older patient's faint high-risk, or None for a reflex one."""
    if v.heart_rate is not None and v.heart_rate < OLDER_SYNCOPE_HR:
        return f"heart rate {fmt(v.heart_rate)} (below 50)"
    if v.systolic_bp is not None and v.systolic_bp < OLDER_SYNCOPE_SBP:
        return f"systolic BP {fmt(v.systolic_bp)} (below 100)"
    for words in (SYNCOPE_NO_WARNING, SYNCOPE_AT_THE_WHEEL):
        if (said := mentioned_history(complaint, words)) is not None:
            return f"a faint ('{said}')"
    if mentioned_history(complaint, OLDER_REFLEX_CAUSE) is None:
        return "no reflex or postural cause described"
    return None


def _breathless_unmeasured(
    v: VitalSigns, categories: list[ComplaintCategory], complaint: str
) -> list[Finding]:
    """Breathlessness with neither respiratory rate nor SpO2 (nor the note's word that the
    observations are normal): distress cannot be excluded."""
    breathless = [c.label for c in categories if c.key in BREATHLESS_COMPLAINTS]
    if not breathless or v.respiratory_rate is not None or v.spo2 is not None:
        return []
    if observations_stated_normal(complaint):
        return []
    if mentioned_history(complaint, EXERTION_ONLY) and not mentioned_history(complaint, AT_REST):
        # Breathless only on the stairs, and not at rest: not in distress at the desk.
        return []
    text = (
        f"Complaint of {breathless[0]} with neither respiratory rate nor SpO2 recorded:"
        " respiratory distress cannot be excluded until they are measured."
    )
    return [Finding(2, "esi.b.breathless_unmeasured", text, sources.BREATHLESS_UNMEASURED)]


def _breathless_hypoxaemic(v: VitalSigns, categories: list[ComplaintCategory]) -> list[Finding]:
    """Breathlessness with SpO2 below 92%: respiratory distress, whatever the resources.

    At decision point D the low SpO2 would corroborate ESI 2 only with two resources, yet a
    wheezing asthmatic needs just one (the nebuliser) and SpO2 below 92% is a
    life-threatening feature of acute asthma (BTS/SIGN 2019).
    """
    breathless = [c.label for c in categories if c.key in RESPIRATORY_COMPLAINTS]
    if not breathless or v.spo2 is None or v.spo2 >= DANGER_ZONE_SPO2:
        return []
    text = (
        f"Complaint of {breathless[0]} with SpO2 {fmt(v.spo2)}% (below"
        f" {fmt(DANGER_ZONE_SPO2)}%): respiratory distress with hypoxaemia."
    )
    return [Finding(2, "esi.b.breathless_hypoxaemic", text, sources.BREATHLESS_HYPOXAEMIC)]


def _acute_severe_asthma(
    v: VitalSigns, age: float | None, categories: list[ComplaintCategory], complaint: str
) -> list[Finding]:
    """An asthma attack with a BTS/SIGN acute severe feature: ESI 2, though the nebuliser
    is its only resource."""
    if BY_KEY["asthma"] not in categories:
        return []
    feature = acute_severe_asthma(complaint, age, v)
    if feature is None:
        return []
    text = f"Asthma with {feature}: acute severe asthma."
    return [Finding(2, "esi.b.acute_severe_asthma", text, sources.ACUTE_SEVERE_ASTHMA)]


def _meningitic_headache(
    v: VitalSigns, categories: list[ComplaintCategory], complaint: str
) -> list[Finding]:
    """A headache with a fever and photophobia, the neck not (yet) stiff: ESI 2."""
    meningitis = BY_KEY["meningitis"]
    if meningitis in categories or BY_KEY["headache"] not in categories:
        return []
    measured = v.temperature_c is not None and v.temperature_c >= 38.0
    if not measured and BY_KEY["fever"] not in categories:
        return []
    if mentioned_history(complaint, PHOTOPHOBIA_WORDS) is None:
        return []
    categories.append(meningitis)
    text = "A headache with a fever and photophobia: possible meningitis."
    return [Finding(2, "esi.b.meningitic_headache", text, sources.MENINGITIC_HEADACHE)]


def _stimulant_toxicity(v: VitalSigns, age: float | None, complaint: str) -> list[Finding]:
    """A named stimulant with a sign of sympathomimetic toxicity: ESI 2."""
    sign = stimulant_toxicity(complaint, age, v)
    if sign is None:
        return []
    text = f"{sign[0].upper()}{sign[1:]}: sympathomimetic toxicity."
    return [Finding(2, "esi.b.stimulant_toxicity", text, sources.STIMULANT_TOXICITY)]


def _needs_parenteral_glucose(
    v: VitalSigns, categories: list[ComplaintCategory], complaint: str
) -> bool:
    """Hypoglycaemia that oral glucose cannot treat: responding to voice or less, or
    confused and unable or unwilling to swallow."""
    if avpu_rank(v.consciousness) >= avpu_rank("V"):
        return True
    confused = avpu_rank(v.consciousness) > 0 or BY_KEY["altered_mental_status"] in categories
    return confused and mentioned_history(complaint, NOTHING_BY_MOUTH) is not None


def _glucose(
    glucose: float | None,
    v: VitalSigns,
    age: float | None,
    matches: tuple[ComplaintMatch, ...],
    categories: list[ComplaintCategory],
    complaint: str,
) -> list[Finding]:
    """ADA level 2 hypoglycaemia and hyperglycaemic crises, read or stated (ESI 2).

    A hypoglycaemia complaint with no glucose recorded is taken as level 2 until measured
    (missing data never lowers acuity); a recorded value decides otherwise.
    """
    said = {m.phrase for m in matches if m.category.key == "glucose"}
    # Blood ketones measured below 3.0 mmol/L rule ketoacidosis out (JBDS-IP 2023), so
    # vomiting or abdominal pain no longer suggests it; abnormal vitals still do.
    ketones = read_ketones(complaint)
    ruled_out = KETOSIS_SYMPTOMS if ketones is not None and ketones < DKA_KETONES_MMOL_L else ()
    crisis = [c.label for c in categories if c.key in CRISIS_COMPLAINTS and c.key not in ruled_out]
    # A fast pulse or breathing by the danger zone for age: a child's normal is faster.
    hr_limit, rr_limit = danger_zone_limits(age)
    if v.respiratory_rate is not None and v.respiratory_rate > rr_limit:
        crisis.append(f"respiratory rate {fmt(v.respiratory_rate)}")
    if v.heart_rate is not None and v.heart_rate > hr_limit:
        crisis.append(f"heart rate {fmt(v.heart_rate)}")
    if avpu_rank(v.consciousness) > 0:
        crisis.append("altered consciousness")
    low, dka, hhs = HYPOGLYCAEMIA_LEVEL_2_MG_DL, DKA_GLUCOSE_MG_DL, HHS_GLUCOSE_MG_DL
    if glucose is None:
        if said & HYPOGLYCAEMIA_PHRASES:
            text = (
                "Complaint of hypoglycaemia with no glucose recorded: treated as level 2"
                f" (below {fmt(low)} mg/dL) until a point-of-care glucose is checked."
            )
            return [Finding(2, "esi.b.hypoglycaemia_unmeasured", text, sources.HYPOGLYCAEMIA)]
        if said & HYPERGLYCAEMIA_PHRASES and crisis:
            text = (
                f"Complaint of hyperglycaemia with {', '.join(crisis)} and no glucose recorded:"
                " possible hyperglycaemic crisis until a glucose is checked."
            )
            rule = "esi.b.hyperglycaemic_crisis_unmeasured"
            return [Finding(2, rule, text, sources.HYPERGLYCAEMIC_CRISIS)]
        return []
    if glucose < low:
        text = f"Glucose {fmt(glucose)} mg/dL is below {fmt(low)}: level 2 hypoglycaemia."
        found = [Finding(2, "esi.b.hypoglycaemia", text, sources.HYPOGLYCAEMIA)]
        if _needs_parenteral_glucose(v, categories, complaint):
            text = (
                f"Glucose {fmt(glucose)} mg/dL with the mind affected and nothing safely by"
                " mouth: severe (level 3) hypoglycaemia, IV dextrose or glucagon now."
            )
            found.append(Finding(1, "esi.a.severe_hypoglycaemia", text, sources.SEVERE_HYPO))
        return found
    if glucose > hhs:
        text = f"Glucose {fmt(glucose)} mg/dL is above {fmt(hhs)}: possible hyperosmolar state."
        return [Finding(2, "esi.b.hyperglycaemic_crisis", text, sources.HYPERGLYCAEMIC_CRISIS)]
    if glucose > dka and crisis:
        text = (
            f"Glucose {fmt(glucose)} mg/dL is above {fmt(dka)} with {', '.join(crisis)}:"
            " possible diabetic ketoacidosis."
        )
        return [Finding(2, "esi.b.hyperglycaemic_crisis", text, sources.HYPERGLYCAEMIC_CRISIS)]
    return []


def _older_hip_injury(
    categories: list[ComplaintCategory], age: float | None, complaint: str
) -> None:
    """NICE CG124: a fall onto the hip at 65 or over is a possible hip fracture, for an
    X-ray and analgesia (an IV opioid or a fascia iliaca block) within the hour."""
    if age is None or age < HIP_FRACTURE_AGE or BY_KEY["fracture"] in categories:
        return
    if BY_KEY["limb_injury"] not in categories or mentioned_history(complaint, HIP) is None:
        return
    if mentioned_history(complaint, FELL) is not None:
        categories.append(BY_KEY["fracture"])


def _older_chest_infection(
    categories: list[ComplaintCategory], age: float | None, v: VitalSigns
) -> None:
    """A cough at 65 or over with a raised temperature or a saturation of 95% or less is a
    possible pneumonia: a chest X-ray, and bloods for the urea that CURB-65 scores (NICE
    CG191; BTS 2009)."""
    if age is None or age < OLDER_CHEST_INFECTION_AGE:
        return
    if not any(c.key in ("cough", "cold_cough") for c in categories):
        return
    warm = v.temperature_c is not None and v.temperature_c >= OLDER_CHEST_INFECTION_TEMP_C
    low = v.spo2 is not None and v.spo2 <= OLDER_CHEST_INFECTION_SPO2
    if not (warm or low):
        return
    for key in ("cough", "fever"):
        if BY_KEY[key] not in categories:
            categories.append(BY_KEY[key])


def _febrile_limp(
    categories: list[ComplaintCategory], age: float | None, v: VitalSigns, complaint: str
) -> None:
    """A limping child with a fever of 38 or more, measured or in the note's words, is
    worked up for a septic joint: bloods and imaging (Kocher criteria)."""
    if age is None or age >= FEBRILE_LIMP_MAX_AGE or BY_KEY["limb_injury"] not in categories:
        return
    warm = v.temperature_c is not None and v.temperature_c >= FEBRILE_LIMP_TEMP_C
    if not warm and BY_KEY["fever"] not in categories:
        return
    if mentioned_history(complaint, LIMP) is not None:
        categories.append(BY_KEY["joint_infection"])


def _threatened_degloving(categories: list[ComplaintCategory], complaint: str) -> list[Finding]:
    """A degloved hand or finger gone pale or dusky, deformed, or with the patient pale and
    shaking from it, is a threatened digit or a mangled hand: high-risk (BSSH)."""
    if BY_KEY["degloving"] not in categories:
        return []
    sign = mentioned_history(complaint, DEGLOVING_THREAT)
    if sign is None:
        return []
    text = f"A degloving injury, {sign}: a threatened digit or a mangled hand."
    return [Finding(2, "esi.b.threatened_degloving", text, sources.DEGLOVING)]


def _anticoagulated_head_blow(
    matches: tuple[ComplaintMatch, ...], complaint: str
) -> tuple[ComplaintMatch, ...]:
    """A head injury read in any of its words, on an anticoagulant or with a bleeding
    disorder the note names, is the anticoagulated head injury (NICE NG232)."""
    head = next((m for m in matches if m.category.key == "head_injury"), None)
    anticoagulated = BY_KEY["anticoagulated_head_injury"]
    if head is None or any(m.category is anticoagulated for m in matches):
        return ()
    if mentioned_history(complaint, anticoagulated.requires_any) is None:
        return ()
    return (ComplaintMatch(anticoagulated, head.phrase),)


def _infant_irreducible_hernia(
    age: float | None, categories: list[ComplaintCategory], complaint: str
) -> list[Finding]:
    """A baby's hernia that will not go back, with vomiting, is reduced now: in the first
    year it strangulates, and threatens the testis, most often (BAPS; NICE CKS)."""
    if BY_KEY["irreducible_hernia"] not in categories or age is None:
        return []
    if age >= INFANT_HERNIA_MAX_AGE or mentioned_history(complaint, VOMITING) is None:
        return []
    text = "An infant's irreducible hernia with vomiting: possible strangulation."
    return [Finding(2, "esi.b.infant_irreducible_hernia", text, sources.INFANT_HERNIA)]


def _symptomatic_child_submersion(
    age: float | None, categories: list[ComplaintCategory], complaint: str
) -> list[Finding]:
    """A child who coughs, vomits water or breathes hard after a submersion may worsen
    hours later: hospital observation (Szpilman et al., NEJM 2012; ERC 2021)."""
    if BY_KEY["drowning"] not in categories or (
        age is not None and age >= CHILD_SUBMERSION_MAX_AGE
    ):
        return []
    if mentioned_history(complaint, SUBMERSION_SYMPTOMS) is None:
        return []
    text = "A child with breathing symptoms after a submersion: observed for delayed worsening."
    return [Finding(2, "esi.b.symptomatic_child_submersion", text, sources.SUBMERSION)]


def _hip_fracture_in_severe_pain(
    v: VitalSigns, age: float | None, categories: list[ComplaintCategory], complaint: str
) -> list[Finding]:
    """An older patient with a possible hip fracture in severe pain (8/10 or more, CTAS's
    severe band) is high-risk: frail, and analgesia is due on arrival (NICE CG124)."""
    if age is None or age < HIP_FRACTURE_AGE or BY_KEY["fracture"] not in categories:
        return []
    if v.pain_score is None or v.pain_score < CTAS_SEVERE_PAIN:
        return []
    if mentioned_history(complaint, HIP + HIP_FRACTURE_SIGNS) is None:
        return []
    text = (
        f"Possible hip fracture at {fmt(age)} with pain {v.pain_score}/10: frail and in severe"
        " pain, analgesia on arrival."
    )
    return [Finding(2, "esi.b.hip_fracture_severe_pain", text, sources.HIP_FRACTURE)]


def _splenic_injury(complaint: str) -> list[Finding]:
    """Left upper abdominal pain with left shoulder-tip pain after a blow (Kehr's sign of a
    splenic injury) in a patient gone pale (ATLS: pallor is early haemorrhage): high-risk
    however normal the vitals. Without the pallor writers grade it by its work-up."""
    if mentioned_history(complaint, PALLOR) is None:
        return []
    if mentioned_history(complaint, BLUNT_BLOW) is None:
        return []
    if mentioned_history(complaint, LEFT_UPPER_ABDOMEN) is None:
        return []
    if mentioned_history(complaint, LEFT_SHOULDER_TIP) is None:
        return []
    text = (
        "Left upper abdominal and left shoulder-tip pain after a blow, and pale: possible"
        " splenic injury."
    )
    return [Finding(2, "esi.b.splenic_injury", text, sources.SPLENIC_INJURY)]


def _anticoagulated_torso_injury(
    categories: list[ComplaintCategory], complaint: str
) -> list[Finding]:
    """A fall or blow to the chest, abdomen or back on an anticoagulant is high-risk for
    internal bleeding (ESI handbook, chapter 4: "patients taking warfarin who fall")."""
    if not any(BY_KEY[key] in categories for key in TORSO_INJURIES):
        return []
    drug = mentioned_history(complaint, ANTICOAGULANTS)
    if drug is None or mentioned_history(complaint, FELL + INJURED) is None:
        return []
    text = f"An injury to the chest, abdomen or back on {drug}: possible internal bleeding."
    return [Finding(2, "esi.b.anticoagulated_torso_injury", text, sources.ANTICOAGULATED_FALL)]


def _severe_hypertension(v: VitalSigns, categories: list[ComplaintCategory]) -> list[Finding]:
    """ACC/AHA 2017: above 180 systolic or 120 diastolic is a hypertensive crisis; with a
    symptom of the brain, eyes or heart it is worked up for organ damage (labs, ECG), and
    with a diastolic above 120 too it is a possible hypertensive emergency: the handbook's
    188/124 with a headache is ESI 2 (chapter 5's refill example)."""
    sbp, dbp = v.systolic_bp, v.diastolic_bp
    if not (
        (sbp is not None and sbp > CRISIS_SYSTOLIC) or (dbp is not None and dbp > CRISIS_DIASTOLIC)
    ):
        return []
    organ = [c.label for c in categories if c.key in HYPERTENSIVE_EMERGENCY_SIGNS]
    if not organ:
        # Raised pressure alone is rechecked, not worked up (the handbook's refill example).
        return []
    if BY_KEY["hypertension"] not in categories:
        categories.append(BY_KEY["hypertension"])
    if dbp is None or dbp <= CRISIS_DIASTOLIC:
        return []
    text = (
        f"Blood pressure {fmt(sbp) if sbp is not None else '?'}/{fmt(dbp)} with {organ[0]}:"
        " possible hypertensive emergency."
    )
    return [Finding(2, "esi.b.hypertensive_emergency", text, sources.HYPERTENSIVE_EMERGENCY)]


def _vaginal_bleeding_tachycardia(
    v: VitalSigns, categories: list[ComplaintCategory]
) -> list[Finding]:
    hr = v.heart_rate
    if BY_KEY["vaginal_bleeding"] not in categories or hr is None or hr <= 100:
        return []
    text = f"Vaginal bleeding with heart rate {fmt(hr)} (above 100): possible haemorrhage."
    rule = "esi.b.vaginal_bleeding_tachycardia"
    return [Finding(2, rule, text, sources.VAGINAL_BLEEDING_TACHYCARDIA)]


def _pregnancy_pain_or_bleeding(
    v: VitalSigns, categories: list[ComplaintCategory], complaint: str
) -> list[Finding]:
    """Handbook table 4-1: ectopic pregnancy (pregnant, severe lower quadrant pain) and
    spontaneous abortion (bleeding and tachycardia). A pain score or heart rate not yet
    recorded cannot rule either out, so it keeps the patient at ESI 2.
    """
    found = []
    if (blow := trauma_in_later_pregnancy(complaint)) is not None:
        text = (
            f"A blow ('{blow}') to a pregnancy of 20 weeks or more, with pain, tightenings or"
            " bleeding: a placental abruption until monitoring shows otherwise."
        )
        found.append(Finding(2, "esi.b.pregnancy_trauma", text, sources.PREGNANCY_TRAUMA))
    if BY_KEY["pregnancy_pain_or_bleeding"] not in categories:
        return found
    said, src = "Pain or bleeding in pregnancy", sources.PREGNANCY_PAIN_OR_BLEEDING
    hr = v.heart_rate
    if (hr is None and not observations_stated_normal(complaint)) or (hr is not None and hr > 100):
        heart = "heart rate not recorded" if hr is None else f"heart rate {fmt(hr)} (above 100)"
        text = f"{said} with {heart}: possible haemorrhage."
        found.append(Finding(2, "esi.b.pregnancy_tachycardia", text, src))
    pain = v.pain_score
    # Pain the note places in a limb, the head, the throat or a tooth is not the lower
    # quadrant pain of an ectopic pregnancy or an abruption.
    elsewhere = {c.key for c in categories} & PAIN_AWAY_FROM_PELVIS
    pelvic = {c.key for c in categories} & PELVIC_PAIN_COMPLAINTS
    # An unscored pain counts unless the note calls it mild and it cannot be an ectopic's
    # (one-sided, early): "mild cramping" at 9 weeks is a threatened miscarriage, worked
    # up at ESI 3.
    unscored_severe = pain is None and (
        possible_ectopic(complaint) is not None
        or mentioned_history(complaint, MILD_PAIN_WORDS) is None
    )
    if (
        mentioned_history(complaint, PREGNANCY_PAIN_WORDS) is not None
        and (unscored_severe or (pain is not None and pain >= ESI_SEVERE_PAIN))
        and (pelvic or not elsewhere)
    ):
        severity = "severity not recorded" if pain is None else f"pain {pain}/10 (7 or more)"
        text = f"{said} with {severity}: possible ectopic pregnancy."
        found.append(Finding(2, "esi.b.pregnancy_severe_pain", text, src))
    elif pain is not None and pain >= CTAS_MODERATE_PAIN and (side := possible_ectopic(complaint)):
        text = (
            f"Early pregnancy with pain '{side}' of {pain}/10 (more than mild) and no scan"
            " showing it in the uterus: possible ectopic pregnancy."
        )
        found.append(Finding(2, "esi.b.possible_ectopic", text, sources.POSSIBLE_ECTOPIC))
    return found


def _fever_without_source_age(age: float | None) -> bool:
    return age is not None and THREE_MONTHS_YEARS <= age <= THREE_YEARS


def _paediatric_fever(
    v: VitalSigns, age: float | None, categories: list[ComplaintCategory], complaint: str
) -> list[Finding]:
    temp, src = v.temperature_c, sources.ESI_FEVER
    infant = age is not None and age < THREE_MONTHS_YEARS
    if infant and BY_KEY["fever"] in categories and (temp is None or temp <= 38.0):
        # A fever at home counts in an infant, whatever the thermometer says now.
        text = "Fever reported in an infant under 3 months (a home reading counts)."
        rule = "esi.fever.reported_under_3_months"
        return [Finding(2, rule, text, sources.REPORTED_INFANT_FEVER)]
    if age is None or temp is None:
        return []
    if age <= NEONATE_MAX_YEARS and temp > 38.0:
        text = f"Temperature {fmt(temp)} C above 38.0 in an infant aged 28 days or less."
        return [Finding(2, "esi.fever.under_28_days", text, src)]
    if age < THREE_MONTHS_YEARS and temp > 38.0:
        # The handbook says "consider ESI 2"; a rule engine cannot weigh the infant's look,
        # so it takes the safer reading.
        text = f"Temperature {fmt(temp)} C above 38.0 in an infant aged 1-3 months."
        return [Finding(2, "esi.fever.one_to_three_months", text, src)]
    if age <= THREE_YEARS and temp > PAEDIATRIC_FEVER_C:
        # The rule is for incomplete immunisations or no obvious source; it applies unless
        # the note gives both a complete course and a source (an ear, a throat, a cold) in
        # a child it does not call unwell.
        focus = {c.key for c in categories} & FEVER_SOURCES
        immunised = mentioned_history(complaint, IMMUNISED) is not None
        if focus and immunised and mentioned_history(complaint, FEVER_NOT_WELL) is None:
            return []
        text = f"Temperature {fmt(temp)} C above 39.0 at age 3-36 months."
        flags = [name.replace("_", " ") for name, _ in danger_zone_flags(v, age)]
        if flags:
            # Its work-up (bloods, urine, often a chest X-ray) takes the child to decision
            # point D, where a danger-zone vital is ESI 2.
            text += f" With the work-up's resources, danger-zone {', '.join(flags)}: ESI 2."
            return [Finding(2, "esi.fever.three_to_36_months_danger_zone", text, src)]
        return [Finding(3, "esi.fever.three_to_36_months", text, src)]
    return []


def _news2_floors(news2: News2Result, age: float | None) -> list[Finding]:
    src = sources.NEWS2
    if not news2_applies(age):
        text = "NEWS2 is reported but sets no acuity floor: it is validated from 16 years."
        return [Finding(5, "news2.not_applied_under_16", text, src)]
    found = []
    if news2.band == "high":
        text = f"NEWS2 {news2.score} (7 or more): high clinical risk, emergency response."
        found.append(Finding(2, "news2.total_high", text, src))
    elif news2.band == "medium":
        text = f"NEWS2 {news2.score} (5-6): medium clinical risk, urgent response."
        found.append(Finding(3, "news2.total_medium", text, src))
    if news2.single_parameter_red:
        red = ", ".join(name for name, points in news2.components if points == 3)
        text = f"NEWS2 parameter scoring 3 ({red}): urgent clinical review."
        found.append(Finding(3, "news2.single_parameter_red", text, src))
    return found


@dataclass(frozen=True, slots=True)
class _Cleared:
    """A category whose resource the note itself rules out, at decision point C."""

    key: str
    said: tuple[str, ...]  # the note says the resource is not needed...
    unless: tuple[str, ...]  # ...unless it also says one of these
    unless_keys: tuple[str, ...]  # ...or one of these categories is read too
    rule: str
    text: str
    source: str
    # The age must be known and under this (the Ottawa knee rule's 55), if set...
    below_age: float | None = None
    # ...or known and at least this.
    from_age: float | None = None
    # One of these categories must be read too, if set.
    with_keys: tuple[str, ...] = ()
    # A narrower category put in the cleared one's place, if set.
    instead: str | None = None
    # The patient must be recorded as a woman, if set.
    female: bool = False


# A seizure in someone known to have epilepsy...
KNOWN_EPILEPSY = ("known epilepsy", "epileptic", "known epileptic", "has epilepsy", "with epilepsy")
# ...unless it was not their usual one, or they have not recovered (NICE NG217).
ATYPICAL_SEIZURE = (
    "first",
    "new type",
    "different",
    "not his usual",
    "not her usual",
    "longer than usual",
    "another",
    "second",
    "two seizures",
    "2 seizures",
    "three seizures",
    "3 seizures",
    "cluster",
    "midazolam",
    "rescue medication",
    "seizures",
    "fits",
    # Out of tablets for days: a loading dose, a resource of its own.
    "ran out",
    "left his tablets",
    "left her tablets",
    "left tablets",
    "left his levetiracetam",
    "left her levetiracetam",
    "still drowsy",
    "still confused",
    "not back to",
    "pregnant",
    "fever",
    "injury",
    "hit his head",
    "hit her head",
    "head",
)

_CLEARED = (
    _Cleared(
        "limb_injury",
        OTTAWA_NEGATIVE,
        UNABLE_TO_BEAR_WEIGHT,
        (),
        "esi.c.ottawa_negative",
        "No bony tenderness and able to bear weight: the Ottawa rules need no X-ray.",
        sources.OTTAWA_RULES,
        below_age=OTTAWA_MAX_AGE,
    ),
    _Cleared(
        "limb_injury",
        ALREADY_IMAGED,
        INJURY_CHANGED,
        (),
        "esi.c.already_imaged",
        "An injury already X-rayed and found normal, unchanged since: no X-ray again.",
        sources.ALREADY_IMAGED,
    ),
    _Cleared(
        "limb_injury",
        CHRONIC_JOINT_PAIN,
        JOINT_PAIN_ACUTE,
        ("joint_infection", "gout", "fracture", "dvt"),
        "esi.c.chronic_joint_pain",
        "Long-standing joint pain with no new injury or swelling: a clinical diagnosis.",
        sources.CHRONIC_JOINT_PAIN,
    ),
    _Cleared(
        "syncope",
        REFLEX_SYNCOPE,
        SYNCOPE_RED_FLAGS,
        ("head_injury", "acs", "palpitations", "shortness_of_breath", "gi_bleed", "seizure"),
        "esi.c.reflex_syncope",
        "A faint with a clear trigger or warning, under 40: an ECG, no further tests.",
        sources.REFLEX_SYNCOPE,
        below_age=REFLEX_SYNCOPE_MAX_AGE,
        instead="simple_faint",
    ),
    _Cleared(
        "fracture",
        SELF_REDUCED,
        STILL_DISLOCATED,
        (),
        "esi.c.self_reduced",
        "A dislocation that went back by itself: an X-ray, no reduction.",
        sources.ESI_C,
        instead="limb_injury",
    ),
    _Cleared(
        "laceration",
        SUPERFICIAL_CUT,
        CUT_NEEDS_REPAIR,
        ("tendon_nerve_injury", "animal_bite", "anticoagulated_bleeding", "suicidal"),
        "esi.c.superficial_cut",
        "A superficial cut with its edges together: simple wound care, no repair.",
        sources.SUPERFICIAL_CUT,
    ),
    _Cleared(
        "laceration",
        SUTURE_REMOVAL,
        WOUND_REOPENED,
        (),
        "esi.c.suture_removal",
        "Back for suture removal, the wound not reopened: no repair expected.",
        sources.ESI_C,
    ),
    _Cleared(
        "fever",
        FEVER_WELL,
        FEVER_NOT_WELL,
        (
            "meningitis",
            "airway_infection",
            "drooling_airway",
            "deep_neck_infection",
            "immunocompromised_fever",
            "fever_purpura",
            "kawasaki",
            "orbital_cellulitis",
            "neck_swelling",
            "urinary_infection",
            "cough",
            "sepsis",
        ),
        "esi.c.fever_minor_focus",
        "A fever with a sore throat, earache or cold in a patient who is well: no tests.",
        sources.FEVER_MINOR_FOCUS,
        from_age=FEVER_MINOR_FOCUS_MIN_AGE,
        with_keys=("sore_throat", "ear_pain", "common_cold"),
    ),
    _Cleared(
        "seizure",
        TYPICAL_SEIZURE,
        SEIZURE_NOT_TYPICAL,
        ("active_seizure", "altered_mental_status", "head_injury", "fever", "overdose"),
        "esi.c.typical_seizure",
        "A typical seizure in known epilepsy, back to baseline: no investigations.",
        sources.TYPICAL_SEIZURE,
    ),
    _Cleared(
        "vomiting",
        GASTRO_DRINKING,
        GASTRO_DEHYDRATED,
        (),
        "esi.c.gastroenteritis_drinking",
        "Vomiting or diarrhoea, drinking and not dehydrated: oral fluids, no resource.",
        sources.GASTRO_DRINKING,
    ),
    _Cleared(
        "allergic_reaction",
        HIVES_ONLY,
        HIVES_MORE,
        ("anaphylaxis",),
        "esi.c.hives_only",
        "Hives without swelling of the lips or tongue, breathing normally: oral treatment.",
        sources.HIVES_ONLY,
    ),
    _Cleared(
        "head_injury",
        HEAD_INJURY_NO_LOC,
        HEAD_INJURY_CT,
        (
            "anticoagulated_head_injury",
            "facial_swelling_injury",
            "bleeding_tendency",
            "intoxication",
            "intoxicated_head_injury",
            "intoxicated_trauma",
            "major_trauma",
            "vehicle_collision",
            "non_accidental_injury",
            "suspected_abuse",
            "syncope",
            "seizure",
            "altered_mental_status",
        ),
        "esi.c.head_injury_no_ct",
        "A head injury without loss of consciousness or any indication for a CT scan.",
        sources.HEAD_INJURY_NO_CT,
        below_age=HEAD_INJURY_CT_AGE,
        from_age=HEAD_INJURY_MIN_AGE,
    ),
    _Cleared(
        "back_pain",
        BACK_PAIN_NO_RED_FLAGS,
        BACK_PAIN_RED_FLAGS,
        ("fever", "spine_injury", "major_trauma", "vehicle_collision", "minor_collision"),
        "esi.c.back_pain_no_red_flags",
        "Back pain with the red flags denied: oral analgesia, no imaging or blood tests.",
        sources.BACK_PAIN_NO_RED_FLAGS,
        below_age=BACK_PAIN_MAX_AGE,
    ),
    _Cleared(
        "back_pain",
        CSPINE_RULE_NEGATIVE,
        CSPINE_RULE_RISK,
        ("fever", "spine_injury", "major_trauma", "head_injury"),
        "esi.c.canadian_cspine_negative",
        "Neck pain after a low-speed collision, no midline tenderness or a neck that turns:"
        " the Canadian C-spine rule needs no X-ray, and the analgesia is oral.",
        sources.CANADIAN_CSPINE_RULE,
        below_age=CSPINE_RULE_MAX_AGE,
        with_keys=("minor_collision",),
    ),
    _Cleared(
        "spine_injury",
        WHIPLASH_CUE,
        WHIPLASH_MORE,
        ("major_trauma", "head_injury"),
        "esi.c.whiplash_imaging_only",
        "Midline neck tenderness after a low-speed collision: imaging of the neck; the"
        " whiplash analgesia is oral.",
        sources.CANADIAN_CSPINE_RULE,
        below_age=CSPINE_RULE_MAX_AGE,
        with_keys=("minor_collision",),
        instead="whiplash_injury",
    ),
    # The neck pain that came with it is the same whiplash: its analgesia is oral too.
    _Cleared(
        "back_pain",
        WHIPLASH_CUE,
        WHIPLASH_MORE,
        (),
        "esi.c.whiplash_oral_analgesia",
        "Neck pain with the whiplash injury: oral analgesia, no resource of its own.",
        sources.CANADIAN_CSPINE_RULE,
        with_keys=("whiplash_injury",),
    ),
    _Cleared(
        "urinary_infection",
        URINE_DIPPED,
        URINE_TO_LAB,
        ("pregnancy_symptoms", "pregnancy_pain_or_bleeding", "urinary_catheter"),
        "esi.c.uncomplicated_cystitis",
        "A lower urinary infection in a woman under 65, dipped at the bedside: oral"
        " antibiotics, no culture and no resource.",
        sources.UNCOMPLICATED_CYSTITIS,
        below_age=65.0,
        from_age=16.0,
        female=True,
    ),
    # Bleeding on an anticoagulant or with a bleeding tendency is worked up.
    _Cleared(
        "epistaxis",
        EPISTAXIS_STOPPED,
        EPISTAXIS_ONGOING,
        ("anticoagulated_bleeding", "bleeding_tendency"),
        "esi.c.epistaxis_stopped",
        "A nosebleed that has stopped and is not recurring: advice only, no resource.",
        sources.EPISTAXIS_STOPPED,
    ),
    # A typical seizure in known epilepsy, with the patient back to normal.
    _Cleared(
        "seizure",
        KNOWN_EPILEPSY,
        ATYPICAL_SEIZURE,
        ("altered_mental_status", "active_seizure", "head_injury", "anticoagulated_head_injury"),
        "esi.c.known_epilepsy_seizure",
        "A typical seizure in known epilepsy, recovered: drug levels, no scan.",
        sources.KNOWN_EPILEPSY_SEIZURE,
        instead="epilepsy_seizure",
    ),
    # Tingling in the limb an electric current crossed is the shock's, not a nerve's.
    _Cleared(
        "neuro_symptoms",
        ("tingling", "pins and needles", "numb"),
        ("weak", "weakness", "can't move", "cannot move", "paralysed", "slurred"),
        (),
        "esi.c.electrical_tingling",
        "Tingling after an electric shock: expected where the current passed, no work-up of"
        " its own.",
        sources.ELECTRICAL_INJURY,
        with_keys=("electrical_injury",),
    ),
    # The glucose given before arrival has worked: no more treatment of its own.
    _Cleared(
        "glucose",
        ("recovered hypo",),
        (),
        (),
        "esi.c.recovered_hypoglycaemia",
        "Hypoglycaemia treated before arrival, the glucose and the mind now normal: a recheck"
        " and blood tests.",
        sources.RECOVERED_HYPOGLYCAEMIA,
        instead="recovered_hypoglycaemia",
    ),
)
# High-risk categories a note can rule out, before decision point B reads them.
# Scrotal pain read as a possible torsion is epididymo-orchitis when the note says it came
# on gradually or burns on passing urine...
SCROTAL_INFECTION_WORDS = (
    "gradual",
    "gradually",
    "came on slowly",
    "coming on slowly",
    "slowly worse",
    "slowly getting worse",
    "getting worse over",
    "worse over",
    "not sudden",
    "burning on passing urine",
    "burning passing urine",
    "burning when passing urine",
    "burning when he pees",
    "burning when peeing",
    "burning on peeing",
    "burning urine",
    "stinging when passing urine",
    "stinging passing urine",
    "stings passing urine",
    "stinging when he passes urine",
    "pain passing urine",
    "pain on passing urine",
    "dysuria",
    "urethral discharge",
)
# ...an injury when a blow caused it...
SCROTAL_BLOW_WORDS = (
    "kicked in the groin",
    "kicked in groin",
    "kicked in the testicles",
    "hit in the groin",
    "hit in groin",
    "crossbar",
    "straddle",
)
# ...unless it also says what a torsion does.
TORSION_WORDS = (
    "sudden",
    "suddenly",
    "woke",
    "vomit",
    "vomited",
    "vomiting",
    "high riding",
    "high-riding",
    "lies high",
    "horizontal lie",
    "severe",
)

_CLEARED_HIGH_RISK = (
    _Cleared(
        "syncope",
        BLOW_TO_THE_HEAD,
        FAINT_BEFORE_THE_BLOW,
        (),
        "esi.c.knocked_out",
        "A loss of consciousness from a blow to the head, with no faint before it: a head"
        " injury (NICE NG232), not a syncope.",
        sources.HEAD_INJURY_NO_CT,
        instead="head_injury",
    ),
    _Cleared(
        "altered_mental_status",
        CONFUSION_AT_BASELINE,
        CONFUSION_NEW,
        (),
        "esi.c.confusion_at_baseline",
        "Confusion the note gives as the patient's usual (dementia at baseline), with no new"
        " drowsiness or change: not the new confusion of decision point B; what brought"
        " them is worked up.",
        sources.ESI_B,
        instead="confusion_at_baseline",
    ),
    _Cleared(
        "altered_mental_status",
        CONFUSION_RESOLVED,
        CONFUSION_PERSISTING,
        (),
        "esi.c.confusion_resolved",
        "A confusion that has passed, the patient now alert and orientated, after a cause"
        " that is worked up in its own right (a fit, a low glucose, a spiked drink): not the"
        " confusion of decision point B, which is judged as the patient is now.",
        sources.ESI_B,
        with_keys=CONFUSION_EXPLAINED_BY,
    ),
    _Cleared(
        "testicular_torsion",
        SCROTAL_INFECTION_WORDS,
        TORSION_WORDS,
        (),
        "esi.c.epididymo_orchitis",
        "Scrotal pain that came on gradually or with burning on passing urine, without"
        " sudden onset or vomiting: epididymo-orchitis, treated at decision point C.",
        sources.SCROTAL_PAIN,
        instead="epididymo_orchitis",
    ),
    _Cleared(
        "testicular_torsion",
        SCROTAL_BLOW_WORDS,
        TORSION_WORDS,
        (),
        "esi.c.scrotal_injury",
        "A swollen scrotum after a blow, without sudden pain or vomiting apart from it: an"
        " injury to image, treated at decision point C.",
        sources.SCROTAL_PAIN,
        instead="genital_trauma",
    ),
    _Cleared(
        "alcohol_withdrawal",
        WITHDRAWAL_UNCOMPLICATED,
        WITHDRAWAL_COMPLICATED,
        ("altered_mental_status", "seizure", "active_seizure"),
        "esi.c.uncomplicated_alcohol_withdrawal",
        "Alcohol withdrawal, orientated, without hallucinations or a history of withdrawal"
        " seizures: treated at decision point C.",
        sources.UNCOMPLICATED_ALCOHOL_WITHDRAWAL,
        instead="uncomplicated_alcohol_withdrawal",
    ),
    _Cleared(
        "open_fracture",
        DIGIT_WORDS,
        LIMB_BONE_WORDS,
        (),
        "esi.c.open_digit_fracture",
        "An open injury of a finger or toe: repaired as a fracture, not an open limb fracture.",
        sources.OPEN_FRACTURE,
        instead="fracture",
    ),
    _Cleared(
        "acs",
        CHEST_BLOW,
        CHEST_BLOW_CONCERN,
        ("acs_equivalent",),
        "esi.c.chest_blow",
        "Chest pain from a blow to the chest, not cardiac in kind: a chest injury to image.",
        sources.CHEST_BLOW,
        instead="torso_trauma",
    ),
    _Cleared(
        "bilious_vomiting",
        ADULT_BILIOUS,
        ADULT_BILIOUS_CONCERN,
        (),
        "esi.c.adult_bilious_vomiting",
        "Green vomiting in an adult, not peritonitic or shocked: a possible bowel obstruction,"
        " worked up with bloods, imaging and fluids.",
        sources.ADULT_BILIOUS_VOMITING,
        from_age=BILIOUS_ADULT_AGE,
        instead="abdominal_pain",
    ),
    _Cleared(
        "drooling_airway",
        QUINSY_SIGNS,
        AIRWAY_AT_RISK,
        (),
        "esi.c.quinsy",
        "Drooling from a quinsy, the airway unthreatened: bloods, antibiotics and ENT to drain it.",
        sources.QUINSY,
        instead="deep_neck_infection",
    ),
    _Cleared(
        "drooling_airway",
        FOOD_BOLUS,
        AIRWAY_AT_RISK,
        (),
        "esi.c.food_bolus",
        "Spitting saliva past a food bolus, breathing and talking normally: endoscopy, not an"
        " airway emergency.",
        sources.QUINSY,
        instead="dysphagia",
    ),
    _Cleared(
        "anaphylaxis",
        STUNG_LIP,
        LIP_SWELLING_SYSTEMIC,
        ("oral_sting",),
        "esi.c.local_lip_sting",
        "A sting on the lip that has swollen the lip alone: a large local reaction.",
        sources.LOCAL_STING_REACTION,
    ),
    _Cleared(
        "anaphylaxis",
        LIP_BLOW,
        LIP_SWELLING_SYSTEMIC,
        ("oral_sting", "insect_sting"),
        "esi.c.bruised_lip",
        "A lip swollen by a blow: a bruise, not angioedema.",
        sources.LOCAL_STING_REACTION,
    ),
    _Cleared(
        "stroke",
        DRINKING,
        STROKE_FOCAL,
        (),
        "esi.c.drunken_slurring",
        "Slurred speech after drinking, with no focal sign: the drink's, its conscious level"
        " weighed at decision point B.",
        sources.INTOXICATED_TRAUMA,
        instead="intoxication",
    ),
    _Cleared(
        "amputation",
        PAST_AMPUTATION,
        FRESH_AMPUTATION,
        (),
        "esi.c.past_amputation",
        "An amputation weeks ago, here for its dressing: a wound check.",
        sources.ESI_C,
        instead="wound_check",
    ),
    _Cleared(
        "acs",
        ASTHMA_TIGHTNESS,
        ASTHMA_TIGHTNESS_CARDIAC,
        ("acs_equivalent",),
        "esi.c.asthmatic_tight_chest",
        "A tight chest in a known asthmatic, without pain or a cardiac feature: the asthma's,"
        " graded by its severity.",
        sources.ASTHMA_TIGHT_CHEST,
        instead="asthma",
    ),
    _Cleared(
        "acs",
        SHINGLES,
        CHEST_BLOW_CONCERN,
        ("acs_equivalent",),
        "esi.c.shingles",
        "Burning chest wall pain with a band of blisters: shingles, treated by mouth.",
        sources.SHINGLES,
        instead="rash",
    ),
    _Cleared(
        "fracture",
        CLAVICLE,
        CLAVICLE_THREATENED,
        ("open_fracture", "major_trauma"),
        "esi.c.closed_clavicle_fracture",
        "A broken collarbone with the skin and the arm intact: an X-ray and a sling.",
        sources.CLAVICLE_FRACTURE,
        instead="limb_injury",
    ),
    _Cleared(
        "intoxicated_head_injury",
        MENTAL_STATE_DOCUMENTED,
        MENTAL_STATE_CONCERN,
        ("altered_mental_status", "anticoagulated_head_injury"),
        "esi.c.intoxicated_head_injury_assessed",
        "A head injury after drinking with GCS 15 or full orientation recorded: the conscious"
        " level the drink could hide has been assessed; resources as for any head injury.",
        sources.INTOXICATED_TRAUMA,
        instead="head_injury",
    ),
)


def _cleared(
    categories: list[ComplaintCategory],
    age: float | None,
    complaint: str,
    rules: tuple[_Cleared, ...] = _CLEARED,
    sex: str | None = None,
) -> list[Finding]:
    """Decision point C: the Ottawa rules, a suture removal, a stopped nosebleed, and so on."""
    found = []
    for cleared in rules:
        category = BY_KEY[cleared.key]
        if category not in categories or any(BY_KEY[k] in categories for k in cleared.unless_keys):
            continue
        if cleared.below_age is not None and (age is None or age >= cleared.below_age):
            continue
        if cleared.from_age is not None and (age is None or age < cleared.from_age):
            continue
        if cleared.with_keys and not any(BY_KEY[k] in categories for k in cleared.with_keys):
            continue
        if cleared.female and sex != "female":
            continue
        if mentioned_history(complaint, cleared.said) is None:
            continue
        if mentioned_history(complaint, cleared.unless) is not None:
            continue
        categories.remove(category)
        if cleared.instead is not None and BY_KEY[cleared.instead] not in categories:
            categories.append(BY_KEY[cleared.instead])
        found.append(Finding(5, cleared.rule, cleared.text, cleared.source))
    return found


@dataclass(frozen=True)
class _Downgrade:
    """A high-risk category the note's own findings make standard, at decision point B."""

    key: str
    instead: str
    check: Callable[[TriageInput], str | None]  # the finding that downgrades it, or None
    rule: str
    text: str  # "{found}" is the finding
    source: str
    also: tuple[str, ...] = ()  # other categories the finding explains, replaced too

    @cached_property
    def explains(self) -> frozenset[ComplaintCategory]:
        """The categories the finding replaces, looked up once, not per assessment."""
        return frozenset(BY_KEY[key] for key in (self.key, *self.also))


_DOWNGRADES = (
    _Downgrade(
        "acs",
        "chest_wall_pain",
        lambda data: low_risk_chest_pain(data.chief_complaint, data.age_years, data.vitals),
        "esi.b.low_risk_chest_pain",
        "Chest pain '{found}', under 45, PERC negative, no cardiac feature or history:"
        " not high-risk; an ECG and a chest X-ray.",
        sources.LOW_RISK_CHEST_PAIN,
    ),
    _Downgrade(
        "acs",
        "rib_pain",
        lambda data: injured_chest_wall(data.chief_complaint),
        "esi.b.injured_chest_wall",
        "Chest pain with '{found}' after an injury, no cardiac feature or breathlessness:"
        " a chest wall injury, not high-risk; an X-ray for a rib fracture.",
        sources.INJURED_CHEST_WALL,
    ),
    _Downgrade(
        "acs",
        "pleuritic_chest_pain",
        lambda data: infective_pleuritic_chest_pain(data.chief_complaint),
        "esi.b.infective_pleuritic_chest_pain",
        "Chest pain '{found}' with a chest infection, no cardiac feature or PERC item:"
        " pleurisy, not high-risk; blood tests, an ECG and a chest X-ray.",
        sources.PLEURITIC_CHEST_PAIN,
    ),
    _Downgrade(
        "acs",
        "pleuritic_chest_pain",
        lambda data: pericarditic_chest_pain(data.chief_complaint),
        "esi.b.pericarditic_chest_pain",
        "Chest pain '{found}', no cardiac feature or PERC item: possible pericarditis, not"
        " high-risk; an ECG, blood tests and a chest X-ray.",
        sources.PLEURITIC_CHEST_PAIN,
    ),
    _Downgrade(
        "shortness_of_breath",
        "hyperventilation",
        lambda data: hyperventilation(data.chief_complaint, data.age_years, data.vitals),
        "esi.b.hyperventilation",
        "Breathlessness with tingling round the mouth and '{found}', under 45, SpO2 97% or"
        " more, no other cause stated: hyperventilation, not high-risk; an ECG, and ESI 3 at"
        " most, as it is a diagnosis of exclusion.",
        sources.HYPERVENTILATION,
        also=("neuro_symptoms", "palpitations", "acs", "mental_health"),
    ),
    _Downgrade(
        "acs",
        "chest_wall_pain",
        lambda data: strained_chest_wall(data.chief_complaint, data.age_years, data.vitals),
        "esi.b.strained_chest_wall",
        "Chest pain '{found}' after a strain, under 65, heart rate under 100, no cardiac"
        " feature or PERC item: the chest wall, not high-risk; an ECG and a chest X-ray.",
        sources.LOW_RISK_CHEST_PAIN,
    ),
    _Downgrade(
        "acs",
        "pneumothorax",
        lambda data: spontaneous_pneumothorax(data.chief_complaint, data.age_years, data.vitals),
        "esi.b.spontaneous_pneumothorax",
        "Sudden sharp chest pain, '{found}', under 45, heart rate under 100 and SpO2 94% or"
        " more, no cardiac feature or PERC item: a possible spontaneous pneumothorax, not"
        " ACS; a chest X-ray and perhaps aspiration.",
        sources.SPONTANEOUS_PNEUMOTHORAX,
    ),
    _Downgrade(
        "gi_bleed",
        "stable_gi_bleed",
        lambda data: stable_gi_bleed(data.chief_complaint, data.vitals),
        "esi.b.stable_gi_bleed",
        "GI bleeding with {found}, no faint, dizziness, large volume or liver disease:"
        " not high-risk; blood tests and the gastroenterology or surgical team.",
        sources.STABLE_GI_BLEED,
    ),
)


def _downgraded(
    data: TriageInput, matches: tuple[ComplaintMatch, ...]
) -> tuple[tuple[ComplaintMatch, ...], list[ComplaintCategory], list[Finding]]:
    """The matches left, the standard categories put in place, and why."""
    added, found = [], []
    for rule in _DOWNGRADES:
        explained = rule.explains
        if not any(match.category in explained for match in matches):
            continue
        what = rule.check(data)
        if what is None:
            continue
        matches = tuple(match for match in matches if match.category not in explained)
        added.append(BY_KEY[rule.instead])
        found.append(Finding(3, rule.rule, rule.text.format(found=what), rule.source))
    return matches, added, found


def _severe_hyperthermia(
    v: VitalSigns, categories: list[ComplaintCategory], complaint: str
) -> list[Finding]:
    """Decision point A: 41 C or more with the brain affected needs cooling now."""
    if v.temperature_c is None or v.temperature_c < SEVERE_HYPERTHERMIA_C:
        return []
    brain = (
        avpu_rank(v.consciousness) > 0
        or any(BY_KEY[key] in categories for key in ("altered_mental_status", "active_seizure"))
        or mentioned_history(complaint, HYPERTHERMIA_CNS_WORDS) is not None
    )
    if not brain:
        return []
    text = (
        f"Temperature {fmt(v.temperature_c)} C with the brain affected: heat stroke or toxic"
        " hyperthermia, immediate cooling."
    )
    return [Finding(1, "esi.a.severe_hyperthermia", text, sources.SEVERE_HYPERTHERMIA)]


def evaluate(
    data: TriageInput, news2: News2Result, matches: tuple[ComplaintMatch, ...]
) -> EsiResult:
    v, age = data.vitals, data.age_years
    # A worse measurement never makes an unread complaint read: that would lower acuity.
    recognised = bool(matches)
    matches, standard, found = _downgraded(data, matches)
    matches += _anticoagulated_head_blow(matches, data.chief_complaint)
    categories = [match.category for match in matches]
    categories += [c for c in standard if c not in categories]
    cleared = _cleared(categories, age, data.chief_complaint, _CLEARED_HIGH_RISK)
    if cleared:
        matches = tuple(m for m in matches if m.category in categories)
    found += cleared
    poor_perfusion = BY_KEY["poor_perfusion"] in categories
    drowsy = BY_KEY["altered_mental_status"] in categories or avpu_rank(v.consciousness) > 0
    found += _life_saving_vitals(v, age, poor_perfusion, drowsy, data.spo2_scale)
    found += _high_risk_vitals(v, age)
    found += _complaint_findings(matches)
    had_anaphylaxis = BY_KEY["anaphylaxis"] in categories
    _anaphylaxis_by_systems(v, categories)
    if not had_anaphylaxis and BY_KEY["anaphylaxis"] in categories:
        text = "An allergen with two or more body systems involved: anaphylaxis (WAO 2020)."
        found.append(Finding(2, "esi.b.anaphylaxis", text, sources.ANAPHYLAXIS))
    found += _compromise(v, age, categories)
    found += _immunocompromised_fever(v, categories, data.chief_complaint)
    glucose = data.glucose_mg_dl
    if glucose is None:
        glucose = read_glucose(data.chief_complaint)
    found += _hypotension(v, age) + _syncope(v, age, categories, data.chief_complaint)
    found += _symptomatic_bradycardia(v, age, categories, data.chief_complaint)
    found += _hyperkalaemia_bradycardia(v, data.chief_complaint)
    found += _severe_hyperthermia(v, categories, data.chief_complaint)
    found += _stimulant_toxicity(v, age, data.chief_complaint)
    found += _meningitic_headache(v, categories, data.chief_complaint)
    if v.temperature_c is not None and v.temperature_c < HYPOTHERMIA_C:
        if BY_KEY["hypothermia"] not in categories:
            categories.append(BY_KEY["hypothermia"])
        text = f"Temperature {fmt(v.temperature_c)} C is below {fmt(HYPOTHERMIA_C)}: hypothermia."
        found.append(Finding(2, "esi.b.hypothermia", text, sources.HYPOTHERMIA))
    if (
        age is not None
        and age < NON_MOBILE_INFANT_YEARS
        and mentioned_history(data.chief_complaint, BRUISE_WORDS)
    ):
        text = "Bruising in an infant under 6 months, not yet mobile: possible maltreatment."
        found.append(Finding(2, "esi.b.infant_bruising", text, sources.INFANT_BRUISING))
    febrile = v.temperature_c is not None and v.temperature_c > 38.0
    if febrile and BY_KEY["cold_cough"] in categories and BY_KEY["cough"] not in categories:
        # A measured fever with a cough is a chest X-ray, as the word "fever" would be.
        categories.append(BY_KEY["cough"])
    if glucose is not None and glucose > DKA_GLUCOSE_MG_DL and BY_KEY["glucose"] not in categories:
        # A stated glucose above 250 mg/dL is hyperglycaemia to work up, named or not.
        categories.append(BY_KEY["glucose"])
    found += _breathless_unmeasured(v, categories, data.chief_complaint)
    found += _breathless_hypoxaemic(v, categories)
    found += _acute_severe_asthma(v, age, categories, data.chief_complaint)
    found += _glucose(glucose, v, age, matches, categories, data.chief_complaint)
    found += _vaginal_bleeding_tachycardia(v, categories) + _severe_hypertension(v, categories)
    found += _pregnancy_pain_or_bleeding(v, categories, data.chief_complaint)
    screens = [_sepsis_screen(v, age, news2, categories), _sirs_screen(v, age, categories)]
    found += [screen for screen in screens if screen is not None]
    if any(screen is not None and screen.level == 2 for screen in screens):
        categories.append(BY_KEY["sepsis"])
    if BY_KEY["later_pregnancy_trauma"] not in categories and blow_in_later_pregnancy(
        data.chief_complaint
    ):
        categories.append(BY_KEY["later_pregnancy_trauma"])
        # The blow and the pregnancy are read, even where the note names no other complaint.
        recognised = True
    if not recognised and _fever_without_source_age(age):
        temp = stated_temperature(data.chief_complaint)
        if temp is not None and temp > PAEDIATRIC_FEVER_C:
            # "13 mo, temp 39.5 since this afternoon, no cough, no rash": the handbook's own
            # fever without a source at 3-36 months, whose rule below weighs it (ESI 3, or 2
            # with a danger-zone vital). The text, not the measurement, reads it: a higher
            # measured value never makes a complaint read.
            categories.append(BY_KEY["fever"])
            recognised = True
    _older_hip_injury(categories, age, data.chief_complaint)
    _older_chest_infection(categories, age, v)
    _febrile_limp(categories, age, v, data.chief_complaint)
    found += _hip_fracture_in_severe_pain(v, age, categories, data.chief_complaint)
    found += _symptomatic_child_submersion(age, categories, data.chief_complaint)
    found += _infant_irreducible_hernia(age, categories, data.chief_complaint)
    found += _threatened_degloving(categories, data.chief_complaint)
    found += _anticoagulated_torso_injury(categories, data.chief_complaint)
    found += _splenic_injury(data.chief_complaint)
    found += _cleared(categories, age, data.chief_complaint, sex=data.sex)
    count, resource_findings = _resource_findings(categories, recognised, v, age, news2)
    fever = _paediatric_fever(v, age, categories, data.chief_complaint)
    found += resource_findings + _severe_pain(
        v, age, news2, count, categories, recognised, data.chief_complaint
    )
    found += fever + _news2_floors(news2, age)
    # Stable sort: the findings that set the acuity come first, in decision-point order.
    found.sort(key=lambda finding: finding.level)
    return EsiResult(
        acuity=found[0].level,
        reasons=tuple(Reason(f.rule, f.text, f.source) for f in found),
        expected_resources=count,
        resource_types=resource_names(c for category in categories for c in category.resources),
        categories=tuple(sorted(set(categories), key=PRIORITY.__getitem__)),
        febrile_infant=any(f.level == 2 for f in fever),
    )
