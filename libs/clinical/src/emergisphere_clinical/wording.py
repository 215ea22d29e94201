"""How a note is written, rewritten as the lexicon writes it.

Triage abbreviations are expanded ("c/o CP" is "complains of chest pain"), coded lists are
put in natural order ("pain, chest" is "chest pain"), and phrasings that name something
else than they seem are reread ("cold and clammy" is poor perfusion, not a cold). Each
rewrite keeps the meaning; none of them decides anything on its own.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache, lru_cache

# A rewrite is a template ("\\1 pain") or a function of the match.
_Reading = str | Callable[[re.Match[str]], str]

# fmt: off
_ABBREVIATIONS = (
    ("n/v/d", "nausea or vomiting or diarrhoea"), ("n/v", "nausea or vomiting"),
    ("cp", "chest pain"), ("sob", "shortness of breath"), ("loc", "loss of consciousness"),
    ("dib", "difficulty breathing"), ("abd.", "abdominal"), ("abd", "abdominal"),
    ("ams", "altered mental status"),
    ("mvc", "motor vehicle collision"), ("mva", "motor vehicle accident"),
    ("h/a", "headache"), ("ha", "headache"), ("c/o", "complains of"),
    ("f/c", "fever and chills"), ("fb", "foreign body"), ("movt", "movement"),
    ("vag d/c", "vaginal discharge"), ("vaginal d/c", "vaginal discharge"), ("vag", "vaginal"),
    ("lbp", "low back pain"),
    ("+si", "suicidal ideation"),
    ("si/hi", "suicidal or homicidal ideation"), ("ext rotated", "externally rotated"),
    # Costovertebral angle tenderness is a kidney sign, not a stroke (CVA).
    ("cva tenderness", "flank tenderness"), ("cva tender", "flank tenderness"),
    ("cvat", "flank tenderness"), ("n/v/", "nausea or vomiting or "),
    ("spc", "suprapubic catheter"), ("idc", "indwelling urinary catheter"),
    ("glf", "ground level fall"), ("inv inj", "inversion injury"),
    ("inversion inj", "inversion injury"), ("palps", "palpitations"),
    ("soboe", "shortness of breath on exertion"),
    ("rbs", "random blood sugar"), ("grbs", "blood sugar"), ("nwb", "non weight bearing"),
    ("lkw", "last known well"), ("?#", "possible fracture"), ("od", "overdose"),
    ("d+v", "diarrhoea and vomiting"), ("d&v", "diarrhoea and vomiting"),
    # Common misspellings in notes typed at the desk.
    ("unconcious", "unconscious"), ("concious", "conscious"), ("vomitting", "vomiting"),
    ("vommiting", "vomiting"), ("cant", "can't"), ("dont", "don't"), ("wont", "won't"),
    ("doesnt", "doesn't"), ("isnt", "isn't"), ("hasnt", "hasn't"), ("didnt", "didn't"),
    ("#nof", "hip fracture"),
    ("# nof", "hip fracture"), ("crt", "cap refill"), ("w/o", "without"), ("w/", "with"),
    ("unresp", "unresponsive"), ("foosh", "fell on an outstretched hand"),
    # Blood sugar test, as Korean and some other triage records write a glucose check.
    ("bst", "blood sugar"), ("bsl", "blood sugar level"),
    # Ascites tapping, as Korean records abbreviate a paracentesis.
    ("a/tapping", "ascites tapping"),
    # Food poisoning is infectious gastroenteritis, not a toxic ingestion.
    ("food poisoning", "gastroenteritis"),
)
# fmt: on
_EXPANSIONS = dict(_ABBREVIATIONS)
# One pass for all of them, longest first ("n/v/d" before "n/v"): no expansion contains
# another abbreviation, so this reads as applying them one by one, at a fraction of the cost.
# A slash joins two abbreviations ("CP/SOB") but also builds one ("c/o", "n/v"): a piece
# of a slashed pair is expanded only when it is two letters or more.
_ABBREVIATION = re.compile(
    r"(?:(?<![\w/])|(?<=[a-z]{2}/))(?:"
    + "|".join(map(re.escape, sorted(_EXPANSIONS, key=len, reverse=True)))
    + r")(?:(?![\w/])|(?=/[a-z]{2}))"
)
# Coded complaint lists write "pain, chest" for chest pain; read them in natural order.
# Only a whole segment is rewritten, so prose such as "pain, chest is clear" is left alone.
_INVERTED = re.compile(
    r"(?:^|(?<=[.;]))\s*(pain|discomfort|distension|swelling|injury|bleeding|trauma|numbness"
    r"|edema|oedema|foreign body|discharge|mass|lesion|redness|retention|laceration|burn)"
    r",\s*([a-z.]+(?: [a-z]+)?)\s*(?=$|[.;])"
)
# Words that name something else than they seem. "Cold" is a cold (an infection) unless
# it describes skin or a limb (poor perfusion), or an injury (frostbite); a pulseless
# limb is limb ischaemia, not cardiac arrest; hay fever is not a fever; heat stroke is
# not a stroke.
# The pulses of a limb, as notes name them.
_LIMB_PULSE = "(?:radial|pedal|distal|dorsalis pedis|dp|pt|posterior tibial|femoral|popliteal)"
# Words that describe one finding together: "red, hot, swollen", "limp, blue".
_DESCRIBING = (
    "red|hot|warm|swollen|tender|painful|itchy|sore|limp|blue|pale|grey|gray|floppy|mottled"
    "|cool|clammy|sweaty"
)
_BURN = re.compile(r"\b(?:burn|burns|burnt|burned|scald|scalded|hot oil|hot fat|steam|boiling)\b")
_BLISTERED = re.compile(r"(?<!no )(?<!not )\bblister|\bpartial thickness\b")
_NOW_WELL = re.compile(
    r"\bnow (?:looks |seems |appears |is |back to )?(?:well|fine|normal|back to normal|pink"
    r"|(?:his|her) usual self|herself|himself)\b"
)
# Hypoglycaemia treated before arrival and the patient now recovered: the confusion it
# caused is over (JBDS-IP 2023: recovery is glucose above 4 mmol/L and a normal mind).
_HYPO_TREATED = re.compile(
    r"\b(?:glucose gel|glucogel|glucagon|iv glucose|iv dextrose|dextrose|lucozade|hypostop"
    r"|sugary drink|juice|oral glucose)\b"
)
_RECOVERED = re.compile(
    r"\bnow (?:[\w.]+,? ){0,4}?(?:alert|back to (?:normal|baseline|(?:his|her) (?:normal|usual)"
    r"|himself|herself)|orientated|oriented|gcs 15|fully alert|chatting)\b"
)
_STILL_CONFUSED = re.compile(r"\bstill (?:confused|muddled|drowsy|disorientated|disoriented)\b")
_FINGERTIP = re.compile(
    r"\b(?:tip|tips|fingertip|fingertips|pulp)\b(?! of (?:a|the) (?:knife|blade))"
)
# ...unless several digits are off (BSSH: multiple digits are replanted).
_REPLANT = re.compile(r"\b(?:replant\w*|fingertips|tips of (?:his|her) fingers)\b")
_BLOW_TO_MOUTH = re.compile(
    r"\b(?:punched|hit|struck|kicked|elbowed|headbutted|knocked) (?:him |her )?(?:in|on) (?:the )?"
    r"(?:mouth|face|lip|teeth)\b|\btooth knocked out\b|\bknocked out (?:\w+ ){0,3}tooth\b"
)
_ONTO_BACK = re.compile(
    r"\b(?:landed|landing|fell|falling)\b[^.;]{0,40}?\b(?:on|onto) (?:his |her |their )?back\b"
)
# Pain in the back or neck after the fall says the spine took it, as landing on the back does.
# Not denied ("no back or neck pain"), and not after landing on a foot or a heel, where the
# heel took the fall and the back ache is the jolt.
_SPINE_HURT = re.compile(
    r"(?<!no )(?<!no back or )(?<!no neck or )\b(?:back|neck|spine|spinal|thoracolumbar)"
    r" (?:pain|ache|tender\w*|junction)\b"
)
_ONTO_HEEL = re.compile(
    r"\b(?:on|onto|landed) (?:his |her |their |both |the )?(?:right |left |r |l |rt |lt )?"
    r"(?:foot|heels?)\b"
)
_ONTO_FEET = re.compile(r"\b(?:on|onto) (?:his|her|their|both) feet\b")
_DIABETES_CONTEXT = re.compile(
    r"\b(?:diabet\w*|t[12] ?dm|type [12]|insulin|pump|sglt2|\w+gliflozin|bm|bg|bgl|cbg"
    r"|glucose|sugar|dka)\b"
)
_ALLERGEN = re.compile(r"\b(?:allerg\w*|ate|eating|nuts?|peanuts?|stung|sting|hives|itchy|rash)\b")
_HEART_FAILURE = re.compile(
    r"\b(?:heart failure|hf|ccf|chf|legs? (?:more )?swollen|ankles? (?:more )?swollen"
    r"|swollen (?:legs|ankles)|pillows)\b"
)
_SWOLLEN_LIP = (
    r"(?:(?:upper |lower )?lips? (?:is |are |was )?swollen|swollen (?:upper |lower )?lips?"
    r"|(?:upper |lower )?lip swelling)"
)
# "Gout" said, and not denied.
_KNOWN_GOUT = re.compile(r"(?<!never had )(?<!no )\bgout\b")
# Potassium and sodium (mmol/L): the critical values (CAP; Society for Endocrinology
# emergency guidance) and the abnormal ones, as the lexicon names them.
_POTASSIUM_BANDS = (
    (1.0, 2.5, "severe hypokalemia"),
    (2.5, 3.0, "hypokalemia"),
    (5.5, 6.5, "hyperkalemia"),
    (6.5, 12.0, "severe hyperkalemia"),
)
_SODIUM_BANDS = (
    (90.0, 115.0, "severe hyponatremia"),
    # Profound by the number: urgent by its symptoms (European guideline, 2014).
    (115.0, 125.0, "profound hyponatremia"),
    (125.0, 130.0, "hyponatremia"),
    (150.0, 160.0, "hypernatremia"),
    (160.0, 200.0, "severe hypernatremia"),
)


def _electrolyte(name: str, value: float) -> str | None:
    bands = _POTASSIUM_BANDS if name.startswith(("k", "potassium")) else _SODIUM_BANDS
    # The top of the last band is inclusive: "K 12" is still a reading.
    return next(
        (
            reading
            for low, high, reading in bands
            if low <= value < high or value == high == bands[-1][1]
        ),
        None,
    )


_SCALD_OR_BURN = re.compile(r"\b(?:burn|burns|burnt|burned|scald|scalded|scalds)\b")
MAJOR_BURN_PERCENT = 10.0
REFERRED_BURN_PERCENT = 3.0


def _burn_size(percent: float) -> str:
    """A burn's share of the body surface as the lexicon reads it: 10% or more is a major
    burn (ABA), 3% or more one for a burns service's advice (NNBC referral guidance)."""
    if percent >= MAJOR_BURN_PERCENT:
        return "major burn"
    return "burn needing referral" if percent >= REFERRED_BURN_PERCENT else ""


_REREAD: tuple[tuple[tuple[str, ...], re.Pattern[str], _Reading], ...] = (
    (
        ("pulseless",),
        re.compile(
            r"\b(?:cool |cold )?pulseless (?:(?:left|right|lt|rt) )?"
            r"(?:limb|leg|arm|foot|hand|extremity|extremities)\b"
        ),
        "limb ischemia",
    ),
    (("cold",), re.compile(r"\bcold (?:injury|injuries|exposure)\b"), "frostbite"),
    (
        ("cold",),
        re.compile(
            r"\bcold(?= (?:and clammy|and pale|and white|and mottled|sweats?|skin|to (?:the )?touch"
            r"|extremit|peripher|limbs?\b"
            r"|legs?\b|arms?\b|feet\b|foot\b|hands?\b))"
        ),
        "cool",
    ),
    # "Out cold for 2 minutes": unconscious, not a common cold.
    (("cold",), re.compile(r"\b(?:knocked )?out cold\b"), "loss of consciousness"),
    (("hay fever",), re.compile(r"\bhay fever\b"), "allergic rhinitis"),
    # Heat stroke is hyperthermia, not a stroke.
    (("stroke",), re.compile(r"\b(?:heat|sun) stroke\b"), "heatstroke"),
    # "R ankle", "lt knee": the side, spelled out.
    (
        (" r ", " l ", " rt", " lt", " r.", " l."),
        re.compile(
            r"\b(?:(r|rt)|(l|lt))\.? (?=(?:[1-5](?:st|nd|rd|th) )?(?:ankle|knee|wrist|hip|leg"
            r"|arm|hand|foot|shoulder"
            r"|elbow|eye|ear|side|chest|flank|index|ring|middle|thumb|finger|toe|forearm|calf"
            r"|thigh|breast|lower|upper|sided|pelvis|groin|cheek|nostril|testicle|testicular"
            r"|loin|buttock"
            r"|jaw|face|ribs?|forehead|temple|heel|palm|little|knuckle|scalp|eyebrow|brow"
            r"|collarbone|clavicle|iliac|big|knuckle|metacarpal|mcp|abdo|abdomen|abdominal)\b)"
        ),
        lambda m: "right " if m.group(1) else "left ",
    ),
    # "Jammed her ring finger": the finger.
    (
        ("finger", "pinky", "pinkie"),
        re.compile(r"\b(?:(?:index|middle|ring|little|pinky|pinkie|small) finger|pinky|pinkie)\b"),
        "finger",
    ),
    # "The great toe": the toe.
    (("toe",), re.compile(r"\b(?:great|big|little|small|baby) toe\b"), "toe"),
    # "It burns when I wee", "stings when she pees": dysuria, not a burn or a sting.
    (
        ("when",),
        re.compile(
            r"\b(?:it )?(?:burns|stings|hurts|burning|stinging) (?:when|as) (?:i|she|he|they|you)"
            r" (?:wee|pee|urinate|pass urine|go to the toilet)\b"
        ),
        "dysuria",
    ),
    # "Thoughts of not waking up": a passive wish to die, not a patient who will not wake.
    (
        ("waking", "wake"),
        re.compile(
            r"\b(?:thoughts? (?:of|about)|thinks? about|thinking about|wish(?:es|ed)?"
            r" (?:he|she|i|they) (?:wouldn't|would not|didn't|did not))"
            r" (?:just )?(?:not )?wak(?:e|ing)(?: up)?\b"
        ),
        "passive death wish",
    ),
    # "Something flew in my eye".
    (("flew",), re.compile(r"\bsomething flew (?:in|into)\b"), "something in"),
    # "Seizure disorder" names the condition, not a seizure today.
    (("seizure d",), re.compile(r"\bseizure (?:disorder|d/o)\b"), "epilepsy"),
    # "K 7.1", "Na 118": a dangerous potassium or sodium, however it was found; "Na 158",
    # "K 5.9": one to work up.
    (
        ("k ", "k+", "potassium", "na ", "sodium"),
        re.compile(
            r"\b(k\+?|potassium|na\+?|sodium)\s*(?:of |is |was |=|:)?\s*(\d{1,3}(?:\.\d)?)\b"
        ),
        lambda m: _electrolyte(m.group(1), float(m.group(2))) or m.group(0),
    ),
    # "Started a new seizure med": the medicine, not a seizure.
    (
        ("seizure med", "seizure tablet", "anti seizure", "anti-seizure"),
        re.compile(r"\b(?:anti[ -]?)?seizure (?:meds?|medications?|medicines?|tablets?|drugs?)\b"),
        "antiepileptic drug",
    ),
    # "Dialysis Tue/Thu/Sat, missed Saturday": a missed session.
    (
        ("dialysis",),
        re.compile(
            r"(dialysis\b[^.;]{0,60}?)\bmissed (?:his |her )?(?:monday|tuesday|wednesday"
            r"|thursday|friday|saturday|sunday)(?:'s)?\b"
        ),
        r"\1missed dialysis",
    ),
    # A facial palsy that takes in the forehead, with nothing else, is a lower motor neurone
    # (Bell's) palsy: a stroke spares the forehead (NICE CKS, Bell's palsy). Only the face
    # is reread; a weak arm or slurred speech still reads as stroke.
    (
        ("forehead", "brow"),
        re.compile(
            r"\b(?:(?:side of (?:(?:his|her|the) )?)?face (?:is |was |has )?(?:droop\w*|dropped)"
            r"|facial (?:droop\w*|weakness|palsy)|droop\w* (?:of (?:the )?)?face|droopy face)\b"
        ),
        lambda m: "bell's palsy" if _forehead_involved(m.string) else m.group(0),
    ),
    # "Vomited bright red blood", "vomiting dark red blood": haematemesis.
    (
        ("vomit",),
        re.compile(
            r"\bvomit(?:ed|ing)? (?:up )?(?:some |a lot of |lots of |a cupful of )?"
            r"(?:fresh |bright |dark )?(?:red )?blood\b"
        ),
        "vomited blood",
    ),
    # A palm blistered by a burn, or burnt to partial thickness, is a hand burn for a burns
    # service's advice; the back of the hand or a fingertip is not named (NNBC 2012).
    (
        ("palm", "both hands"),
        re.compile(
            r"(?<!size of a )(?<!size of his )(?<!size of her )\b(?:palms?|palmar|both hands)\b"
            r"(?! ?sized?\b)"
        ),
        lambda m: f"{m.group(0)} palm burn" if _burnt_to_blisters(m.string) else m.group(0),
    ),
    # "Bitten by something in the garden": an insect, not an animal.
    (
        ("bitten by",),
        re.compile(
            r"\bbitten by (?:something|an insect|a bug|a spider|a mosquito|a horse ?fly|midges"
            r"|a tick|bugs|insects)\b"
        ),
        "insect bite",
    ),
    # "Went blue and floppy during a feed ... now looks well": an episode that is over, a
    # brief resolved unexplained event (AAP 2016), not a child in respiratory failure now.
    (
        ("went ", "turned ", "goes "),
        re.compile(
            r"\b(?:went|turned|goes) (?:blue|floppy|limp|pale|grey)"
            r"(?: and (?:blue|floppy|limp|pale|grey|stiff))?\b"
        ),
        lambda m: "brief resolved unexplained event" if _NOW_WELL.search(m.string) else m.group(0),
    ),
    (
        ("confused", "muddled", "drowsy"),
        re.compile(r"\b(?:confused|muddled|drowsy)\b"),
        lambda m: "recovered hypo" if _hypo_recovered(m.string) else m.group(0),
    ),
    # "A broken greenhouse pane": broken things are not broken bones.
    (
        ("broken ",),
        re.compile(
            r"\bbroken (?:greenhouse |glass |window |car |wine |beer )?(pane|window|bottle|mirror"
            r"|plate|mug|cup|windscreen|vase|jar|tile|glass|shell|pottery|china|crockery)\b"
        ),
        r"smashed \1",
    ),
    # "Broken lower molar", "skin broken": a damaged tooth and a breached skin.
    (
        ("broken",),
        re.compile(
            r"\bbroken (?:(?:lower|upper|front|back|left|right|l|r) )*(molar|tooth|teeth|filling"
            r"|crown|denture|dentures|fingernail|toenail)\b"
        ),
        r"chipped \1",
    ),
    (("broken",), re.compile(r"\bskin (?:is |was )?broken\b|\bbroken skin\b"), "skin breached"),
    # "Hurt his lower back lifting a couch": a strain, back pain, not a spinal injury.
    (
        ("back ",),
        re.compile(
            r"\b(?:hurt|strained|pulled|tweaked|twisted|injured|jarred) (?:(?:his|her|my|their) )?"
            r"(?:lower |low )?back (?:while |when |after )?(?:lifting|bending|picking|moving"
            r"|carrying)\b"
        ),
        "low back pain after lifting",
    ),
    # "Thumb crushed under a pallet": a crushed digit, not a body trapped under a load.
    (
        ("crushed under",),
        re.compile(r"\b(thumb|finger|fingertip|toe|toes|hand|foot) crushed under\b"),
        r"\1 crushed by",
    ),
    # A "non-gaping" cut has its edges together: no "gaping" left to read as one that does.
    (("non",), re.compile(r"\bnon[ -]?gaping\b"), "edges together"),
    # "Fitting carpet": a trade, not a seizure.
    (
        ("fitting ",),
        re.compile(
            r"\bfitting (?:a |an |the |some |new |his |her )?(carpets?|kitchens?|doors?|windows?"
            r"|boilers?|tiles|shelves|shelf|pipes?|cupboards?|floors?|flooring|lights?"
            r"|bathrooms?|roofs?|fences?|glass|units|wardrobes?|blinds|curtains|skirting|sockets?"
            r"|radiators?|gutters?|tyres?)\b"
        ),
        r"installing \1",
    ),
    # "Electric shock down both arms" after a tackle: a cord symptom, not electrocution.
    (
        ("electric shock",),
        re.compile(
            r"\belectric(?:al)? shocks? (?:sensation )?(?:down|through|into|in)"
            r" (?:both |his |her )?(?:arms|legs)\b"
        ),
        "tingling down both arms",
    ),
    # "Sudden stabbing pain", "abdo pain, stabbing": how a pain feels, not a stab wound.
    (
        ("stabbing",),
        re.compile(r"\bstabbing (pains?|sensation|feeling|headache|ache|chest pain)\b"),
        r"sharp \1",
    ),
    (
        ("stabbing",),
        re.compile(
            r"\b(pain|ache)\b([^.;]{0,30}?)(?<!\ba )(?<!\bthe )\bstabbing\b"
            r"(?! (?:wound|injury|incident|victim|outside))"
        ),
        r"\1\2sharp",
    ),
    # "R forefoot run over by a pallet truck": a foot crushed at walking pace, not a
    # pedestrian run over (a tractor's or a car's wheel stays a major mechanism).
    (
        ("run over",),
        re.compile(
            r"\b(foot|forefoot|toes?|feet|ankle) (?:was |got )?run over by (?:an? |the )?"
            r"(?:[\w-]+ )?(pallet truck|pallet jack|forklift|trolley|cart|wheelchair|bike"
            r"|bicycle|scooter|pushchair|pram|buggy|lawnmower|mower)\b"
        ),
        r"\1 crushed by \2",
    ),
    # "Graze from the arrest", "under arrest": the police's, not the heart's.
    (
        ("arrest",),
        re.compile(
            r"\b(?:under|from(?: the)?|during(?: the| his| her)?|on|after(?: the| his| her)?"
            r"|resisting|resisted|at the time of) arrest\b"
        ),
        "detained by police",
    ),
    # "Pressure in the centre of her chest": central chest pressure.
    (
        ("centre of", "center of", "middle of"),
        re.compile(
            r"\b(pain|pressure|tightness|heaviness|discomfort|ache) in (?:the )?"
            r"(?:centre|center|middle) of (?:the |his |her |my |their )?chest\b"
        ),
        r"central chest \1",
    ),
    # "Blister pack open": a packet of tablets, not a burn's blister.
    (("blister",), re.compile(r"\bblister[- ](?=packs?\b|strips?\b)"), "medicine "),
    # "Found with nan's tablets", "found with gran's amlodipine bottle open": a child who
    # may have taken them.
    (
        ("found with", "found playing with"),
        re.compile(
            r"\bfound (?:playing )?with (?:(?:his|her|their|the|a|an|some|[a-z]+'s) )?"
            r"(?:[a-z]+ )?(?:tablets|pills|medication|medicines?|tabs|(?:bottle|pot|packet)"
            r"(?! of)|blister pack|pill organi[sz]er|dosette)\b"
        ),
        "possible ingestion of tablets",
    ),
    # "Knocked out top front tooth": a knocked-out tooth.
    (
        ("knocked out",),
        re.compile(
            r"\bknocked out (?:(?:his|her|my|a|the|one|an) )?(?:(?:top|upper|lower|bottom"
            r"|front|adult|permanent|incisor|central|left|right) ){1,3}tooth\b"
        ),
        "knocked out tooth",
    ),
    # "Pregnancy test neg", "UPT negative": not pregnant.
    (
        ("neg", "-ve"),
        re.compile(
            r"\b(?:(?:poc |urine |home )?(?:pregnancy|preg) test|upt|(?:urine |serum |poc )?b?hcg)"
            r" (?:is |was )?(?:neg|negative|-ve)\b"
        ),
        "not pregnant",
    ),
    # "Her speech is a bit slurred": slurred speech.
    (
        ("slurred",),
        re.compile(
            r"\b(?:speech|talking|words) (?:is |was |has been |seems |sounds |are |were )?"
            r"(?:a bit |slightly |quite |a little |very |more |now |still )?slurred\b"
        ),
        "slurred speech",
    ),
    # "3 cm forehead lac + haematoma": a head injury, not only a cut.
    (
        ("haematoma", "hematoma"),
        re.compile(
            r"\b(?:forehead|scalp|head|occipital|temple|parietal) (?:lac|laceration|wound|cut)s?"
            r" ?(?:\+|and|with|&) ?(?:a )?(?:haematoma|hematoma)\b"
        ),
        "head haematoma",
    ),
    # "Mild subcostal recession" with a cold or wheeze is the work of breathing the writers
    # grade by its vitals, not the respiratory distress of decision point B.
    (
        ("recession",),
        re.compile(
            r"\b(?:mild|slight|minimal|a little|a bit of) (?:subcostal |intercostal |sternal )?"
            r"recession\b"
        ),
        "mild work of breathing",
    ),
    # "Weak grip because of pain": a painful hand, not a weak one.
    (
        ("grip",),
        re.compile(r"\bweak grip (?:because of|due to|from|with) (?:the )?pain\b"),
        "grip painful",
    ),
    # "Vomited approx a mug of fresh red blood": haematemesis, with its size.
    (
        ("mug", "cup", "bowl", "mouthful"),
        re.compile(
            r"\bvomited (?:up )?(?:approx\.? |about |around |~ ?)?(?:a |half a |two |2 )?"
            r"(?:mug|cup|cupful|bowl|mouthful)s?(?:ful)? of (?:fresh |bright |dark )?(?:red )?"
            r"blood\b"
        ),
        "vomited blood, a cupful",
    ),
    # "Threatened a neighbour with a knife": a danger to others.
    (
        ("threaten",),
        re.compile(
            r"\bthreaten\w* (?:\w+ ){0,3}?with a (?:knife|blade|weapon|bat|machete|gun|hammer)\b"
        ),
        "threatening to hurt someone",
    ),
    # "Low-speed rear-end shunt": a car shunted from behind, not a ventricular shunt.
    (
        ("shunt",),
        re.compile(
            r"\b(?:rear[- ]end|low[- ]speed|minor|slow|small|car park) shunt\b"
            r"|\bshunted (?=from behind\b|at\b|in\b|into\b)"
        ),
        "rear end collision ",
    ),
    # "Haematoma L forehead", "lump on the back of her head": a head injury.
    (
        ("haematoma", "hematoma", "lump", "bump", "egg"),
        re.compile(
            r"\b(?:haematoma|hematoma|lump|bump|egg|swelling) (?:on |to |over |above )?(?:the )?"
            r"(?:back of (?:the |his |her )?)?(?:his |her )?(?:left |right |l |r )?"
            r"(?:forehead|scalp|occiput|temple|head)\b"
        ),
        "head hematoma",
    ),
    # "2nd toe gone dusky/black": a digit's colour, not a cyanosed patient.
    (
        ("dusky",),
        re.compile(
            r"\b(toes?|fingers?|foot|feet|fingertips?|tips?) (?:has |have )?"
            r"(?:gone |turned |is |are |looks )?dusky\b"
        ),
        r"\1 discoloured",
    ),
    # "Wound over R 3rd knuckle": a cut over a knuckle, whichever.
    (
        ("knuckle",),
        re.compile(
            r"\b(?:small )?(?:wound|cut|lac|laceration|graze|puncture) over (?:the |his |her )?"
            r"(?:right |left )?(?:\d(?:st|nd|rd|th) |index |middle |ring |little |small )?knuckle\b"
        ),
        "cut over knuckle",
    ),
    # "Took the tip of his thumb, partial amputation": a fingertip injury, repaired in the
    # department (BSSH fingertip injury standards), not a digit to replant...
    (
        ("amputat",),
        re.compile(r"\b(?:partial |partially |partly )?amputat(?:ed|ion)\b"),
        lambda m: (
            m.group(0)
            if _FINGERTIP.search(m.string) is None or _REPLANT.search(m.string)
            else "fingertip injury"
        ),
    ),
    # "Na 121 (134 three months ago)": an earlier result for comparison, which does not
    # date today's.
    (
        ("ago",),
        re.compile(
            r"\((?:was )?(\d{1,3}(?:\.\d+)?) (?:\w+ ){1,2}?(?:days?|weeks?|months?|years?) ago\)"
        ),
        r"(previously \1)",
    ),
    # "Paracetamol 1g every 3 hrs ... about 8 g a day": more than 4 g in a day is a
    # staggered overdose (MHRA/TOXBASE: treat on the dose, no single level to plot).
    (
        (" g a day", "g/day", " g per day", "grams a day"),
        re.compile(
            r"\b(\d{1,2}(?:\.\d)?) ?(?:g|grams?) (?:a|per) day\b|\b(\d{1,2}(?:\.\d)?) ?g/day\b"
        ),
        lambda m: (
            "too much paracetamol over days"
            if "paracetamol" in m.string and float(m.group(1) or m.group(2)) > 4
            else m.group(0)
        ),
    ),
    # "Trapped L middle fingertip in car door": an injury to it.
    (
        ("trapped",),
        re.compile(
            r"\btrapped (?:his |her |their |my )?(?:left |right |l |r )?(?:index |middle |ring "
            r"|little )?(fingertip|finger|thumb|hand|toe|foot)\b"
        ),
        lambda m: "finger crushed" if m.group(1).startswith("finger") else f"{m.group(1)} injury",
    ),
    # "?PE", "r/o PE": a pulmonary embolism queried (PE alone is also school PE).
    (
        ("?pe", "? pe", "r/o pe", "query pe"),
        re.compile(r"(?:\?\s?|\br/o |\bquery )pe\b"),
        " query pe",
    ),
    # "Always confused" (dementia): the baseline, not new confusion.
    (
        ("always",),
        re.compile(r"\balways (confused|muddled|disorientated|disoriented|forgetful)\b"),
        r"\1 at baseline",
    ),
    # A cold store is a workplace, not a cold.
    (("cold ",), re.compile(r"\bcold (store|storage|room|tap|water|compress|pack)\b"), r"cool \1"),
    (("the cold",), re.compile(r"\b(?:out )?in(?:to)? the cold\b"), "in chilly weather"),
    # "Found in a cold house": an unheated home, a hypothermia risk, not a cold.
    (("cold ",), re.compile(r"\bcold (house|home|flat|bedroom|bungalow)\b"), r"unheated \1"),
    # "Sticky yellow eyes": discharge, not jaundice.
    (
        ("sticky", "gunky", "crusty"),
        re.compile(r"\b(sticky|gunky|crusty) (?:yellow|green) (?=eyes?\b)"),
        r"\1 ",
    ),
    # "Bit his tongue" in a fit is not an animal bite.
    (
        ("bit",),
        re.compile(
            r"\b(?:bitten|bit) (?:(?:his|her|their|my|the) )?(tongue)\b"
            r"|\b(tongue) (?:was )?bitten\b"
        ),
        lambda m: f"{m.group(1) or m.group(2)} bite",
    ),
    # "Thinks the neighbours are poisoning his food": a persecutory belief, not a poisoning.
    (
        ("poison",),
        re.compile(r"\b(?:is|are|were|was|been|keeps|kept) (?:trying to )?poison(?:ing)?\b"),
        "paranoid beliefs",
    ),
    # "Platelets 14": below 50 x 10^9/L is a thrombocytopenia for haematology (BSH 2017).
    (
        ("platelet", "plt"),
        re.compile(r"\b(?:platelets?|plts?)(?: count)?\s*(?:of |is |was |=|:)?\s*(\d{1,3})\b"),
        lambda m: "low platelets" if int(m.group(1)) < 50 else m.group(0),
    ),
    # "INR 8.2": above 8 on warfarin, vitamin K is given, IV if there is any bleeding (BSH
    # 2011, warfarin guideline); the INR is still read as an abnormal result.
    (
        ("inr",),
        re.compile(r"\binr\s*(?:of |is |was |=|:)?\s*(\d{1,2}(?:\.\d)?)\b"),
        lambda m: f"{m.group(0)} over 8" if float(m.group(1)) > 8 else m.group(0),
    ),
    # "Adjusted calcium 3.3": above 2.6 mmol/L is hypercalcaemia to treat (Society for
    # Endocrinology emergency guidance, 2016).
    (
        ("calcium", "ca "),
        re.compile(
            r"\b(?:(?:adjusted|corrected|adj|corr) )?(?:calcium|ca)\s*(?:of |is |was |=|:)?"
            r"\s*([1-4]\.\d{1,2})\b"
        ),
        lambda m: "hypercalcaemia" if float(m.group(1)) > 2.6 else m.group(0),
    ),
    # "W/urination": with.
    (("w/",), re.compile(r"\bw/(?=[a-z])"), "with "),
    # "Haemodialysis pt, missed Mon + Wed sessions": the sessions missed are dialysis.
    (
        ("missed",),
        re.compile(
            r"\bmissed (?:(?:his|her|their|my|last|two|2|3|both) )?"
            r"(?:[a-z]{3} (?:\+|and|&) [a-z]{3} )?sessions?\b"
        ),
        lambda m: "missed dialysis" if re.search(r"dialysis|\bhd\b", m.string) else m.group(0),
    ),
    # "Swollen R hand", "bruised L hip": the joint or limb named after its side.
    (
        ("swollen", "bruised"),
        re.compile(
            r"\b(swollen|bruised) (?:right |left )?(hand|wrist|ankle|knee|foot|finger|toe|elbow"
            r"|shoulder|thumb|hip|calf)\b"
        ),
        lambda m: f"{m.group(2)} {'swelling' if m.group(1) == 'swollen' else 'injury'}",
    ),
    # "Took her morning amlodipine twice": a dose taken twice by mistake (the medicine
    # kept, for the ones with a narrow margin).
    (
        ("twice",),
        re.compile(
            r"\btook (?:(?:his|her|my|their) )?(?:morning |evening |night )?([a-z]+) twice\b"
        ),
        r"\1, took it twice",
    ),
    # "Dropped a 25 kg bag of rock salt on L foot": an injury to what it landed on.
    (
        ("dropped",),
        re.compile(
            r"\bdropped (?:a |an |the )?[\w -]{1,40}? on (?:(?:left|right) )?"
            r"(foot|toe|hand|finger|ankle|thumb)\b"
        ),
        r"\1 injury",
    ),
    # "R forearm sore", "sore L wrist": pain in that part.
    (
        ("sore",),
        re.compile(
            r"\b(?:sore (?:(?:left|right) )?(wrist|ankle|knee|forearm|elbow|shoulder|thumb|foot)"
            r"|(wrist|ankle|knee|forearm|elbow|shoulder|thumb|foot) (?:is )?sore)\b"
        ),
        lambda m: f"{m.group(1) or m.group(2)} pain",
    ),
    # A broken bottle or window is glass, not a fracture.
    (
        ("broken",),
        re.compile(
            r"\bbroken (?:(?:pint|wine|beer|drinking|champagne) )?"
            r"(bottle|glass|window|mirror|plate)\b"
        ),
        r"\1 shard",
    ),
    # A named limb whose pulses are weak or cannot be felt: its circulation is failing ("her
    # foot is pale and no pulses can be felt", "radial pulse weak"). A limb and plural or
    # named pulses, so a cardiac arrest's "no pulse" is never read as a limb.
    (
        ("pulse", "palpable"),
        re.compile(
            r"\b(foot|feet|leg|legs|arm|hand|elbow|wrist|ankle|knee|limb|shin|toes)\b"
            r"[^.;]{0,50}?\b(?:"
            rf"{_LIMB_PULSE} pulses? (?:is |are )?(?:weak|absent|faint|thready)"
            rf"|(?:weak|absent|faint) {_LIMB_PULSE} pulses?"
            rf"|(?:cannot|can't|unable to) (?:feel|find|palpate) (?:a |the |his |her )?"
            rf"{_LIMB_PULSE}(?: (?:or|and|&) {_LIMB_PULSE})? pulses?"
            r"|no (?:palpable |pedal |distal )?pulses|no pulses can be (?:felt|found|palpated)"
            rf"|no {_LIMB_PULSE} (?:or|and) {_LIMB_PULSE} pulses"
            rf"|(?:{_LIMB_PULSE} )?pulses? (?:not|no longer) (?:palpable|felt|present)"
            rf"|{_LIMB_PULSE} (?:and|or|&) {_LIMB_PULSE} (?:pulses )?(?:not|no longer)"
            r" (?:palpable|felt|present)"
            r"|pulses (?:cannot|can't|could not|couldn't) be (?:felt|found|palpated))"
        ),
        r"\1 limb ischemia",
    ),
    # A named limb pulse that is missing, wherever the limb was named: "no radial pulse
    # palpable", "R radial pulse not palpable", "can't find dorsalis pedis".
    (
        ("radial", "pedal", "pedis", "tibial", "popliteal"),
        re.compile(
            r"\bno (?:palpable )?(?:radial|pedal|dorsalis pedis|posterior tibial|popliteal)"
            r" pulses?(?: (?:palpable|felt|present|found))?\b"
            r"|\b(?:radial|pedal|dorsalis pedis|posterior tibial|popliteal) pulses? (?:is |are )?"
            r"(?:not|no longer) (?:palpable|felt|present)\b"
            r"|\b(?:cannot|can't|unable to|could not|couldn't) (?:feel|find|palpate) (?:a |the |his"
            r" |her )?(?:radial|pedal|dorsalis pedis|posterior tibial|popliteal)(?: pulses?)?\b"
        ),
        "limb ischemia",
    ),
    # "Pain moving his elbow", "pain when lifting her arm": pain in that part.
    (
        ("moving", "bending", "lifting", "raising"),
        re.compile(
            r"\bpain (?:when |on |with |while )?(?:moving|bending|lifting|raising) "
            r"(?:(?:her|his|my|their|the) )?(?:(?:left|right) )?(knee|ankle|wrist|hand|foot|leg"
            r"|arm|shoulder|hip|neck|elbow|finger|toe|thigh|thumb|back|head|jaw)\b"
        ),
        r"\1 pain",
    ),
    # "Guarding his left wrist": an injury to it.
    (
        ("guarding",),
        re.compile(
            r"\bguarding (?:(?:her|his|their|the|my) )?(?:(?:left|right) )?(wrist|arm|ankle"
            r"|knee|hand|shoulder|leg|elbow|foot)\b"
        ),
        r"\1 injury",
    ),
    # "Three weeks after delivering her first baby", "day 6 postnatal": post partum.
    (
        (
            "deliver",
            "gave birth",
            "giving birth",
            "natal",
            "svd",
            "nvd",
            "lscs",
            "section",
            "caesarean",
            "cesarean",
        ),
        re.compile(
            r"\b(?:(?:\w+ )?(?:days?|weeks?)|day \d{1,2}) (?:after|since) (?:a |her |the )?"
            r"(?:normal |vaginal |uncomplicated |caesarean |cesarean )?(?:delivering|delivery"
            r"|giving birth|she gave birth|the birth|c[- ]?section)\b|\bpost ?natal\b"
            # "Day 5 post SVD", "post LSCS": after a vaginal or caesarean delivery.
            r"|\b(?:post|after)[- ](?:a |her )?(?:normal |vaginal )?(?:svd|nvd|lscs|c[- ]?section"
            r"|caesarean|cesarean|delivery)\b"
            # "Gave birth 5 days ago".
            r"|\b(?:gave birth|delivered) \d{1,2} (?:days?|weeks?) ago\b"
        ),
        "post partum",
    ),
    # "Fender bender": a minor collision.
    (("fender",), re.compile(r"\bfender bender\b"), "minor collision"),
    # "Sore upper back", "sore neck": pain there.
    (
        ("sore ",),
        re.compile(r"\bsore (?:upper |lower )?(back|neck|shoulder|knee|wrist|ankle|hip)\b"),
        r"\1 pain",
    ),
    # "Somethings in my eye", "something's in my eye".
    (("something",), re.compile(r"\bsomething(?:'s| is|s) in\b"), "something in"),
    # "Elbowed in the chest": a chest injury.
    (
        ("hit", "struck", "punched", "kicked", "elbowed"),
        re.compile(
            r"\b(?:hit|struck|punched|kicked|elbowed)(?: (?:me|him|her|them))? (?:in|to) "
            r"(?:the |his |her |my )?(?:(?:left|right) )?(?:chest|ribs)\b"
        ),
        "chest injury",
    ),
    # Trimming nails or hair is not a laceration ("unable to cut his own toenails").
    (
        ("cut",),
        re.compile(
            r"\bcut(?:ting)? (?:(?:my|his|her|their|your) )?(?:own )?"
            r"((?:toe|finger)?nails?|hair)\b"
        ),
        r"trim \1",
    ),
    # "Hit me right in the eye", "punched in the face": the blow and where it landed.
    (
        ("hit", "struck", "punched", "poked", "kicked", "elbowed"),
        re.compile(
            r"\b(hit|struck|punched|poked|kicked|elbowed)(?: (?:me|him|her|them))?"
            r"(?: right| multiple times| several times| repeatedly| twice)? (?:in|to) (?:the )?"
            r"(eye|face|nose|mouth|jaw|head)\b"
        ),
        r"\1 \2",
    ),
    # "Struck his forehead on the kerb": the lexicon names the blow without the owner.
    (
        ("struck",),
        re.compile(r"\bstruck (?:his|her|their|my) (forehead|head|face)\b"),
        r"struck \1",
    ),
    # "Something in my eye", "a foreign body sensation in her left eye", "grit in the eye".
    (
        (" eye",),
        re.compile(
            r"\b(?:foreign body(?: sensation)?|something|sand|dirt|grit|dust|metal)"
            r"(?: in| of)? (?:the |her |his |my |their |your )?(?:(?:left|right|lt|rt|l|r) )?"
            r"eyes?\b"
        ),
        "foreign body in eye",
    ),
    # "Tugging at her left ear": ear pain in a child who cannot say it.
    (
        ("tugging", "pulling"),
        re.compile(
            r"\b(?:tugging|pulling)(?: at)? (?:the |her |his |their |my )?"
            r"(?:(?:left|right|lt|rt|l|r) )?ears?\b"
        ),
        "tugging ear",
    ),
    # "A bead stuck in his nose", "a pea in her ear".
    (
        ("nose", "nostril", "ear"),
        re.compile(
            r"\b(?:an? )?(?:(?:small|tiny|plastic|metal) )?(?:bead|pea|bean|button|toy|object"
            r"|stone|pebble|peanut|crayon|eraser|something|insect|bug|cotton bud(?: tip)?"
            r"|cotton swab(?: tip)?|q tip)(?: stuck)?"
            r"(?: \w+){0,2}? (?:up |in |into |inside )(?:the |her |his |my |their |your )?"
            r"(?:(?:left|right|lt|rt|l|r) )?(nose|nostril|ear)\b"
        ),
        r"foreign body in the \1",
    ),
    # A wound already repaired is a wound check, not a new laceration ("sutures removed
    # from a forehead laceration repaired 7 days ago").
    (
        ("repaired", "sutured", "stitched", "stapled", "closed", "glued"),
        re.compile(
            r"\b(?:laceration|lac|cut|wound)(?:\s+\w+){0,2}?\s+(?:(?:that|which) was\s+)?"
            r"(?:repaired|repair|sutured|stitched|stapled|closed|glued|placed)\b"
        ),
        "repaired wound",
    ),
    # "Swollen wrist" as the lexicon writes it, "wrist swelling"; "red, hot, swollen" as
    # one description, so the commas do not split it.
    (
        ("swollen",),
        re.compile(
            r"\bswollen,? (?:and )?(?:painful |tender )?(?:(?:right|left) )?(wrist|ankle|knee|elbow"
            r"|finger|toe|foot|hand|shoulder)\b"
        ),
        r"\1 swelling",
    ),
    (
        tuple(f"{word}," for word in _DESCRIBING.split("|")),
        re.compile(rf"\b({_DESCRIBING})\s*,\s*(?:and\s+)?(?=(?:{_DESCRIBING})\b)"),
        r"\1 ",
    ),
    # A hot, swollen big toe in known gout is the gout, not a cellulitis; a hot knee stays
    # a joint to tap (NICE CKS, gout).
    (
        ("gout",),
        re.compile(
            r"\b((?:big )?toe),? (?:is |was )?(?:red hot (?:and )?swollen|hot (?:and )?swollen"
            r"|red (?:and )?hot)\b"
        ),
        lambda m: f"{m.group(1)} gout flare" if _KNOWN_GOUT.search(m.string) else m.group(0),
    ),
    # ... and the end of such a list: "red, hot and swollen" reads "red hot swollen".
    (
        (" and ",),
        re.compile(rf"\b((?:{_DESCRIBING}) (?:{_DESCRIBING})) and (?=(?:{_DESCRIBING})\b)"),
        r"\1 ",
    ),
    # "A painful forearm" as the lexicon writes it, "forearm pain".
    (
        ("painful",),
        re.compile(
            r"\bpainful (?:(?:left|right|lt|rt) )?(wrist|ankle|knee|elbow|finger|toe|foot"
            r"|hand|shoulder|hip|arm|forearm|leg|thigh|heel|calf|neck|back)\b"
        ),
        r"\1 pain",
    ),
    # "Her speech was slurred", "his right arm was 'not working'": the stroke signs as the
    # lexicon writes them.
    (
        ("slurred",),
        re.compile(r"\bspeech (?:(?:was|is|became|seems|sounds) )?slurred\b"),
        "slurred speech",
    ),
    (
        ("working",),
        re.compile(
            r"\b(arm|leg|hand|side)\s+(?:was|is|has been|isn't|wasn't)?\s*[\"'\u201c]?"
            r"(?:not|isn't|wasn't)? ?working[\"'\u201d]?"
        ),
        r"\1 weakness",
    ),
    # "Took about 30 acetaminophen 500 mg tablets": an overdose. Five tablets or more at
    # once; "took 2 paracetamol" is a dose.
    (
        ("took", "taking", "taken", "swallowed"),
        re.compile(
            r"\b(?:took|taking|taken|swallowed) [\"'\u201c]?"
            r"(?:about |around |approximately |approx\.? |over |maybe |~)?(\d+)"
            r"[\"'\u201d]? (?:[\w.']+ ){0,4}?(?:tablets|pills|capsules|tabs|caps|paracetamol"
            r"|acetaminophen|tylenol|panadol|ibuprofen|advil|motrin|aspirin|benadryl|xanax"
            r"|valium|oxycodone|codeine|tramadol|sertraline|amitriptyline|lithium|propranolol"
            r"|amlodipine|diazepam|quetiapine|citalopram|fluoxetine|mirtazapine|zopiclone"
            r"|pregabalin|gabapentin|metformin|naproxen|atenolol|bisoprolol)\b"
        ),
        lambda m: "took too many pills" if int(m.group(1)) >= 5 else m.group(0),
    ),
    # Capillary refill is a perfusion sign, not a prescription refill: 3 seconds or more is
    # prolonged (PALS).
    (
        ("refill",),
        re.compile(
            r"\b(?:(?:prolonged|delayed|sluggish) cap(?:illary)? refill(?: time)?"
            r"|cap(?:illary)? refill(?: time)?(?: of| is| was)? ?(?:>|greater than )?\s*"
            r"(?:[3-9]|\d\d)(?:\.\d+)?(?: ?(?:-|to) ?\d+)? ?(?:s|sec|secs|seconds)\b)"
        ),
        "prolonged capillary filling",
    ),
    (("refill",), re.compile(r"\bcap(?:illary)? refill\b"), "capillary filling"),
    # "Has been having a generalized tonic-clonic seizure for the past 6 minutes": ongoing.
    (
        ("having",),
        re.compile(
            r"\b(?:is|has been|been|currently|still|now) having (?:an? )?(?:[\w-]+ ){0,3}?"
            r"seizures?\b"
        ),
        "having a seizure",
    ),
    # "Fell onto her right shoulder", "came off his bike onto his knee": an injury to what
    # she landed on.
    (
        ("fell", "landed", "came off"),
        re.compile(
            r"\b(fell|landed|came off)((?: \w+){0,3}?) (?:on|onto) (?:(?:her|his|my|their|the) )?"
            r"(?:(?:left|right|lt|rt) )?(wrist|ankle|knee|elbow|hand|shoulder|hip|arm|head"
            r"|face|foot|leg)\b"
        ),
        # The word between is kept: "fell yesterday" still dates the fall.
        r"\1\2 \3 injury",
    ),
    # "Went over on her right ankle", "a box dropped on his foot", "caught her finger in a
    # door", "kneed in the thigh": an injury to the part named.
    (
        ("went over", "dropped on", "caught", "trapped", "shut", "slammed", "kneed", "kicked"),
        re.compile(
            r"\b(?:went over on|dropped on|caught|trapped|shut|slammed|kneed in|kicked in"
            r"|kicked on) (?:(?:her|his|my|their|the) )?(?:(?:left|right) )?"
            r"(?:(?:middle|index|ring|little) )?(ankle|foot|toe|finger|fingers|thumb|hand|thigh"
            r"|knee|shin|leg)\b"
        ),
        r"\1 injury",
    ),
    # "Kicked on R lateral thigh by a cow": an injury to that part.
    (
        ("kicked",),
        re.compile(
            r"\bkicked (?:on|in) (?:the )?(?:(?:left|right|l|r) )?"
            r"(?:lateral |medial |outer |inner )(thigh|shin|leg|knee|ankle|foot|hand|arm)\b"
        ),
        r"\1 injury",
    ),
    # "Finger white, no cap refill": a digit without circulation.
    (("refill",), re.compile(r"\bno (?:cap|capillary) refill\b"), "capillary filling absent"),
    # "Handcuffed at arrest" in a police note is the detention, not a cardiac arrest.
    (
        ("arrest",),
        re.compile(
            r"\b(police|custody|handcuff\w*|detain\w*|officers?)([^.;]{0,80}?)"
            r"\b(?:at|since|during|on|after|before|under|resisting) arrest\b"
        ),
        r"\1\2 at detention",
    ),
    # "Hasn't eaten or drunk", "not drunk much": drinking fluids, not intoxication.
    (
        ("drunk",),
        re.compile(
            r"\b(?:eaten|eat|eating) (?:or|and|nor) drunk\b|\bdrunk (?=anything\b|much\b"
            r"|very little\b|little\b|enough\b|since\b)"
        ),
        lambda m: "eaten or had fluids" if m.group(0).startswith("eat") else "had fluids ",
    ),
    # A limb that went cold or white is its circulation, not a cold.
    (
        ("cold",),
        re.compile(
            r"\b(leg|legs|arm|arms|foot|feet|hand|hands|limb|finger|fingers|toe|toes)"
            r"((?: (?:suddenly|now|is|feels|went|was|became|very|icy|white|pale|and))*) cold\b"
        ),
        r"\1\2 cool",
    ),
    # "His foot hurts": pain there; "pain and swelling in my lower leg": both.
    (
        ("hurts", "pain and swelling in"),
        re.compile(
            r"\b(foot|knee|ankle|wrist|hand|arm|leg|hip|shoulder|elbow|finger|toe|back|neck"
            r"|chest|head|stomach|belly|tummy|ear|eye|throat) (?:really |still )?hurts\b"
            r"|\bpain and swelling in (?:the |his |her |my )?(?:(?:left|right|lower|upper) )*"
            r"(leg|arm|foot|hand|knee|ankle|calf|wrist)\b"
        ),
        lambda m: f"{m.group(1)} pain" if m.group(1) else f"{m.group(2)} swelling and pain",
    ),
    # Record templates: what follows "PMH:", "Meds:" or "All:" up to the next heading is
    # history, a medication or an allergy, item by item ("PMH: CAD s/p CABG, CHF, prior
    # CVA. Meds: apixaban. All: PCN (hives)."), not today's complaint.
    (
        (":",),
        re.compile(
            r"\b(pmh|psh|past medical history|past surgical history|medical history|meds"
            r"|medications|current medications|all|allergies|sh|social history|fh"
            r"|family history)\s*:\s*(.*?)(?=\s*\b(?:cc|hpi|ros|pmh|psh|meds|medications|all"
            r"|allergies|sh|fh|vs|vitals|pain|assessment|plan|pe|exam|imms|wt|weight|lmp"
            r"|o/e)\s*:|\.(?:\s|$)|$)"
        ),
        lambda m: (
            f"{m.group(1)}: "
            + ", ".join(f"history of {item.strip()}" for item in re.split(r"[,;]", m.group(2)))
        ),
    ),
    # "Post-stroke", "post MI": the event is past history.
    (("post",), re.compile(r"\bpost[- ](stroke|cva|mi)\b"), r"history of \1"),
    # "Stubbed his left 4th toe", "banged shin", "bent thumb back": an injury to that part.
    (
        (
            "stubbed",
            "banged",
            "bumped",
            "bent",
            "jammed",
            "knocked",
            "bashed",
            "whacked",
            "hit",
            "crushed",
        ),
        re.compile(
            r"\b(?:stubbed|banged|bumped|bent|jammed|knocked|bashed|whacked|hit|crushed)"
            # "Ring finger", "pinky" and "great toe" are already "finger" and "toe" here.
            r"(?: (?:her|his|my|their|the|tip of|left|right|l|r|\d\w*))* (finger|fingers|thumb"
            r"|toe|toes|hand|wrist|ankle|foot|knee|shin|elbow|shoulder|thigh)\b"
        ),
        r"\1 injury",
    ),
    # "Finger slammed in a car door", "a tin of beans dropped on her foot".
    (
        ("slammed", "caught in", "trapped in", "shut in", "crushed in", "dropped"),
        re.compile(
            r"\b(finger|fingers|thumb|hand|toe|foot)(?: \w+){0,2}? (?:slammed|caught|trapped"
            r"|shut|crushed) in\b|\bdropped(?: \w+){1,4}? on (?:(?:her|his|my|their|the) )?"
            r"(?:(?:left|right) )?(foot|toe|toes|hand|finger|fingers)\b"
        ),
        lambda m: f"{m.group(1) or m.group(2)} injury",
    ),
    # "20 x 400 mg", "took 14 x sertraline 50 mg": a pill count by strength; five or
    # more tablets at once is an overdose until shown otherwise.
    (
        ("x ",),
        re.compile(r"\b(\d{1,3}) ?x (?:[a-z]+ )?\d+(?:\.\d+)? ?(?:mg|mcg|g)\b"),
        lambda m: "took too many pills" if int(m.group(1)) >= 5 else m.group(0),
    ),
    # "Hb 78 g/L", "Hb 6.2": a haemoglobin below 100 g/L (10 g/dL) is anaemia to work up.
    (
        ("hb",),
        re.compile(r"\bhb:? (?:of )?(\d{1,3}(?:\.\d)?)(?: ?g/l| ?g/dl)?\b"),
        lambda m: (
            "low hb" if float(m.group(1)) < (10 if float(m.group(1)) < 25 else 100) else m.group(0)
        ),
    ),
    # "Choked on a peanut 3 days ago", "choked on a lego piece 2 hrs ago, now fine": the
    # episode has passed; an inhaled foreign body is looked for. Choking on food and
    # drink is a swallowing problem. Neither is an airway obstructed now.
    (
        ("chok",),
        re.compile(
            r"\bchok(?:ed|ing) on (?:a |an |some |his |her )?[\w-]+(?: [\w-]+){0,3}?"
            r"(?: at [\w ]{1,20}?)? (?:\d+ (?:days?|hours?|hrs?|weeks?|mins?|minutes?) ago"
            r"|yesterday|last (?:night|week))\b(?![^.;]{0,40}\b(?:still|now|cannot|can't)"
            r" (?:breathe|breathing|speak|talk|cough))"
            r"|\bchoking on (?:food|drinks|fluids|liquids|food and drinks|her food|his food)\b"
        ),
        lambda m: (
            "dysphagia"
            if m.group(0).startswith("choking on")
            and re.search(r"food|drink|fluid|liquid", m.group(0))
            and "ago" not in m.group(0)
            else "possible inhaled foreign body"
        ),
    ),
    # "Stridor only when crying", "no stridor at rest": croup without distress.
    (
        ("stridor",),
        re.compile(
            r"\bstridor (?:only )?(?:when|if) (?:crying|upset|agitated|distressed|(?:he|she) cries"
            r"|(?:he|she) is upset)\b"
            r"|\bno stridor at rest\b"
        ),
        "croup noise when upset",
    ),
    # "Ache in R testicle": an ache there.
    (
        ("ache in",),
        re.compile(
            r"\bache in (?:(?:the|his|her|my) )?(?:(?:left|right|l|r) )?(testicle|testis|ear|tooth"
            r"|back|knee|hip|shoulder|chest|stomach|tummy|belly)\b"
        ),
        r"\1 ache",
    ),
    # "Lump in R groin when crying": a groin lump (an inguinal hernia in a baby).
    (
        ("groin",),
        re.compile(r"\blump in (?:(?:the|his|her|my) )?(?:(?:left|right|l|r) )?groin\b"),
        "groin lump",
    ),
    # "Shoulder painful", "knee very painful": pain there.
    (
        ("painful",),
        re.compile(
            r"\b(shoulder|knee|ankle|wrist|elbow|hip|foot|hand|arm|leg|finger|toe|neck|back)"
            r" (?:is |very |really |quite )?painful\b"
        ),
        r"\1 pain",
    ),
    # "Tender right lower ribs": rib pain.
    (
        ("tender",),
        re.compile(r"\btender (?:over )?(?:the )?(?:(?:left|right) )?(?:lower |upper )?ribs?\b"),
        "rib pain",
    ),
    # "Won't use her left arm": a toddler's pulled elbow or a fracture.
    (
        ("won't", "will not", "not us", "not mov", "refuses to"),
        re.compile(
            r"\b(won't|will not|not|refuses to) (use|move|using|moving) (?:(?:her|his|their|the) )?"
            r"(?:(?:left|right) )?arm\b"
        ),
        "won't use arm",
    ),
    # "Limp + mottled", "N/V + fever": a plus between findings is "and".
    (("+",), re.compile(r"(?<=\w) \+ (?=\w)"), " and "),
    # "Swallowed a quarter": a coin.
    (
        ("swallow",),
        re.compile(
            r"\bswallowed (?:a |an )?(?:[\w-]+ ){0,2}?(?:quarter|penny|dime|nickel|coin|coins)\b"
        ),
        "swallowed a coin",
    ),
    # "33/40": weeks of gestation, as obstetric notes write it.
    (("/40",), re.compile(r"\b([1-4]?\d)/40\b"), r"\1 weeks pregnant"),
    # "G1 34wks", "34 weeks pregnant": a pregnancy of that many weeks.
    (
        ("wk", "week"),
        re.compile(r"\bg\d+\s*(?:p\d+\s*)?,?\s*(?:at\s+|@\s*)?(\d{1,2})\s*(?:wks?|weeks?)\b"),
        r"\1 weeks pregnant",
    ),
    # "Positive home preg test", "+HPT": she is pregnant; the test is done.
    (
        ("positive", "+hpt", "+upt", "hcg"),
        re.compile(
            r"\bpositive (?:home )?(?:preg|pregnancy) test\b|(?<!\w)\+ ?(?:hpt|upt)\b"
            r"|\b(?:urine )?hcg (?:positive|\+ve|\+)|\bpositive (?:urine )?hcg\b"
        ),
        "pregnant",
    ),
    # "+ve home test", "home test positive": pregnant, and the test asked about is done.
    (
        ("home test",),
        re.compile(
            r"(?:\+ ?ve|\bpositive) home tests?\b"
            r"|\bhome (?:preg(?:nancy)? )?test (?:was |is )?(?:positive|\+ ?ve)"
        ),
        "pregnant, pregnancy test",
    ),
    # "Blood ketones 4.2" in a diabetic: 3.0 mmol/L or more is ketoacidosis until shown
    # otherwise (JBDS-IP 2021), with or without a high glucose. Without diabetes or a
    # glucose reading it is the ketosis of a child who has not eaten, not DKA.
    (
        ("ketone",),
        re.compile(r"\bketones:? (\d{1,2}(?:\.\d+)?)(?! ?\+)\b"),
        lambda m: (
            "ketones high"
            if float(m.group(1)) >= 3.0 and _DIABETES_CONTEXT.search(m.string)
            else m.group(0)
        ),
    ),
    # "36 weeks G2", "36 wks, fell onto her bump": weeks of a pregnancy, where the note is
    # about one (an infant's age in weeks never comes with these words).
    (
        ("wk", "week"),
        re.compile(
            r"\b([1-4]?\d)\s*(?:wks?|weeks?)\b(?! pregnant| ago| old)(?=[^.;]{0,80}\b(?:g\d|gravida"
            r"|primip|multip|bump|fetal|foetal|fetus|movements|contractions|tightenings|labour"
            r"|labor|waters|uterus|fundal|placenta|pv bleed|bleeding pv|midwife"
            r"|(?:first|second|third|1st|2nd|3rd) baby)\b)"
        ),
        lambda m: f"{m.group(1)} weeks pregnant" if 4 <= int(m.group(1)) <= 42 else m.group(0),
    ),
    # "Into the tyre wall at about 80 mph": a crash at 60 mph or more is a high-speed one
    # (Canadian C-spine rule's dangerous mechanism: over 100 km/h, Stiell 2001).
    (
        ("mph",),
        re.compile(r"\b(?:at |about |approx |approximately |around |~)*(?:[6-9]\d|1\d\d) ?mph\b"),
        "high speed",
    ),
    # "7 weeks by dates", "26F, 36 weeks, headache": a gestation, counted from the last
    # period, or given straight after a woman's age (opening the note or a handover's
    # colon) as a pregnancy's is.
    (
        ("wk", "week"),
        re.compile(r"\b([1-4]?\d)\s*(?:wks?|weeks?) by (?:dates|lmp|scan)\b"),
        r"\1 weeks pregnant",
    ),
    (
        ("wk", "week"),
        re.compile(
            r"(^|: )(\s*[1-5]\d\s*(?:f|yo f|y/o f|y/o female|year old woman),?\s*)([1-4]?\d)\s*"
            r"(?:wks?|weeks?)\b(?! pregnant| ago| old| post| of| since| after)"
        ),
        lambda m: (
            f"{m.group(1)}{m.group(2)}{m.group(3)} weeks pregnant"
            if 4 <= int(m.group(3)) <= 42
            else m.group(0)
        ),
    ),
    # "Baby not moving as much": movements felt less often, not absent.
    (
        ("as much",),
        re.compile(r"\b(?:not moving|hasn't moved|has not moved|not kicking) as much\b"),
        "moving less",
    ),
    # "Fell forward onto her bump": a blow to the pregnant abdomen.
    (
        ("bump",),
        re.compile(r"\b(?:onto|on|to|into|hit|kicked|punched) (?:her|the|my) bump\b"),
        "abdominal trauma in pregnancy, pregnant",
    ),
    # "34+2 weeks": weeks and days of gestation.
    (("+",), re.compile(r"\b([1-4]?\d)\+[0-6]\s*(?:weeks?|wks?|/40)?"), r"\1 weeks pregnant"),
    # "1 mm ST depression V4-V6": an ECG finding, not a mood.
    (
        ("st ",),
        re.compile(r"\bst(?: segment)? (?:depression|elevation|changes)\b"),
        "ischaemic ecg changes",
    ),
    # "Swelling of upper lip, now spreading to tongue": the angioedema the lexicon names.
    (
        ("swelling of", "spreading to"),
        re.compile(
            r"\b(?:swelling of|spreading to|spread to)(?: the| his| her| my)?(?: upper| lower)?"
            r" (lip|tongue)s?\b"
        ),
        r"\1 swelling",
    ),
    # "Sudden severe occipital headache": the thunderclap headache, wherever it is felt.
    (
        ("sudden",),
        re.compile(
            r"\bsudden(?: onset)?,? (?:severe|excruciating|explosive|intense|very bad)"
            r"(?: \w+){0,2}? headache\b"
        ),
        "sudden severe headache",
    ),
    # "Her lips and tongue are swollen", "toe is swollen": the swelling, as the lexicon
    # writes it.
    (
        ("swollen",),
        re.compile(
            r"\b(lips?|tongue|throat|face|eyes?|toe|finger|ankle|knee|wrist|hand|foot|leg|arm"
            r"|cheek|jaw|chin|nose|eyelid|elbow|shoulder|thumb)"
            r"(?: and (lips?|tongue|throat|face))?(?: (?:is|are|was|were|got|became|looks?))?"
            r"(?: (?:very|really|so|quite|massively|hugely))?"
            r" (?:(red|hot|warm) )?(?:(?:bruised|tender|painful|purple) and )?swollen\b"
        ),
        # A red or hot swelling keeps its colour: it may be an infection.
        lambda m: (
            (f"{m.group(3)} " if m.group(3) else "")
            + " and ".join(
                f"{part.rstrip('s') if part == 'lips' else part} swelling"
                for part in (m.group(1), m.group(2))
                if part
            )
        ),
    ),
    # "Swallowed one of those little round batteries": a battery.
    (
        ("batter",),
        re.compile(r"\bswallowed\b[^.;]{0,40}?\bbatter(?:y|ies)\b"),
        "swallowed a battery",
    ),
    # "Not yet rolling", "non-mobile": a baby who cannot move on its own (a word without
    # "not", so that the negation rules leave what follows alone).
    (
        ("not", "non"),
        re.compile(
            r"\b(?:not yet (?:rolling|crawling|mobile|walking)|not (?:rolling|crawling|mobile)"
            r"(?: yet)?|non[ -]?mobile|not independently mobile)\b"
        ),
        "premobile infant",
    ),
    # "Spots that don't fade under a glass": a non-blanching rash (without the "not").
    (
        ("fade", "fading"),
        re.compile(
            r"\b(?:spots|rash|marks|dots)\b[^.;]{0,30}?\b(?:don't|do not|doesn't|does not"
            r"|won't|not) fad(?:e|ing)\b"
        ),
        "non blanching rash",
    ),
    # "Swallowed a few of his brother's magnet balls": magnets. One magnet alone is an
    # ordinary swallowed object; two or more attract across bowel walls (NASPGHAN 2012).
    (
        ("magnet",),
        re.compile(r"\bswallow(?:ed)?\b[^.;]{0,50}?\bmagnet(?:s|ic)?\b"),
        lambda m: (
            "swallowed an object"
            if m.group(0).endswith("magnet")
            and re.search(r"\b(?:few|several|some|two|three|\d+|balls?|beads?)\b", m.group(0))
            is None
            else "swallowed magnets"
        ),
    ),
    # "Vomited three times, bright green": bilious vomiting.
    (
        ("green",),
        # Not across a denial: "projectile vomiting, not green" stays non-bilious.
        re.compile(
            r"\bvomit\w*\b(?:(?!\b(?:not|no|non)\b)[^.;]){0,40}?\b(?:bright |dark )?green\b"
        ),
        "green vomiting",
    ),
    # "Hand cold and pale": a cool limb, not a cold (the infection).
    (
        ("cold",),
        re.compile(
            r"\b(hands?|feet|foot|legs?|arms?|limbs?|fingers?|toes?)\s+(?:is |are |was |were "
            r"|feels? |feel )?cold\b"
        ),
        r"cool \1",
    ),
    # "38.4 at home", "101 at home": a fever measured at home.
    (
        ("at home",),
        re.compile(r"\b(?:3[89]|4[01]|10[0-5])(?:\.\d+)?\s*(?:°|˚)?\s*[cf]?\s+at home\b"),
        "fever at home",
    ),
    # "Missed his last two sessions" of dialysis.
    (
        ("dialysis",),
        # Sessions are dialysis only where dialysis is named, before or in the phrase.
        re.compile(
            r"(dialysis\b[^.;]{0,60}?)?\bmissed (?:his |her |their |my )?(?:last )?"
            r"(?:two |2 |three |3 |several )?(?:(?:monday|tuesday|wednesday|thursday|friday"
            r"|saturday|sunday|today's|yesterday's)(?:'s)? )?(?(1)(?:dialysis )?|dialysis )"
            r"(?:sessions?|runs?|treatments?)\b"
        ),
        lambda m: f"{m.group(1) or ''}missed dialysis",
    ),
    # "Seizure in the triage chair that is still going": ongoing.
    (
        ("seizure",),
        re.compile(r"\bseizure\b[^.;]{0,50}?\bstill (?:going|ongoing|continuing|happening)\b"),
        "still seizing",
    ),
    # "My back's been sore": back pain.
    (
        ("sore", "hurting", "aching"),
        re.compile(
            r"\b(back|neck|knee|shoulder|hip|wrist|ankle|foot|arm|leg|chest|stomach|head|ear)"
            r"(?:'s| is| has| have)?(?: been)? (?:really |very |so )?(?:sore|hurting|aching)\b"
        ),
        r"\1 pain",
    ),
    # "Minor MVC", "low-speed rear-end": a minor collision, not a trauma mechanism.
    (
        ("minor", "low speed", "low-speed", "slow speed", "fender"),
        re.compile(
            r"\b(?:minor|low speed|low-speed|slow speed|fender bender)\s+"
            r"(?:rear end\s+|rear-end\s+)?(?:motor vehicle collision|motor vehicle accident"
            r"|collision|car accident|accident|crash)\b"
        ),
        "minor collision",
    ),
    # From 20 weeks a bleed is an antepartum haemorrhage (RCOG Green-top 63).
    (
        ("pregnant",),
        re.compile(r"\b(\d{1,2}) weeks pregnant\b"),
        lambda m: f"{m.group(0)} late pregnancy" if int(m.group(1)) >= 20 else m.group(0),
    ),
    # "Scald to chest and abdomen approx 12%": a burn's percentage is of the body surface.
    (
        ("%",),
        re.compile(
            r"\b(?:burn|burns|burnt|burned|scald|scalded|scalds)\b[^%]{0,80}?\b(?:chest|abdomen"
            r"|back|arms?|legs?|thighs?|face|trunk|body|hands?|feet|buttocks)\b[^.;%]{0,30}?"
            r"(?<![\d.])(\d{1,3}(?:\.\d)?)\s*%(?! ?(?:tbsa|bsa|body surface))"
        ),
        lambda m: f"{m.group(0)} {_burn_size(float(m.group(1)))}".rstrip(),
    ),
    # "Scald to chest and arm, about 3 palm-sizes": the patient's palm, fingers included, is
    # about 1% of the body surface at any age (NNBC; Lund and Browder).
    (
        ("palm",),
        # A blistered "palm" reads as a palm burn first.
        re.compile(
            r"\b(\d{1,2}) (?:of (?:his|her|their) )?palm(?: palm burn)?[ -]?(?:sizes?|prints?)\b"
        ),
        lambda m: (
            f"{m.group(0)} {_burn_size(float(m.group(1)))}".rstrip()
            if _SCALD_OR_BURN.search(m.string)
            else m.group(0)
        ),
    ),
    # "~20% TBSA": 10% of the body surface or more is a major burn (ABA criteria).
    (
        ("%",),
        re.compile(r"(?<![\d.])(\d{1,3}(?:\.\d)?)\s*% ?(?:tbsa|bsa|body surface(?: area)?)\b"),
        lambda m: _burn_size(float(m.group(1))) or m.group(0),
    ),
    # "Fell about 20 feet": more than 10 feet is a fall from height (CDC field triage 2021).
    (
        ("feet", "ft", "meter", "metre", " m ", "m ", "m,", "m."),
        # The height may come later in the clause after a word of estimate: "fell from the
        # ladder, est 3.5 m" (not "fell in the garden, 80M").
        re.compile(
            # An ordinal ("from the 1st floor window") is not the height.
            r"\b(?:fell|fallen|fall|falling)\b(?: |(?:[^.;,\d]|\d(?:st|nd|rd|th)\b){0,40}?,?"
            r"[^.;\d]{0,20}?"
            r"(?=(?:about|approximately|approx|around|~|over|est|estimated|roughly)\b|~))"
            r"(?:about |approximately |approx\.? ?|around |~ ?|over |est\.? |estimated"
            r" |roughly )?(\d{1,3}(?:\.\d)?)(?: ?(?:-|to) ?\d{1,3}(?:\.\d)?)? ?"
            r"(feet|foot|ft|meters?|metres?|m)\b"
        ),
        lambda m: (
            f"{m.group(0)} fall from height"
            if _fall_from_height(float(m.group(1)), m.group(2), m.string)
            else m.group(0)
        ),
    ),
    # Intensifiers between a body part and its state: "my breast is so sore" reads as
    # "breast is sore", "eyes are all red" as "eyes are red".
    (
        (" so ", " very ", " really ", " all ", " quite ", " extremely "),
        re.compile(r"\b(is|are|feels|feel) (?:so|very|really|all|quite|extremely) "),
        r"\1 ",
    ),
    # A lip swollen by a blow is an injury, not angioedema: "hit in the mouth by a swing,
    # lip swollen".
    (
        ("lip",),
        re.compile(
            r"\b((?:hit|punched|struck|kicked|elbowed|headbutted|head butted|fell|knocked)\b"
            rf"[^.;]*?)\b{_SWOLLEN_LIP}\b"
        ),
        r"\1fat lip",
    ),
    # ... in another sentence of a note about a blow to the mouth, with no allergen.
    (
        ("lip",),
        re.compile(rf"\b{_SWOLLEN_LIP}\b"),
        lambda m: (
            "fat lip"
            if _BLOW_TO_MOUTH.search(m.string) and not _ALLERGEN.search(m.string)
            else m.group(0)
        ),
    ),
    # "Can't lie flat" with heart failure or swollen legs is orthopnoea, not an airway that
    # needs the patient sitting forward.
    (
        ("lie flat",),
        re.compile(r"\b(?:can't|cannot|unable to) lie flat\b"),
        lambda m: "orthopnoea" if _HEART_FAILURE.search(m.string) else m.group(0),
    ),
    # "Front tooth pushed back and wobbly": a loose tooth, not a weak patient.
    (("wobbly",), re.compile(r"\b(tooth|teeth)\b([^.,;]*?)\bwobbly\b"), r"\1\2loose"),
    # "Hurt his L wrist saving a shot", "fell onto R wrist": an injury to it; "swelling
    # over the wrist": its swelling.
    (
        ("hurt", "injured", "onto", "jarred", "jammed"),
        re.compile(
            r"\b(?:hurt|injured|jarred|jammed|fell onto|landed onto|fell on) (?:(?:his|her|my|their"
            r"|the) )?(?:(?:left|right) )?(wrist|ankle|knee|elbow|shoulder|hand|foot|finger"
            r"|thumb|toe|hip|arm|leg)\b"
        ),
        r"\1 injury",
    ),
    # "Fell off the bunk bed, R forearm painful and swollen": after a fall or blow, a sore
    # limb is its injury.
    (
        ("painful", "sore", "tender"),
        re.compile(
            r"\b((?:fell|fall|tripped|slipped|landed|twisted|knocked|kicked|trapped)\b[^.;]*?)"
            r"\b((?:left |right )?(?:forearm|wrist|ankle|knee|elbow|shoulder|hand|foot|finger"
            r"|thumb|toe|arm|leg|shin|hip)) (?:is |was |feels )?(?:painful|sore|tender)\b"
        ),
        r"\1\2 injury",
    ),
    (
        ("swelling over",),
        re.compile(
            r"\bswelling over (?:(?:his|her|my|their|the) )?(?:(?:left|right) )?(wrist|ankle"
            r"|knee|elbow|shoulder|hand|foot|finger|thumb|toe)\b"
        ),
        r"\1 swelling",
    ),
    # "Creatinine 298": a kidney injury to work up (above 200 umol/L, or 2.3 mg/dL).
    (
        ("creatinine", "creat "),
        re.compile(r"\b(?:creatinine|creat)\s*(?:of |is |was |=|:)?\s*(\d{1,4}(?:\.\d)?)\b"),
        lambda m: (
            "raised creatinine"
            if float(m.group(1)) >= 200 or 2.3 <= float(m.group(1)) < 20
            else m.group(0)
        ),
    ),
    # "Fell off the climbing frame onto L arm", "slipped on ice onto outstretched R hand":
    # an injury to what it landed on.
    (
        ("onto",),
        re.compile(
            r"\b((?:fell|fallen|falling|landed|landing|slipped|tripped|jumped|came down)\b"
            r"[^.;]{0,50}?)\bonto (?:(?:his|her|my|their|the|an?) )?(?:outstretched )?"
            r"(?:(?:left|right) )?(wrist|ankle|knee|elbow|shoulder|hand|foot|finger|thumb|toe"
            r"|hip|arm|leg|heel)\b"
        ),
        r"\1\2 injury",
    ),
    # "Left her levothyroxine and amlodipine at home": medicines to replace.
    (
        ("left ",),
        re.compile(
            r"\bleft (?:his|her|my|their) (?:[a-z]+ ){0,3}(?:(?:and|&) [a-z]+ )?"
            r"(?:at home|behind)\b"
        ),
        "left medication at home",
    ),
    # "Wheezy and tight chest" in asthma is bronchospasm, not possible ACS.
    (
        ("tight",),
        re.compile(
            r"\b(wheez\w*)(?: and| &| \+|,)? (?:a )?(?:tight chest|chest tightness"
            r"|chest (?:feels |is )?tight)"
            r"|\b(?:tight chest|chest tightness|chest (?:feels |is )?tight)(?: and| &| \+|,)?"
            r" (wheez\w*)"
        ),
        lambda m: f"{m.group(1) or m.group(2)} and bronchospasm",
    ),
    # "It burns passing urine": dysuria, not a burn.
    (
        ("burns", "stings"),
        re.compile(r"\b(?:it )?(?:burns|stings) (?:on |when |to )?pass(?:ing)? urine\b"),
        "dysuria",
    ),
    # "Felt hot and dizzy first": the warning of a faint, not a fever.
    (
        ("felt hot", "feeling hot", "felt really hot"),
        re.compile(
            r"\bfel(?:t|ling) (?:really |very )?hot(?:,| and| &)? (?:and )?(?:sweaty|dizzy|sick"
            r"|nauseous|faint|lightheaded|light headed|clammy|with tunnel vision)\b"
        ),
        "felt faint",
    ),
    # "Old CVA": a past stroke (never "80 year old with slurred speech").
    (
        ("old ",),
        re.compile(
            r"(^|[(,;:]\s*|\b(?:an?|his|her|pmh|hx|and|with|known) )old (cva|stroke|mi|infarct"
            r"|tia)\b"
        ),
        r"\1history of \2",
    ),
    # "Hot & swollen": and.
    ((" & ",), re.compile(r" & "), " and "),
    # The shorthand signs: "-CP -SOB" denies chest pain and breathlessness, "+SOB" affirms
    # it. A sign counts only when it opens a word; "x-ray", "10-15" and "strep -ve" stay
    # as they are. "+" ends a denial as a comma does ("-CP +SOB").
    (("-",), re.compile(r"(?<![\w/.%)+-])-(?=[a-z])(?!ve\b)"), "no "),
    (("+",), re.compile(r"(?<![\w/.%)+-])\+(?=[a-z])(?!ve\b)"), ", "),
)
# "Pain 0/10" records the absence of pain.
_NO_PAIN = re.compile(r"\bpain(?: score)?:? (?:is |of )?0 ?(?:/|out of) ?10\b")
# "twisted my ankle", "hit his head", "rolled right ankle": read as "twisted ankle",
# "hit head", "rolled ankle".
_POSSESSIVE = re.compile(
    r"\b(twisted|sprained|injured|hurt|rolled|banged|bumped|hit|cut|broke|burned|burnt"
    r"|jammed|tweaked|strained|stubbed)"
    r" (?:(?:my|his|her|their|your)(?: (?:right|left))?|right|left) "
)
# "pain in the wrist", "pain in my chest": read as "wrist pain", "chest pain".
# "pain on knee" too, but only for a body part: "pain on exertion" must stay as it is.
_PAIN_IN = re.compile(
    # "Pain in R lower tummy" keeps its side and position: "right lower tummy pain".
    # Not a place or a time: "pain in the hot tub", "pain in a maths lesson", "pain in the
    # night".
    # "Pain in L side of chest": "left chest pain".
    r"\bpain in (?:the )?((?:left|right) )side of (?:(?:the|his|her|my) )?(chest|abdomen|tummy"
    r"|head|neck)\b"
    r"|\bpain in (?:(?:the|his|her|my|their|your) )?"
    r"(?!(?:the|his|her|my|their|your|a|an|hot|morning|night|evening|afternoon|shower|bath"
    r"|pool|sea|water|car|garden|gym|queue|street|past|class|lesson|school|work|bed)\b)"
    r"((?:(?:left|right|lower|upper) )*[a-z]+(?: wall)?)\b"
    r"|\bpain (?:(?:in|on|at) (?:the |his |her |my |their |your )?|(?=(?:left|right) ))"
    r"(?:(?:left|right) )?(knee|ankle|wrist|hand|foot"
    r"|leg|arm|shoulder|hip|neck|elbow|finger|toe|thigh|back|chest|abdomen|head)\b"
)


# Quotation marks around the patient's words ("throat feels 'a little tight'"), not the
# apostrophes inside words.
_QUOTES = re.compile(r"[\"\u201c\u201d]|(?<!\w)'|'(?!\w)")


_FOREHEAD_INVOLVED = re.compile(
    r"\bforehead (?:is |was |also |too |as well )*(?:affected|involved|flat|weak|not moving)"
    r"|\b(?:can't|cannot|can not|unable to|not able to|couldn't|won't) (?:[\w']+ ){0,4}?"
    r"(?:wrinkle|raise|lift|move|frown)\b[^.;]{0,25}?\b(?:forehead|brow|eyebrow)"
    r"|\b(?:including|involving|incl) (?:the )?(?:forehead|brow)|\bforehead involvement"
)
_FOREHEAD_SPARED = re.compile(
    r"\bforehead spar|\bspar\w* (?:of )?(?:the )?forehead"
    r"|\b(?:no|not|without) forehead"
)


def _fall_from_height(height: float, unit: str, text: str) -> bool:
    """More than 10 feet (CDC field triage 2021); a fall of about 3 m (10 feet) counts
    when the patient landed on the back or has back or neck pain after it, the spine
    taking the impact (NICE NG41: a fall from over 1 m is a dangerous mechanism for the
    spine), not the feet."""
    feet = height * (3.28 if unit.startswith("m") else 1)
    if feet > 10:
        return True
    hurt = _SPINE_HURT.search(text) is not None and _ONTO_HEEL.search(text) is None
    spine = _ONTO_BACK.search(text) is not None or hurt
    return feet >= 9.8 and spine and _ONTO_FEET.search(text) is None


def _hypo_recovered(text: str) -> bool:
    return (
        _HYPO_TREATED.search(text) is not None
        and _RECOVERED.search(text) is not None
        and _STILL_CONFUSED.search(text) is None
    )


def _burnt_to_blisters(text: str) -> bool:
    return _BURN.search(text) is not None and _BLISTERED.search(text) is not None


def _forehead_involved(text: str) -> bool:
    return _FOREHEAD_SPARED.search(text) is None and _FOREHEAD_INVOLVED.search(text) is not None


# "CP" is cerebral palsy, not chest pain, in a note about a child with complex needs.
_COMPLEX_NEEDS = re.compile(
    r"\b(?:g[ -]?tube|gtube|peg|gastrostomy|trach\w*|shunt|wheelchair|nonverbal|non[ -]verbal"
    r"|spastic"
    r"|developmental|seizure disorder|cerebral palsy"
    # or a child "with CP": "2 yo girl with CP, sticky eyes".
    r"|(?:yo|girl|boy|child|son|daughter|toddler) with cp)\b"
)
_CP = re.compile(r"(?<![\w/])cp(?![\w/])")


# One assessment reads the same note several times (the complaints, then each rule's
# co-terms); a small cache normalises it once. Small on purpose: it holds note text.
@lru_cache(maxsize=32)
def normalise(text: str) -> str:
    text = _QUOTES.sub("", text.lower().replace("\u2019", "'"))
    if "cp" in text and _COMPLEX_NEEDS.search(text):
        text = _CP.sub("cerebral palsy", text)
    text = reread(_ABBREVIATION.sub(lambda m: _EXPANSIONS[m.group(0)], text))
    text = _INVERTED.sub(lambda m: f" {m.group(2)} {m.group(1)}", text)
    text = _NO_PAIN.sub("no pain", text)
    text = _PAIN_IN.sub(lambda m: f"{''.join(g for g in m.groups() if g)} pain", text)
    text = _POSSESSIVE.sub(lambda m: f"{m.group(1)} ", text)
    return re.sub(r"\s+", " ", text.replace("-", " ")).strip()


_Cue = tuple[str, tuple[int, ...]]


@cache
def _cue_index() -> tuple[dict[str, tuple[_Cue, ...]], tuple[_Cue, ...]]:
    """Each rereading cue with the places of the rereadings it starts, filed by its first
    three characters (the shorter cues apart): a note's own three-character runs then name
    the few cues worth a plain substring test, far cheaper than a pattern scan per
    rereading, and most notes hold none."""
    places: dict[str, list[int]] = {}
    for place, (cues, _, _) in enumerate(_REREAD):
        for cue in cues:
            places.setdefault(cue, []).append(place)
    by_start: dict[str, list[_Cue]] = {}
    short: list[_Cue] = []
    for cue, found in places.items():
        filed = by_start.setdefault(cue[:3], []) if len(cue) >= 3 else short
        filed.append((cue, tuple(found)))
    return {start: tuple(cues) for start, cues in by_start.items()}, tuple(short)


def _due(text: str, start: int) -> list[int]:
    by_start, short = _cue_index()
    runs = {text[i : i + 3] for i in range(len(text) - 2)}
    candidates = [*short, *(cue for run in runs for cue in by_start.get(run, ()))]
    return sorted({p for cue, places in candidates if cue in text for p in places if p >= start})


def reread(text: str, *, every: bool = False) -> str:
    """The rereadings applied to lower-case text in order; each is tried only where its
    cue occurs in the text as it stands by then (most notes need none of them), or, with
    ``every``, all of them."""
    # A space in front lets a cue such as " r " match at the start of the note too.
    text = " " + text
    if every:
        for _, pattern, reading in _REREAD:
            text = pattern.sub(reading, text)
        return text[1:]
    due = _due(text, 0)
    while due:
        place = due.pop(0)
        _, pattern, reading = _REREAD[place]
        read = pattern.sub(reading, text)
        if read != text:
            # A rereading can write a later one's cue, or remove it.
            text, due = read, _due(read, place + 1)
    return text[1:]
