"""Chief-complaint categories: what each presentation means for ESI triage.

Tiers follow the ESI v4 handbook (AHRQ 2012): LIFE_SAVING presentations meet decision
point A, HIGH_RISK ones decision point B; STANDARD ones are triaged on the resources
(decision point C) an ED typically needs for them. The list order is clinical priority:
it decides the follow-up specialty when a complaint matches several categories.

To grow the lexicon, add a category or a phrase; the matcher needs no change.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import IntEnum

from emergisphere_clinical import sources
from emergisphere_clinical.resources import Resource

LABS, ECG, XRAY = Resource.LABS, Resource.ECG, Resource.XRAY
IMAGING, FLUIDS, MEDS = Resource.ADVANCED_IMAGING, Resource.IV_FLUIDS, Resource.PARENTERAL_MEDS
CONSULT, PROCEDURE = Resource.CONSULT, Resource.SIMPLE_PROCEDURE
COMPLEX = Resource.COMPLEX_PROCEDURE


class Tier(IntEnum):
    LIFE_SAVING = 1
    HIGH_RISK = 2
    STANDARD = 3


# Compared and hashed by identity: each category is one row of the table below, and
# field-by-field comparison was most of the matcher's time.
@dataclass(frozen=True, slots=True, eq=False)
class ComplaintCategory:
    key: str
    label: str
    tier: Tier
    specialty: str
    resources: frozenset[Resource]
    phrases: tuple[str, ...]
    actions: tuple[str, ...] = ()
    infection: bool = False  # counts as suspected infection for the NEWS2 sepsis prompt
    requires_any: tuple[str, ...] = ()  # co-terms that must also be affirmed in the text
    source: str = ""  # the published rule behind a high-risk category, if more specific
    history_counts: bool = False  # a known condition is the risk ("history of sickle cell")


# The factory and table are hand-aligned, one category per call; the formatter would
# triple their length.
# fmt: off
def _cat(key: str, label: str, tier: Tier, specialty: str, resources: tuple[Resource, ...],
         phrases: str, *, actions: tuple[str, ...] = (), infection: bool = False,
         requires_any: str = "", source: str = "",
         history_counts: bool = False) -> ComplaintCategory:
    """Phrases are '|'-separated so the table below stays one line per idea."""
    co_terms = tuple(requires_any.split("|")) if requires_any else ()
    return ComplaintCategory(key, label, tier, specialty, frozenset(resources),
                             tuple(phrases.split("|")), actions, infection, co_terms, source,
                             history_counts)


A, B, S = Tier.LIFE_SAVING, Tier.HIGH_RISK, Tier.STANDARD
# Shared by the intoxication categories, so the three read alcohol the same way.
_INTOXICATED = "intoxicated|intoxication|drunk|drunken|etoh"
_ALCOHOL_SMELL = "smells of alcohol|smell of alcohol|alcohol smell"
_DRINKS = "vodka|whiskey|whisky|beer|soju|liquor|bottles of wine|bottle of wine|cider|lager"
# A hernia that will not go back in, whatever else it does.
_IRREDUCIBLE = (
    "won't go back in|irreducible hernia|incarcerated hernia|can't push it back"
    "|cannot push it back|hasn't gone back in|won't pop back"
)
# Breast pain, read alone and, with a fever, as mastitis.
_BREAST_PAIN = (
    "breast pain|sore breast|breast is sore|breasts are sore|breast soreness"
    "|breast tenderness|tender breast|breast swelling|swollen breast"
)

CATEGORIES: tuple[ComplaintCategory, ...] = (
    # Decision point A: intubated, apnoeic, pulseless, severe respiratory distress,
    # unresponsive (handbook chapter 3).
    _cat("cardiac_arrest", "cardiac arrest", A, "critical_care", (LABS, ECG, MEDS, COMPLEX),
         "cardiac arrest|pulseless|no pulse|cpr|code blue|arrest"
         "|can't find a pulse|cannot find a pulse|no pulse found", actions=("resuscitation",)),
    # Breathing support already under way is itself a life-saving intervention (chapter 3:
    # bag-valve-mask ventilation, intubation).
    _cat("respiratory_failure", "apnoea or severe respiratory distress", A, "critical_care",
         (LABS, XRAY, MEDS, COMPLEX),
         "not breathing|apnea|apnoea|apneas|apnoeas|apneic|apnoeic|respiratory arrest|agonal"
         "|intubated|silent cough|clutching throat|clutching her throat|clutching his throat"
         "|can't make any noise|cannot make any noise|can't make a sound|cannot make a sound"
         "|severe respiratory distress|choking|bagging|being bagged|bag valve mask"
         "|bag mask ventilation|bvm|gurgling respirations|gurgling breathing|snoring"
         "|respirations|airway compromise|gasping|gasps|agonal breathing|voice sounds wet"
         # BTS/SIGN 2019: a silent chest is life-threatening asthma.
         "|silent chest|nearly silent chest|quiet chest"
         "|wet voice|gurgly"
         "|gurgling when she breathes|gurgling when he breathes|gurgling when breathing"
         "|back blows started|giving back blows|back blows being given"
         "|abdominal thrusts started"
         "|can't cough effectively|cannot cough effectively|ineffective cough"
         "|attempted abdominal thrusts"
         "|bag mask|needed bag mask"
         "|can't cry or cough|can't cough or cry|cannot cry or cough"
         "|ineffective effort"
         "|neck stoma blocked|segment of chest wall"
         "|paradoxical movement", actions=("airway_support",)),
    # Smoke exposure with airway signs: airway injury needing early intubation (ATLS).
    _cat("inhalation_injury", "smoke inhalation with signs of airway injury", A,
         "critical_care", (LABS, XRAY, MEDS, COMPLEX),
         "smoke|smoke inhalation|inhalation injury|house fire|burning building|fire|ammonia"
         "|anhydrous|chlorine|toxic gas|chemical fumes|fireball|flash burn|flared up"
         "|flare up|flash fire|went up in flames|burst into flames|flames",
         requires_any="hoarse|hoarseness|hoarse voice|stridor|singed|soot|carbonaceous"
         "|croaky|noisy breathing|coughing up black|black sputum"
         "|nasal hairs"
         "|facial burns|facial burn", actions=("airway_support",),
         source=sources.INHALATION_INJURY),
    # Chapter 3 lists electrical therapy (defibrillation, emergent cardioversion, external
    # pacing) among the life-saving interventions.
    _cat("electrical_therapy", "emergency electrical therapy (pacing or cardioversion)", A,
         "cardiology", (LABS, ECG, MEDS, COMPLEX),
         "externally pacing|external pacing|externally paced|transcutaneous pacing"
         "|transcutaneously paced|emergent cardioversion|defibrillated"
         "|have pacing ready",
         actions=("resuscitation",)),
    # AVPU P or U: responds at best to pain (chapter 3, unresponsive).
    _cat("unresponsive", "unresponsiveness", A, "critical_care", (LABS, IMAGING, MEDS),
         "unresponsive|unconscious|unrousable|does not respond to voice"
         "|doesn't respond to voice|not responding to voice|no response to voice"
         "|responds only to pain|responsive only to pain|withdraws to pain"
         "|only withdraws|localizes to pain|localises to pain|responds to pain only"
         "|moaning to pain|moans to pain|groans to pain|only moaning|only to sternal rub"
         "|groans to sternal rub|moans to sternal rub|not rousing|not rousable"
         "|only responding to pain|responding to pain only"
         "|responds to sternal rub|doesn't respond to pain|does not respond to pain"
         "|not responding|not responsive"
         "|not responding to pain|no response to pain|unresponsive to pain"
         "|not waking|can't wake|cannot wake|unable to wake|floppy, not crying"
         "|floppy and not crying|limp, not crying|not crying, floppy|no breathing effort"
         "|opens eyes to pain|only opens eyes to pain|eyes open to pain|eyes open to pain only"
         "|only responds to pain"
         "|responding only to painful stimuli"
         "|only grunts to sternal rub|grunts to sternal rub|grunts to pain|only grunts to pain",
         actions=("glucose_check",)),
    _cat("unrecordable_bp", "a blood pressure that cannot be recorded", A, "critical_care",
         (LABS, FLUIDS, MEDS),
         "bp unrecordable|blood pressure unrecordable|unrecordable bp|bp not recordable"
         "|blood pressure not recordable|unrecordable blood pressure",
         actions=("resuscitation",), source=sources.UNRECORDABLE_BP),
    _cat("active_seizure", "an ongoing seizure", A, "neurology", (LABS, IMAGING, MEDS),
         "status epilepticus|actively seizing|seizing|still seizing|having a seizure"
         "|fitting|having a fit|still fitting|actively fitting|jerking all four limbs"
         "|jerking all limbs|still jerking|rhythmic jerking|convulsing"
         "|seizure in progress|ongoing seizure|continuous seizure"
         "|seizure won't stop|fit won't stop|won't stop fitting|won't stop seizing"
         "|seizing won't stop", actions=("glucose_check",)),
    # Decision point B: high-risk situations named in the handbook's chapter 4.
    _cat("acs", "chest pain suggestive of acute coronary syndrome", B, "cardiology",
         (LABS, ECG, XRAY),
         "chest pain|chest tightness|chest pressure|chest discomfort|crushing chest"
         "|angina|heart attack|myocardial infarction|stemi|pressure in my chest"
         "|sitting on my chest|sitting on his chest|sitting on her chest|weight on my chest"
         "|weight on his chest|weight on her chest|pressure in chest|pressure in his chest"
         "|pressure in her chest|tightness in my chest|tightness in his chest"
         "|tightness in her chest|tightness in chest"
         "|pain in my chest|pain in his chest|pain in her chest|pain in the chest"
         "|pain centre of chest|pain in centre of chest|pain centre of the chest"
         "|chest heaviness|heavy chest|heaviness in my chest|heaviness in his chest"
         "|heaviness in her chest|heaviness in the chest|ischaemic ecg changes|tight chest"
         "|chest feels tight|chest is tight|chest feels heavy|chest felt heavy|chest is heavy"
         "|someone sitting on it|band round my chest|band around my chest"
         "|pain across upper chest|pain across his chest|pain across her chest"
         "|pain across the chest|pain across chest|upper chest pain"
         "|twinges in left chest|twinges in right chest|twinge in chest|chest twinges"
         "|twinges in chest|twinges in his chest|twinges in her chest"
         "|central pressure|central chest pressure"
         "|cheast pain"
         "|crushing band|band across chest|band across his chest|band across her chest"
         "|band across my chest|crushing pain in chest|crushing pain in his chest"
         "|crushing pain in her chest"
         "|pain central chest|burning pain central chest"
         "|central chest burning"
         "|retrosternal tightness|retrosternal pressure|retrosternal discomfort"
         "|retrosternal ache|retrosternal heaviness|retrosternal burning pain"
         "|chest's been tight|chest has been tight|chest been tight|chest's been heavy"
         "|chest has been heavy"
         "|tightness across chest|tightness across his chest|tightness across her chest"
         "|tightness across the chest|tight across the chest|tight across his chest"
         "|tight across her chest"
         "|jaw and left arm|aching jaw and left arm|jaw and left arm pain"
         "|jaw and left arm ache|left arm and jaw pain|ache in jaw and left arm"
         "|heavy feeling in the middle of his chest|heavy feeling in the middle of her chest"
         "|heavy feeling in his chest|heavy feeling in her chest|heavy feeling in the chest"
         "|heavy feeling in the middle of the chest"
         "|chest when she walks|chest when he walks|upper chest when she walks"
         "|upper chest when he walks|ache in her upper chest when she walks"
         "|ache in his upper chest when he walks"
         "|tightness in the chest"
         "|chest ache|pain behind breastbone|pain behind the breastbone"
         "|pain behind his breastbone|pain behind her breastbone",
         actions=("ecg_within_10_min",)),
    _cat("stroke", "signs of stroke", B, "neurology", (LABS, ECG, IMAGING),
         "stroke|facial droop|face droop|facial drooping|slurred speech|slurring"
         "|face drooping|face is drooping|drooping face|mouth drooping|droopy face|arm weak"
         "|leg weak|arm is weak|leg is weak|speech jumbled|jumbled speech|words come out wrong"
         "|sided weakness|slurred speach|last known well|face drooped|face had drooped"
         "|words were slurred|words slurred|words are slurred"
         "|words coming out wrong|face lopsided|lopsided face|lopsided smile|hand clumsy"
         "|clumsy hand|arm clumsy"
         "|one sided weakness|unilateral weakness|arm weakness|leg weakness|hemiparesis"
         "|aphasia|difficulty speaking|trouble speaking|tia|vision loss|loss of vision"
         "|suddenly couldn't see|couldn't see out of|sudden blindness|dysarthria|side weakness"
         "|facial palsy|facial weakness"
         # AHA/ASA warning signs: sudden numbness of the face, arm or leg, one side.
         "|arm numbness|leg numbness|face numbness|facial numbness|one sided numbness"
         "|unilateral numbness|side numbness|cva|cerebrovascular accident|symptoms of stroke"
         "|stroke symptoms|slurry|speech went slurry|dropped his cup|dropped her cup"
         "|falling to the left|falling to the right|falling to one side"
         "|can't stand without falling|trouble finding words|can't find words|word finding"
         "|voice sounds slurred|sounds slurred|speech slurred|slurring words|slurring her words"
         "|slurring his words"
         "|couldn't find his words|couldn't find her words|can't find his words"
         "|can't find her words|cannot find words|can't find words|couldn't find words"
         "|word finding difficulty|word finding difficulties|word finding problems"
         "|couldn't get his words out|couldn't get her words out|couldn't get words out"
         "|can't walk without falling|cannot walk without falling|falling to the left"
         "|falling to the right|falls to the left|falls to the right|veering to the left"
         "|veering to the right|keeps falling to"
         "|veering to the left|veering to the right|veering to one side|veers to the left"
         "|veers to the right|veering to the l|veering to the r|without veering"
         "|using wrong words"
         "|speech went funny"
         "|arm weaker|dropping her cup|dropping his cup|keeps dropping things"
         "|face dropped|face has dropped|face drooped|face dropping|mouth dropped|droopy face"
         "|drooping face|face dropped on the"
         "|weak arm|weak hand|weak leg|arm went weak|hand went weak|leg went weak"
         "|weakness in his arm|weakness in her arm|weakness in his leg|weakness in her leg"
         "|weak left arm|weak right arm|weak left hand|weak right hand|weak left leg"
         "|weak right leg"
         "|slurred words"
         "|speech went jumbled|still slurred"
         "|speech garbled|garbled speech|unable to lift right arm|unable to lift left arm"
         "|hand went clumsy|couldn't see to his right|couldn't see to her right"
         "|couldn't see to his left|couldn't see to her left",
         actions=("stroke_pathway",)),
    _cat("respiratory_distress", "respiratory distress", B, "pulmonology", (LABS, XRAY, MEDS),
         "respiratory distress|increased work of breathing|struggling to breathe"
         # BTS/SIGN 2019 acute severe asthma: cannot complete sentences in one breath.
         "|unable to complete sentences|cannot complete sentences|can't complete sentences"
         "|speaking in short phrases|speaking in single words|one word sentences"
         "|cannot speak more than|can't speak more than|one word at a time|grunting"
         "|accessory muscle use|using accessory muscles|intercostal retractions|retractions"
         "|nasal flaring|tripod position|tripoding|recession|subcostal recession"
         "|intercostal recession|sternal recession|tracheal tug|head bobbing"
         "|working hard at breathing|working hard to breathe|smoke inhalation"
         # Central cyanosis is hypoxaemia made visible.
         "|cyanosis|cyanotic|blue lips|blue around the lips|blue around lips|lips are blue"
         "|turned blue|turning blue|is blue|looks blue|limp blue|dusky|lips dusky|dusky lips"
         # Stridor and an inhaled foreign body obstruct the upper airway (CTAS moderate
         # respiratory distress, Bullard et al., CJEM 2017).
         "|stridor|airway foreign body|respiratory foreign body|aspirated foreign body"
         "|foreign body aspiration"
         "|lips blue|lips went blue|lips turning blue|can't speak|cannot speak|unable to speak"
         "|can't talk|cannot talk|unable to talk"
         "|cyanosed|centrally cyanosed"
         "|going blue|gone blue|went blue"
         "|stops breathing|stopped breathing|goes blue"
         "|blue round the lips|blue round the mouth|blue around the mouth|blue round lips"
         "|surgical emphysema|subcutaneous emphysema|crackly feeling under skin"
         "|crackling under the skin|crackly under skin"
         "|stridor at rest|noisy breathing at rest|noisy breathing even at rest"
         "|sucking in under ribs|sucking in under his ribs|sucking in under her ribs"
         "|sucking in at the ribs|sucking in between ribs|sucking in between his ribs"
         "|sucking in between her ribs"
         "|using neck muscles|accessory muscles|accessory muscle use|short phrases only"
         "|speaking in short phrases|only short phrases|talking in short phrases"
         "|words at a time|only manages 3|only manages a few words|manages 3 4 words"
         "|using his neck muscles|using her neck muscles|neck muscles"
         "|noisy breathing even sitting still|noisy breathing sitting still"
         "|noisy breathing when sitting still|noisy breathing even when sitting still"
         "|drawing in at the neck|sucking in at the neck"),
    # A tension pneumothorax kills in minutes: needle decompression now (ATLS).
    _cat("tension_pneumothorax", "signs of a tension pneumothorax", A, "trauma_surgery",
         (XRAY, PROCEDURE, COMPLEX),
         "trachea deviated|tracheal deviation|deviated trachea|no breath sounds"
         "|absent breath sounds", actions=("airway_support",), source=sources.TENSION_PNEUMOTHORAX),
    # A known aneurysm with new pain or collapse is rupture until a scan says otherwise.
    _cat("aortic_aneurysm", "a known aortic aneurysm with pain or collapse", B,
         "vascular_surgery", (LABS, ECG, IMAGING),
         "aaa|aortic aneurysm|abdominal aortic aneurysm|triple a",
         requires_any="pain|ache|collapse|collapsed|fainted|syncope|passed out",
         history_counts=True, source=sources.AORTIC_ANEURYSM),
    # A pulsating lump is an aneurysm, in the groin of someone who injects a false one,
    # until a scan says otherwise: it can rupture (handbook chapter 4, high-risk).
    _cat("pulsatile_mass", "a pulsating swelling", B, "vascular_surgery", (LABS, IMAGING, CONSULT),
         "pulsating|pulsatile|pseudoaneurysm|false aneurysm"
         "|got a pulse|has got a pulse|lump that pulses|lump with a pulse",
         requires_any="lump|swelling|swollen|mass|groin"),
    # A suspected pulmonary embolism: CTPA now and anticoagulation meanwhile (NICE NG158);
    # the handbook's high-risk chest pain and breathlessness. "PE" alone is also school PE.
    _cat("pulmonary_embolism", "a suspected pulmonary embolism", B, "respiratory_medicine",
         (LABS, IMAGING),
         "query pe|suspected pe|possible pe|rule out pe|pulmonary embolism"
         "|pulmonary embolus|pulmonary emboli|clot on the lung|clot on her lung|clot on his lung"
         "|clot in the lung|clot in her lung|clot in his lung|blood clot in lung",
         source=sources.PULMONARY_EMBOLISM),
    _cat("aortic_dissection", "tearing pain suggestive of aortic dissection", B,
         "vascular_surgery", (LABS, ECG, IMAGING),
         "tearing pain|ripping|aortic dissection|tearing back pain|tearing chest pain"
         "|tearing through to|tearing into his back|tearing into her back"
         "|something ripped|ripped in my back|ripped in his back|ripped in her back"
         "|like something tore|something tore|tearing sensation|tearing feeling|q tearing"
         "|q: tearing|described as tearing|like tearing|tearing between|tearing to the back"
         "|worst back pain of his life|worst back pain of her life|worst back pain of my life"
         "|tearing to his back|tearing to her back"
         "|like being ripped|being ripped apart|ripping pain|ripping sensation"
         "|going right through|right through to his belly|right through to her belly"
         "|right through to his back|right through to her back"
         "|tearing abdomen pain|tearing abdominal pain|tearing tummy pain"
         "|like something tearing|something tearing"),
    # Over 1,000 V, or lightning: deep tissue and the heart are injured under small burns.
    _cat("high_voltage_injury", "a high-voltage or lightning injury", B, "plastic_surgery",
         (LABS, ECG, CONSULT), "high voltage|lightning strike|struck by lightning"
         "|hit by lightning|kv"
         "|lightning|tree struck|lichtenberg|thunderstorm", source=sources.HIGH_VOLTAGE),
    _cat("electrical_loc", "an electric shock with loss of consciousness", B, "critical_care",
         (LABS, ECG), "electric shock|electrocuted|electrocution|shock from a|shock off a",
         requires_any="loss of consciousness|knocked out|unconscious|thrown back|thrown across"
         "|irregular|palpitations|chest pain",
         source=sources.ELECTRICAL_INJURY),
    _cat("limb_ischaemia", "a cold, pulseless limb (acute limb ischaemia)", B,
         "vascular_surgery", (LABS, IMAGING, CONSULT),
         "limb ischemia|limb ischaemia|pulseless limb|capillary filling absent"
         "|finger white|finger is white|digit white"
         "|cold white foot"
         "|cold pale foot|cold white leg"
         "|foot cool and white|foot white and cool|foot cool and pale"
         "|leg cool and white"
         "|fingers white|fingers are white|no cap refill|no capillary refill"
         "|no capillary filling"
         "|went cool and painful"
         "|foot pale and mottled|leg pale and mottled|pale and mottled|no foot pulses"
         "|foot pulses absent|no pulses in the foot|no pulses in his foot"
         "|no pulses in her foot"
         "|leg suddenly painful and cold|foot cool and pale"
         "|foot pale and cool|leg pale and cool|foot is pale and cool"
         "|painful cool leg|painful cool foot|leg cool and painful|foot cool and painful"
         "|pale cool leg|cool pale leg|cool numb foot|cold right leg|cold left leg"
         "|cold right foot|cold left foot|painful cold right leg|painful cold left leg"
         "|foot cool and pale below|cool and pale below the knee"
         "|can't feel pulses|cannot feel pulses|can't feel any pulses|no pulses felt"
         "|foot went cool and white|foot cool and white|leg went cool and white"
         "|leg cool and white|foot went white and cool|hand went cool and white"
         "|pale and cool below the knee|can't feel foot pulses|cannot feel foot pulses"
         "|pulses weak on doppler"
         "|dusky foot|dusky toes"
         "|pulses not felt|pulses cannot be felt|cool and pale from the calf down"
         "|cool and pale from the knee down"
         "|went cool pale|went cool, pale|cool pale and numb|foot pale with faint pulses"
         "|leg pale with faint pulses"
         "|leg now cool and white|cool and white below the knee|now cool and white"
         "|foot discoloured and cool|foot cool and discoloured",
         source=sources.LIMB_ISCHAEMIA),
    _cat("amputation", "a traumatic amputation", B, "plastic_surgery",
         (XRAY, PROCEDURE, CONSULT),
         "amputation|amputated|traumatic amputation|severed finger|severed thumb"
         "|severed hand|severed limb|ring avulsion",
         source=sources.AMPUTATION),
    # Skin torn off a hand or finger with the digits still perfused: an X-ray, a repair and
    # the hand surgeons, urgently but not emergently (BSSH Hand Trauma Standards).
    _cat("degloving", "a degloving injury", S, "plastic_surgery", (XRAY, PROCEDURE, CONSULT),
         "degloving|degloved", source=sources.DEGLOVING),
    # A knocked-out adult tooth is replanted within the hour (IADT 2020): one procedure,
    # seen promptly, but neither life nor limb is at risk, so not ESI 2 (the written sets
    # graded every such patient ESI 4).
    _cat("dental_avulsion", "a knocked-out tooth", S, "dentistry", (PROCEDURE,),
         "avulsed tooth|tooth avulsion|dental avulsion|knocked out tooth|tooth knocked out"
         "|tooth knocked clean out|knocked clean out|tooth knocked out completely"
         "|knocked out 2 upper front teeth|knocked out two upper front teeth"
         "|knocked out upper front teeth|knocked out his front teeth"
         "|knocked out her front teeth",
         source=sources.DENTAL_AVULSION),
    _cat("anaphylaxis", "anaphylaxis", B, "allergy_immunology", (MEDS, FLUIDS),
         "anaphylaxis|anaphylactic|throat swelling|throat closing|tongue swelling"
         "|swollen tongue|lip swelling|swollen lips|swollen lip|throat tightness"
         "|throat feels tight|throat feels a little tight|used her epipen|used his epipen"
         "|used epipen|gave epipen|epipen given|epinephrine auto injector|angioedema"
         "|angio oedema"
         "|lips swelling|lips swollen|lips massive"
         "|tongue feels swollen|tongue is swollen|tongue swollen|tongue feels thick"
         "|tongue thick"
         "|used own epipen|used his own epipen|used her own epipen|own epipen|epipen used"
         "|used an epipen|used her adrenaline pen|used his adrenaline pen|adrenaline pen used"
         "|lips slightly swollen|lip slightly swollen|lips puffy|puffy lips|lip puffy"
         "|puffy lip|lips a bit swollen|lips have swollen"
         "|lips swelled|lips swelling up|lips are puffy|lips look puffy"
         "|tongue feels tingly and thick|tongue tingly and thick|tongue tingly and swollen"
         "|gave his epipen|gave her epipen|adrenaline pen given|gave his adrenaline pen"
         "|gave her adrenaline pen"
         "|used his own auto injector|used her own auto injector|used his auto injector"
         "|used her auto injector|own auto injector|auto injector given|gave his auto injector"
         "|gave her auto injector"
         "|lips tingling and swelling|lip tingling and swelling|used her own adrenaline pen"
         "|used his own adrenaline pen|own adrenaline pen|used her adrenaline auto injector"),
    _cat("sepsis", "suspected sepsis", B, "infectious_disease", (LABS, XRAY, FLUIDS, MEDS),
         "sepsis|septic", actions=("sepsis_bundle",), infection=True),
    _cat("immunocompromised_fever", "fever in an immunocompromised patient", B, "oncology",
         (LABS, XRAY, MEDS),
         "neutropenic|neutropenia|chemotherapy|chemo|transplant|renal tx|kidney tx|liver tx"
         "|immunosuppressed|immunocompromised|on tacrolimus|on cyclosporine"
         "|splenectomy|asplenia|asplenic|spleen removed"
         "|on chemo"
         "|haematology day unit"
         "|r chop|rchop|chop chemo|folfox|folfiri|capecitabine|docetaxel|paclitaxel"
         "|carboplatin|cisplatin|abvd|cycle of chemo"
         "|hbsc|hbss|sickle cell disease|sickle cell anaemia|sickle cell anemia",
         actions=("sepsis_bundle",), infection=True,
         requires_any="fever|febrile|temperature|chills|rigors|shivery|shivering|shivers"
         "|hot and cold|feverish", history_counts=True),
    # A tourniquet in place: bleeding that pressure could not stop, and a limb on a clock
    # (ATLS; JRCALC: surgical control within two hours).
    _cat("tourniquet", "a tourniquet in place", B, "trauma_surgery",
         (LABS, FLUIDS, PROCEDURE, CONSULT),
         "tourniquet on|tourniquet applied|tourniquet in place|put on a tourniquet"
         "|tourniquet was applied|applied a tourniquet|cat tourniquet",
         actions=("trauma_team",), source=sources.TOURNIQUET),
    # Bleeding that pressure does not stop kills in minutes (ATLS, Stop the Bleed).
    _cat("major_haemorrhage", "uncontrolled or arterial bleeding", A, "trauma_surgery",
         (LABS, FLUIDS, PROCEDURE, CONSULT),
         "pulsatile bleeding|arterial bleeding|spurting blood|blood spurting|spurting"
         "|uncontrolled bleeding|bleeding through the towel|bleeding through towel"
         "|blood soaking through|blood soaked through|soaked with blood|soaked in blood"
         "|soaked through towels|soaked through the towel|soaked through a towel"
         "|exsanguinating"
         "|fundus boggy", actions=("trauma_team",),
         source=sources.HAEMORRHAGE),
    # A burn of 10% of the body surface or more is a major burn (ABA referral criteria).
    _cat("major_burn", "a major burn", B, "plastic_surgery", (LABS, FLUIDS, MEDS, CONSULT),
         "major burn|large burn|extensive burns|burn center|burns centre"
         "|burns to both hands|burns to hands|burns to her hands|burns to his hands"
         "|burns to both feet|burns to feet|burns to the face|burns to face|burn to the face"
         "|burns to genitals|burns to the perineum|circumferential burn|circumferential burns"
         "|over both hands|over both feet|both hands and forearms"
         "|singed nasal hair|soot around mouth|soot around his mouth|soot around her mouth"
         "|soot in mouth",
         source=sources.MAJOR_BURN),
    # Bilious vomiting in an infant is malrotation with volvulus until proven otherwise.
    _cat("bilious_vomiting", "bilious (green) vomiting", B, "general_surgery",
         (LABS, IMAGING, CONSULT),
         "bilious vomiting|green vomit|green vomiting|green projectile|vomiting bile"
         "|bile stained vomit|vomiting green|green vomiting", source=sources.BILIOUS_VOMITING),
    # Intussusception: colicky screaming with drawn-up legs, red-currant-jelly stool.
    _cat("intussusception", "signs of intussusception", B, "general_surgery",
         (LABS, IMAGING, CONSULT),
         "intussusception|pulling knees up|pulling his knees up|pulling her knees up"
         "|drawing legs up|drawing his legs up|drawing her legs up|currant jelly"
         "|redcurrant jelly|red currant jelly|spells of screaming|episodes of screaming"
         "|red jelly|jelly like"
         "|screaming fits|bouts of screaming|screaming attacks",
         source=sources.INTUSSUSCEPTION),
    # Bruising in a baby who cannot yet move on its own suggests maltreatment (NICE CG89).
    _cat("non_accidental_injury", "an injury in a child who is not yet mobile", B,
         "paediatrics", (LABS, XRAY, CONSULT),
         "premobile infant|bruises of different colours|bruises of different colors"
         "|loop shaped marks|loop marks|pattern bruising|patterned bruising|bite marks",
         requires_any="bruise|bruises|bruising|bruised|fracture|burn|burns|swelling",
         source=sources.NON_ACCIDENTAL_INJURY),
    # Injuries whose pattern or the patient's fear suggests abuse at any age.
    _cat("suspected_abuse", "injuries suggesting abuse", B, "social_work", (XRAY, CONSULT),
         "bruises of different ages|bruising of different ages|fingertip bruises"
         "|fingertip bruising|fingertip pattern|fingertip type bruises|flinches when"
         "|scared to go home|afraid to go home"
         "|story changed"
         "|partner kicked her"
         "|my uncle did it|bruises on upper arms and back|unexplained bruises"
         "|partner twisted her|talk to someone about home",
         source=sources.SUSPECTED_ABUSE),
    # A handlebar into the abdomen with pallor: bleeding from a solid organ until shown not.
    _cat("handlebar_pallor", "a handlebar blow to the abdomen with pallor", B,
         "trauma_surgery", (LABS, IMAGING, CONSULT),
         "handlebar into|handlebar end|handlebar went into|handlebar hit|handlebar jammed"
         "|handlebar jabbed|handlebar to the tummy|handlebar to the abdomen|onto the handlebars"
         "|into his handlebars|into her handlebars"
         "|skied into a pole|skied into a tree|ran into a pole"
         "|bar end went into|handlebar mark|handlebar mark visible|bar end into",
         requires_any="pale|pallor|looks pale|grey", source=sources.HANDLEBAR_PALLOR),
    _cat("major_trauma", "a major trauma mechanism", B, "trauma_surgery",
         (LABS, XRAY, IMAGING, FLUIDS),
         "major trauma|high speed|rollover|ejected|pedestrian struck|hit by car"
         "|hit by a car|fall from height|motorcycle crash|gunshot|gsw|been shot|shot in the"
         "|fell off a roof|fell from a roof|off the roof|from the roof|from a balcony"
         "|from the balcony|second storey|second story|second floor|out of a window"
         "|from a window|2nd floor|3rd floor|third floor|floor window|storey window"
         "|story window|bitten on the neck|bite to the neck|wound to the neck"
         "|wounds to the neck|neck wound|stabbed in the neck|stab wound to the neck"
         "|anterior neck"
         "|stab wound|stabbed"
         "|stabbing|penetrating"
         "|dived into shallow|dived into the shallow|dived into a pool|dived into the pool"
         "|dived into the hotel pool|diving into shallow|hit his head on the bottom"
         "|hit her head on the bottom|hit head on the bottom|hit head on sandbar"
         "|hit head on a sandbar|axial load"
         "|car rolled|rolled twice|rolled several times|rolled onto its roof"
         "|landed on its roof"
         "|motorcyclist vs car|motorcycle vs car|motorbike vs car|cyclist vs car"
         "|pedestrian vs car|ped vs car|hit by reversing car|hit by a reversing car"
         "|knocked down by a car|knocked down by car|run over by"
         "|seatbelt bruise|seat belt bruise|seatbelt sign|seat belt sign|seatbelt mark"
         "|trapped under|pinned under|crushed under|rolled on top of"
         "|rolled into a field|rolled onto its roof|car rolled|van rolled"
         "|was pinned|pinned for|trunk rolled onto"
         "|tree rolled onto|log rolled onto|tree fell on him|tree fell on her"
         "|over the bonnet|thrown over the bonnet|went over the bonnet|onto the bonnet"
         "|thrown onto bonnet|onto bonnet|cyclist v car|pedestrian v car"
         "|over the windscreen|into the windscreen"
         "|shot in stomach"
         "|hit with birdshot"
         "|tractor overturned|tractor rolled|pelvic binder"
         "|trapped by the legs|trapped by his legs|trapped by her legs"
         "|blood loss at scene|txa 1g|txa 1 g|iv txa|glassed to left side of neck"
         "|glassed to right side of neck|glassed to the neck|glassed in the neck|neck stab"
         "|slashed across the neck"
         "|lorry turned left across|dragged under|dragged along"
         "|motorcyclist hit|motorcyclist v|motorbike hit|off his motorbike at"
         "|off her motorbike at"
         "|unrestrained"
         "|seatbelt abrasion|seat belt abrasion|seatbelt abrasions|seatbelt burn"
         "|seat belt burn"
         "|knife wound|knife wounds"
         "|single stab|stab to left|stab to right|stab to the|stab to his|stab to her"
         "|struck by the propeller|hit by the propeller|propeller injury|boat propeller"
         "|binder on|binder applied|binder in place|where the lap belt sat|lap belt bruise"
         "|lap belt mark|bruise from the lap belt"
         "|dumped head first|head first onto a sandbank|head first into shallow water"
         "|glassed in the side of the neck|glassed in the left side of the neck"
         "|glassed in the right side of the neck",
         actions=("trauma_team",)),
    _cat("icd_shock", "a shock from an implanted defibrillator", B, "cardiology", (LABS, ECG),
         "defibrillator|icd fired|icd shock|kicks like a horse|kick like a horse"
         "|icd went off|defib went off|device shocked"
         "|icd gave|icd gave one shock"
         "|icd shocked him|icd shocked her|icd shocked"),
    _cat("sickle_cell_crisis", "a sickle cell crisis", B, "hematology", (LABS, FLUIDS, MEDS),
         "sickle cell|hbss|hb ss|sickler", history_counts=True),
    # NICE head injury guidance: anticoagulation makes intracranial bleeding likelier.
    _cat("anticoagulated_head_injury", "a head injury on anticoagulation or with a bleeding"
         " disorder", B, "neurology", (LABS, IMAGING),
         "head injury|head trauma|hit head|hit his head|hit her head|hit my head|struck head"
         "|hit forehead|struck forehead|bumped head|banged head|forehead hematoma"
         "|scalp hematoma|head hematoma|head strike|occipital hematoma|back of head"
         "|back of his head|back of her head|occipital haematoma|scalp haematoma"
         "|head haematoma|forehead haematoma|face hit"
         "|facial injury|face injury"
         "|bruise on left temple|bruise on right temple|bruise on temple|bruised temple"
         "|hit temple|hit left temple|hit right temple"
         "|helmet cracked|cracked helmet|helmet split"
         "|lac on forehead|lac to forehead|forehead lac|forehead laceration"
         "|laceration to forehead|laceration on forehead|scalp lac|scalp laceration"
         "|occipital lac|occipital laceration|lac to scalp|lac on scalp|head lac"
         "|head laceration"
         "|can't remember falling|cannot remember falling|can't remember the fall"
         "|fell in the night but can't remember|swelling right forehead|swelling left forehead"
         "|bruise right forehead|bruise left forehead|forehead bruise|bruised forehead"
         "|swelling on forehead|forehead swelling|bruise and swelling right forehead"
         "|bruise and swelling left forehead"
         "|forehead onto|onto his forehead|onto her forehead|lac to right eyebrow"
         "|lac to left eyebrow"
         "|bruise to left temple|bruise to right temple|bruise to temple"
         "|egg sized haematoma|egg sized lump"
         "|bumped forehead"
         "|hit face|hit her face|hit his face|fell on her face|fell on his face"
         "|fell onto her face|fell onto his face|black eye",
         requires_any="haemophilia|hemophilia|von willebrand|bleeding disorder|warfarin|coumadin"
         "|anticoagulant|anticoagulants|anticoagulated"
         "|blood thinner|blood thinners|apixaban|rivaroxaban|dabigatran|edoxaban|doac"),
    _cat("gi_bleed", "gastrointestinal bleeding", B, "gastroenterology", (LABS, FLUIDS, CONSULT),
         "gi bleed|gastrointestinal bleed|vomiting blood|hematemesis|haematemesis"
         "|vomited blood|vomited up blood"
         "|hematochezia|haematochezia"
         "|coffee ground|melena|melaena|black stool|black stools|tarry stool|tarry stools"
         "|black tarry|blood in stool"
         "|bloody stool|rectal bleeding|anal bleeding|maroon stool|maroon colored stool"
         "|bloody stools"
         "|black sticky stools|black sticky stool|black sticky poo|black poo|black poos"
         "|coffee grounds|coffee ground vomit|blood pr|bright red blood pr|pr bleeding|pr bleed"
         "|bleeding pr"
         "|blood with clots pr|dark red blood|blood clots pr|passing blood pr"
         "|passing dark red blood"
         "|fresh and dark blood|vomited fresh|vomited dark blood|cupful of blood"
         "|vomiting fresh blood|vomited some blood"
         "|throwing up blood|blood after being sick"
         "|blood mixed with stool"
         "|mixed in with stool"
         "|vomits streaked with fresh blood"
         "|brought up streaks and a small amount of bright red blood"
         "|small amount of bright red blood"
         "|dark sticky stools|dark sticky stool"),
    _cat("pregnancy_complication", "a pregnancy complication", B, "obstetrics", (LABS, IMAGING),
         "ectopic|eclampsia|preeclampsia|pre eclampsia|miscarriage|placental abruption"
         "|postpartum hemorrhage|postpartum haemorrhage|post partum hemorrhage"),
    # Table 4-1: pre-eclampsia and labour signs in pregnancy. Pain and bleeding in
    # pregnancy are weighed in the ESI rules (severity, heart rate), as the table does.
    _cat("pregnancy_symptoms", "pre-eclampsia or labour signs in pregnancy", B, "obstetrics",
         (LABS, IMAGING), "pregnant|pregnancy|weeks gestation|post partum|postpartum"
         "|reduced fm|reduced fetal movements|reduced foetal movements|baby moving less"
         "|less fetal movements|fewer movements|reduced movements"
         "|sudden gush of fluid"
         "|baby much quieter|baby quieter"
         "|after a home birth|days after giving birth|days after delivery|days after the birth"
         "|weeks after giving birth|since giving birth|days postnatal|postnatal day"
         "|days after her baby was born|days post delivery"
         "|fewer baby movements|less baby movements|baby moving less than usual"
         "|after birth of|after the birth of|days after birth|weeks after birth"
         "|hasn't felt the baby move"
         "|after her second baby|after her first baby|after her third baby"
         "|worried about the baby"
         "|reduced baby movements|baby moving much less|baby movements less",
         # Movements felt less often are weighed on their own below; none felt is high-risk.
         requires_any="contractions|headache|seizure|seizures|leaking|fluid leaking"
         "|water broke|waters broke|tightenings"
         "|tightening|gush of fluid|gush of clear fluid|waters went"
         "|no fetal movement|baby not moving|baby hasn't moved|vision|visual"
         "|hasn't felt the baby move"
         # Oedema of pre-eclampsia, not any swollen part ("wrist swelling" after a fall).
         "|facial swelling|face swelling|swollen face|hands swelling|swollen hands|puffy"
         "|oedema|edema|legs swollen|swollen legs|legs very swollen|feet swollen|swollen feet"
         "|seeing spots|ruq pain|epigastric pain"
         "|waters have gone|waters gone|waters have broken", source=sources.PREGNANCY),
    # Movements felt less often, in a well mother: a CTG within two hours and an obstetric
    # review (RCOG Green-top 57), two resources; with any sign above it is high-risk.
    _cat("reduced_fetal_movements", "reduced fetal movements", S, "obstetrics",
         (IMAGING, CONSULT),
         "reduced fm|reduced fetal movements|reduced foetal movements|less fetal movements"
         "|reduced fetal movement|decreased fetal movement|decreased fetal movements"
         "|baby moving less|fewer movements|less movements|reduced movements|movements reduced"
         "|baby much quieter|baby quieter|fewer baby movements|less baby movements"
         "|reduced baby movements|baby moving much less|baby movements less|hardly moved"
         "|moving less"
         "|hasn't felt baby move properly|not felt the baby move properly"
         "|hasn't felt the baby move properly", source=sources.REDUCED_FETAL_MOVEMENTS),
    # A blow to a pregnancy of 20 weeks or more without symptoms (esi.py adds it): the
    # obstetric team monitors the fetus for four hours (ACOG) and checks a Kleihauer.
    _cat("later_pregnancy_trauma", "a blow to a pregnancy of 20 weeks or more", S,
         "obstetrics", (LABS, CONSULT), "blow to a later pregnancy",
         source=sources.PREGNANCY_TRAUMA),
    # Pain or bleeding in pregnancy: labs and an ultrasound; esi.py applies table 4-1's
    # ectopic (severe pain) and spontaneous abortion (tachycardia) rules to it.
    _cat("pregnancy_pain_or_bleeding", "pain or bleeding in pregnancy", S, "obstetrics",
         (LABS, IMAGING), "pregnant|pregnancy|weeks gestation|upt pos|upt positive"
         "|positive pregnancy test|positive home pregnancy test|pregnancy test positive"
         "|hcg positive|positive hcg|positive hpt"
         "|fell off her bike onto her tummy|onto her tummy"
         "|weeks pregnant, slipped|slipped down the last",
         requires_any="bleeding|bleed|blood|spotting|pain|cramping|cramps|crampy"),
    # Bleeding from 20 weeks: placenta praevia or abruption until an ultrasound says not.
    _cat("antepartum_haemorrhage", "bleeding in late pregnancy", B, "obstetrics",
         (LABS, IMAGING, CONSULT), "late pregnancy|third trimester",
         # Blood anywhere else (a nosebleed, a urine dip) is not an antepartum haemorrhage.
         requires_any="bleeding|bleed|spotting|clots|fresh blood|blood on pad|blood loss"
         "|pv blood|blood pv|bright red blood", source=sources.ANTEPARTUM_HAEMORRHAGE),
    # A cord through the cervix is compressed with every contraction: delivery now.
    _cat("cord_prolapse", "a prolapsed umbilical cord", A, "obstetrics", (LABS, CONSULT, COMPLEX),
         "cord prolapse|prolapsed cord|cord visible|cord is visible|loop of cord|loop of"
         " pulsating cord|pulsating cord|cord hanging|umbilical cord at|umbilical cord visible"
         "|loop of umbilical cord|cord at introitus|cord at the introitus|hanging out down"
         " there", source=sources.CORD_PROLAPSE),
    # Strangulation injures the airway and carotids over hours, whatever it looks like now.
    _cat("strangulation", "strangulation", B, "trauma_surgery", (IMAGING, CONSULT),
         "strangled|strangulation|choked her|choked him|choked me|choked by|hands around her"
         " neck|hands around his neck|hands around my neck|hands round my neck"
         "|hands round her neck|hands round his neck"
         "|hanging attempt"
         "|squeezed her neck|squeezed his neck|squeezed my neck|grabbed her by the throat"
         "|grabbed him by the throat|grabbed by the throat|hands around her throat"
         "|hands round her throat|hands around his throat|pressed on her neck|choked until"
         "|throttled"
         "|held her by the throat|held him by the throat|held me by the throat"
         "|by the throat until", source=sources.STRANGULATION),
    # Handbook table 4-1: renal failure, unable to be dialysed (hyperkalaemia, fluid overload).
    # A brief resolved unexplained event in an infant: monitoring, an ECG and a paediatric
    # review (AAP 2016; the handbook's high-risk child).
    _cat("brue", "a brief resolved unexplained event", B, "paediatrics", (LABS, ECG, CONSULT),
         "brief resolved unexplained event|brue|alte|apparent life threatening event"
         "|stop breathing for a few seconds|stopped breathing for a few seconds"
         "|stopped breathing for a few|stops breathing for a few",
         source=sources.BRUE),
    _cat("missed_dialysis", "a missed dialysis session", B, "nephrology", (LABS, ECG, CONSULT),
         "missed dialysis|missed his dialysis|missed her dialysis|missed hemodialysis"
         "|missed haemodialysis|skipped dialysis|did not go to dialysis|didn't go to dialysis"
         "|unable to be dialyzed|unable to be dialysed|could not be dialyzed"
         "|could not be dialysed"
         # A session named by its day is dialysis's; other sessions are not.
         "|missed saturday's session|missed friday's session|missed monday's session"
         "|missed tuesday's session|missed wednesday's session|missed thursday's session"
         "|missed sunday's session|missed yesterday's session|missed today's session",
         source=sources.MISSED_DIALYSIS),
    # Handbook table 4-1: alcohol with trauma. Intoxication masks a head injury; a cut or a
    # sprain in a drunk patient is judged as in a sober one.
    _cat("intoxicated_head_injury", "a head injury while intoxicated", B, "trauma_surgery",
         (LABS, IMAGING),
         f"{_INTOXICATED}|under the influence|been drinking|drinking alcohol|{_ALCOHOL_SMELL}"
         f"|{_DRINKS}",
         requires_any="head injury|hit head|hit his head|hit her head|banged head|head strike"
         "|loss of consciousness|loc|knocked out|blacked out|can't remember|doesn't remember"
         "|amnesia", source=sources.INTOXICATED_TRAUMA),
    _cat("intoxicated_trauma", "an injury while intoxicated", S, "trauma_surgery",
         (LABS, IMAGING),
         f"{_INTOXICATED}|under the influence|been drinking|drinking alcohol|{_ALCOHOL_SMELL}"
         f"|{_DRINKS}",
         requires_any="injury|injured|trauma|laceration|wound|fall|fell|head injury|assault"
         "|assaulted|bleeding", source=sources.INTOXICATED_TRAUMA),
    # Withdrawal signs in a drinker can progress to seizures and delirium tremens.
    _cat("alcohol_withdrawal", "signs of alcohol withdrawal", B, "toxicology",
         (LABS, MEDS),
         "alcohol withdrawal|etoh withdrawal|delirium tremens|withdrawal seizure|tremor"
         "|tremors|shakes|shaking|restless|agitated|agitation|sweating|tremulous|shaky",
         # Alcohol named, not just "drinking": sweating while drinking water is no withdrawal.
         requires_any=f"alcohol|alcoholic|etoh|{_DRINKS}|drinker|heavy drinking|last drink"
         "|stopped drinking|quit drinking|drinks daily|drinking heavily|drinks heavily"
         "|had a drink|withdrawal", source=sources.ALCOHOL_WITHDRAWAL),
    _cat("altered_mental_status", "confusion, lethargy or disorientation", B, "neurology",
         (LABS, IMAGING),
         "confused|confusion|disoriented|disorientated|altered mental status|lethargic"
         "|lethargy|drowsy|not acting right|mental change|altered mentality|confuse|stupor"
         "|stuporous|obtunded|decreased mentality|drowsy mentality|sleeping tendency"
         "|altered level of consciousness|decreased level of consciousness"
         "|altered consciousness|decreased consciousness|floppy|is limp|was limp"
         "|became limp|appears limp|looks limp|limp and|limp blue|limp pale|limp grey"
         "|limp gray|limp mottled|not making sense|making no sense|oriented to self only"
         "|not himself|not herself|not acting himself|not acting herself|doesn't know the year"
         "|does not know the year|doesn't know where he is|doesn't know where she is"
         "|sleeps most of the day|sleeping most of the day|sleeping all day"
         "|sleepier than usual|more sleepy than usual|hard to wake|difficult to wake"
         "|not recognizing|not recognising|picking at the air|picking at things"
         "|bulging fontanelle|bulging fontanel|so sleepy|very sleepy|hard to keep awake"
         "|difficult to keep awake|won't wake|will not wake|wont wake|slow to answer"
         "|slow to respond|thinks it is 19|thinks it's 19|away with the fairies"
         "|thought she was his|thought he was her|didn't recognise|did not recognise"
         "|not recognised anyone|has not recognised|dozes off mid sentence|muddled"
         "|difficult to rouse|doesn't know the date|does not know the date"
         "|doesn't know what day|does not know what day|doesn't know the day"
         "|nodding off|drifts off|drifting off|opens eyes when you shout|opens eyes to voice"
         "|catatonic|catatonia|mute to all"
         "|oriented only to self|oriented x1|oriented x 1|a&o x1|a&ox1|a and o x1"
         "|barely conscious|semi conscious|hardly talking|barely responsive|slow answering"
         "|slow to answer questions"
         "|seeing spiders|seeing things|seeing insects|seeing bugs"
         "|seeing people who aren't there"
         "|keeps asking what happened|keeps asking the same|asking the same questions"
         "|keeps asking his mum the score|keeps asking her mum the score|keeps asking the score"
         "|repetitive questioning|repeating the same questions"
         "|sleepy today|more sleepy than usual|very sleepy|unusually sleepy"
         "|talking nonsense|talking rubbish|wandering and talking|speaking nonsense"
         "|not with it|thought her late husband|thought his late wife"
         "|not back to herself|not back to himself|not yet back to|not back to baseline"
         "|not back to his baseline|not back to her baseline|still postictal|still post ictal"
         "|picking at sheets|hard to wake up|rousable to voice only"
         "|keeps closing his eyes"
         "|much sleepier|sleepier than usual|only knows her name|only knows his name"
         "|knows only her name|knows only his name"
         "|keeps asking what day it is|keeps asking the same questions|asking what day it is"
         "|keeps repeating himself|keeps repeating herself|sleepy but rousable"
         "|keeps asking did|keeps asking whether|keeps asking if|asking the same question"
         "|repeating the same question"
         "|found wandering|care home wristband|went missing from"
         "|can't say what day it is|cannot say what day it is|couldn't say what day it is"
         "|not sure what day it is|unsure what day it is|doesn't know what year it is"
         "|sleepy but rouses"
         "|drowsier than usual|drowsier than normal|more drowsy than usual"
         "|not like him at all|not like her at all|suddenly agitated|suddenly aggressive"
         "|suddenly confused"
         "|normally sharp|keeps asking for his wife|keeps asking for her husband"
         "|didn't know what day|did not know what day|didn't know where he was"
         "|didn't know where she was|did not know where he was|did not know where she was"
         "|dozing off again|rousing to cry|rouses to cry then|keeps dozing off"
         "|doesn't know where they're|doesn't know where they are"
         "|not where he is|not where she is"
         "|keeps closing her eyes|sleepy and keeps closing"
         "|unsure of the date|unsure of the date or where he is"
         "|unsure of the date or where she is|unsure where he is|unsure where she is"
         "|rousable only to loud voice|only rousable to loud voice|rousable to loud voice"
         "|rouses only to loud voice"
         "|keeps asking what year it is|asking what year it is|which isn't like her"
         "|which isn't like him"
         "|drowsier than her usual self|drowsier than his usual self|much drowsier than"
         "|more forgetful today than usual|much more forgetful today"
         "|doesn't know the month|does not know the month|didn't know the month"
         "|keeps repeating questions|repeating questions"
         "|opens eyes only to a loud voice|opens eyes only to voice"
         "|opens eyes to loud voice only|eyes only to a loud voice"
         "|thinks it's summer|thinks it's winter|thinks it is summer"
         "|asking for her husband who died|asking for his wife who died"
         "|only rouses briefly to voice|rouses briefly to voice|only rouses briefly"
         "|thinks it's monday|thinks it's tuesday|thinks it's wednesday|thinks it's thursday"
         "|thinks it's friday|thinks it's saturday|thinks it's sunday",
         actions=("glucose_check",)),
    _cat("suicidal", "suicidal ideation, self-harm or violence", B, "psychiatry", (LABS, CONSULT),
         "suicidal|suicide|kill myself|kill himself|kill herself|want to die|wants to die"
         "|wanted to die|wanting to die|end my life|end her life|end his life"
         "|take my own life|wish i was dead|better off dead|does not want to live"
         "|been planning it|planning it for|access to a gun|access to firearms|gun at home"
         "|guns at home|firearm at home|firearms at home|shotgun at home|shotguns at home"
         "|plans to take all|plan to take all|don't want to be here|dont want to be here"
         "|not want to be here anymore|doesn't want to be here|does not want to be here"
         "|got it figured out|rifle's in|gun's in|rifle is in|hang himself|hang herself"
         "|ways to kill|ways to die|doesn't see the point|does not see the point"
         "|no point living|no point in living|do it properly|do it right next time"
         "|on the railing|jump off|tried to jump|attempted suicide|suicide attempt"
         "|si with plan|si with a plan|plan to od|plan to overdose|stockpiling|saving up tablets"
         "|saving up his|saving up her|saving up my|how many he would need"
         "|how many she would need|how many i would need"
         "|doesn't want to live|don't want to live|not want to live anymore|cut wrists"
         "|cut wrist|cutting wrists|slit wrists|slashed wrists|cutting herself"
         "|cutting himself|cutting myself|use it on myself|shoot myself|hang myself"
         "|end it all|plan to kill|voices telling him to|voices telling her to"
         "|voices telling me to|voices telling them to|command hallucinations|hurt someone"
         "|hurt others|harm others|kill someone|threatening to kill|threatening to hurt"
         "|go hurt them|hurt them|kill them|threatening staff"
         "|self harm|self inflicted|homicidal|hurting herself|hurting himself|hurting myself"
         "|hurt herself|hurt himself|hurt myself|harm herself|harm himself|harm myself"
         # A danger to others as well as to self (CTAS: violent or homicidal behaviour).
         "|violent behavior|violent behaviour|combative"
         # RCPsych: postpartum psychosis is a psychiatric emergency (risk to mother and baby).
         "|postpartum psychosis|post partum psychosis|puerperal psychosis"
         "|bought rope|bought a rope|will do it tonight|going to do it tonight"
         "|written letters to|goodbye letters|goodbye note|suicide note|saved up enough"
         "|plan and date|plan and a date|going to kill|kill my neighbour|kill my wife"
         "|kill my husband|kill him|kill her|squaring up|threw a glass at|threw a chair at"
         "|voices tell him to|voices tell her to|voices tell me to|finish it|bridge parapet"
         "|hurt mum|hurt mother"
         "|plan to jump|jump from a bridge|jump off a bridge|will do it when she leaves"
         "|will do it when he leaves|will do it when i leave|has a plan to|with a plan to"
         "|cuts to wrist|cuts to left wrist|cuts to right wrist|cuts to her wrist"
         "|cuts to his wrist|cut her wrist|cut his wrist|needs security|security called"
         "|security needed"
         "|threatened her neighbour|threatened his neighbour|threatened her partner"
         "|threatened his partner|shouting at staff|aggressive towards staff"
         "|aggressive to staff"
         "|threatened staff|threatening the staff|threatened the staff|unable to de escalate"
         "|not able to de escalate|can't be de escalated|cannot be de escalated"
         "|could not be de escalated"
         "|going to take all her tablets|going to take all his tablets|take all her tablets"
         "|take all his tablets|take all my tablets|going to take an overdose|she'd do it again"
         "|he'd do it again|would do it again|will do it again"
         "|has a plan|had a plan|has plan to|plans to jump|planning to jump|going to jump"
         "|wanted to jump|wants to jump|threatening to jump|plan to jump|said he would jump"
         "|said she would jump"
         "|threatening to hit|threatened to hit|threatening staff|threatened staff"
         "|threatening people|threatened people|threatened a stranger|threatening strangers"
         "|threatening to stab|threatened to stab"
         "|trying to headbutt|thinking about ending it|done with it all|rope in the car"
         "|wants to end it"
         "|voices told him to|voices are telling him to|thinking about ending it"
         "|to make it all stop|walk out into the snow|swinging at security|walk into the sea"
         "|wanted to switch off|thinking of taking all|shotgun on himself"
         "|won't agree she'll be safe|won't agree he'll be safe|can't keep herself safe"
         "|can't keep himself safe|cannot keep herself safe|cannot keep himself safe"
         "|unable to keep herself safe|unable to keep himself safe"
         "|walked out into traffic|walking into traffic|ran into traffic|stepped into traffic"
         "|ran out into traffic"
         "|wants it all to stop|want it all to stop|wanted it all to stop|wants it all to end"
         "|wanted it all to end|wants to end it all|wanted to end it all"
         "|nothing left to live for|nothing to live for|no reason to live|no reason to go on"
         "|outside of a bridge railing|outside of the bridge railing|wrong side of the railing"
         "|wrong side of the bridge|on the edge of a bridge|on the parapet"
         "|standing on a bridge|sitting on the bridge railing|on a bridge ledge"
         "|on the ledge of"
         "|plans to take them tonight|plans to take them|plan to take them"
         "|be done with it|go in the water and|texted goodbye|goodbye texts|goodbye message"
         "|sent goodbye|ligature|ligature round|ligature around"
         "|cut him down|lead round his neck|lead round her neck"
         "|rope round his neck|rope round her neck|cord round his neck|cord round her neck"
         "|tied to the banister"
         "|walking into the sea|walked into the sea"
         "|can't promise he'll be safe|can't promise she'll be safe"
         "|cannot promise he'll be safe|cannot promise she'll be safe|can't keep myself safe"
         "|thought about walking into|wants to not be here|want to not be here"
         "|not be here any more|not be here anymore"
         "|gone up there to jump|went up there to jump|went there to jump|intended to jump"
         "|wants to be dead|want to be dead|wanted to be dead"
         "|better off if she were dead|better off if he were dead|better off if she was dead"
         "|better off if he was dead|better off if i were dead|better off if i was dead"
         "|want it to be over|wants it to be over|want it all to be over"
         "|wants it all to be over"
         "|wanted to end it|want to end it|wanting to end it"
         "|doesn't want to be alive|don't want to be alive|does not want to be alive"
         "|didn't want to be alive|not want to be alive|cutting her wrists|cutting his wrists"
         "|voices keep telling her to|voices keep telling him to|voices keep telling me to"
         "|ending his life|ending her life|ending my life|looking up methods|looked up methods"
         "|researching methods"
         "|plans to take her mum's tablets|plans to take her tablets|plans to take his tablets"
         "|wrong side of the railings|on the wrong side of the railings"
         "|wrong side of the barrier"
         "|rather be dead|she'd rather be dead|he'd rather be dead|would rather be dead"
         "|looking at the bridge|been looking at the bridge"
         "|just do it again|she'll just do it again|he'll just do it again"
         "|will just do it again"
         "|saved up his late dad's tablets|saved up her tablets|saved up his tablets"
         "|saved up tablets|planned to take them tonight|planned to take them"
         "|wishes it had killed her|wishes it had killed him|wish it had killed me"
         "|wished it had killed"
         "|voices are telling her to hurt"
         "|better off without him|better off without her|better off without me"
         "|better off without them"
         "|wants to be gone|want to be gone|wanted to be gone",
         actions=("one_to_one_observation",)),
    _cat("postpartum_psychosis", "psychosis after childbirth", B, "psychiatry", (LABS, CONSULT),
         "postpartum|post partum|days postpartum|weeks postpartum",
         requires_any="psychosis|psychotic|delusion|delusional|hallucinating|hearing voices"
         "|devil|perplexed|paranoid|swapped|not sleeping|hasn't slept|has not slept"
         "|not slept|isn't hers|isn't his|not her baby|not my baby|watching us|watching her"
         "|being watched|poisoning the baby",
         source=sources.POSTPARTUM_PSYCHOSIS),
    _cat("overdose", "overdose or poisoning", B, "toxicology", (LABS, ECG, CONSULT),
         "overdose|overdosed|poisoning|poisoned|ingestion|ingested|took too many"
         "|took a bottle|took a whole bottle|swallowed a bottle|took all of her pills"
         "|took all of his pills|took all her pills|took all his pills|took all my pills"
         "|chewing tabs|chewing pills|chewing on pills|pill organizer|got into the pills"
         "|weed killer|weedkiller|paraquat|pesticide|herbicide|insecticide|organophosphate"
         "|antifreeze|drank bleach|swallowed bleach|whole strip|a strip of|whole packet"
         "|whole box|whole bottle|narcan|naloxone|yellow halos|digoxin toxicity|dig toxicity"
         "|lithium toxicity|toxic level"
         "|got into his pills|got into her pills|swallowed pills|ate pills"
         "|drug intoxication|bunch of pills|bunch of my|handful of pills|handful of tablets"
         "|unaccounted for|open bottle of|pills missing|tablets missing|dosette box at once"
         "|days of her dosette|days of his dosette|days of tablets at once"
         "|crop duster|crop spraying|crop spray|sheep dip|pinpoint pupils|small pupils"
         "|methotrexate daily|methotrexate every day|daily instead of weekly"
         "|every day instead of weekly|instead of weekly"
         "|rat poison|rodenticide|slug pellets"
         "|empty medicine pack|empty medicine packs"
         "|empty bottle of amitriptyline|empty amitriptyline bottle|took a handful of"
         "|inducible clonus|empty boxes amitriptyline|hydrofluoric acid|open pill organiser"
         "|poison centre advised hospital monitoring|cocaine packages|body packer|body stuffer"
         "|body packing|body stuffing|swallowed a bag of|swallowed bags of|swallowed a wrap of"
         "|swallowed his drugs|swallowed her drugs|swallowed the drugs|swallowed cocaine"
         "|pill box open"
         "|dosette box open|pill organiser open|hydrofluoric acid|took a handful of"
         "|found empty packets|grandma's tablet box"
         "|took pills and cocaine"
         "|grandma's amitriptyline"
         "|took a load of|eaten some of her|eaten some of his|ate some of her|ate some of his"
         "|pupils pinpoint|crop sprayer|sheep dipping|organophosphates"
         "|of mum's sertraline|saved up tablets"
         "|saved up her tablets|saved up his tablets"
         "|swallowed 2 razor|swallowed razor|swallowed a razor|razor blades"
         "|took a couple of pills|couple of pills|drank some calpol|drank calpol"
         "|calpol from the bottle"
         "|empty paracetamol packet|took all my tablets|took all her tablets"
         "|took all his tablets"
         "|got hold of the calpol|got hold of the paracetamol|calpol bottle"
         "|packages in his gut|packages in her gut|packets in his gut|packets in her gut"
         "|yew|yew berries|yew berry|deadly nightshade|oleander|hemlock|laburnum seeds"
         "|took 4 of her flatmate's diazepam|flatmate's diazepam|of her flatmate's"
         "|of his flatmate's"
         "|swallowed packages|swallowed packets|wrapped packages|swallow several small wrapped"
         "|swallowed wraps|wraps of crack|swallowed his stash|swallowed her stash"),
    # A bitten laundry or dishwasher capsule, or a swallowed alkali: drooling, vomiting or
    # stridor foretell burns of the airway and gullet.
    _cat("caustic_ingestion", "a caustic or detergent capsule ingestion", B, "toxicology",
         (LABS, CONSULT),
         "laundry capsule|laundry capsules|laundry pod|laundry pods|liquitab|liquitabs"
         "|dishwasher capsule|dishwasher capsules|dishwasher tablet|dishwasher tab"
         "|detergent pod|detergent capsule|washing capsule|washing pod|washing tablet"
         "|drain cleaner|drain unblocker|caustic soda|oven cleaner",
         requires_any="bit|bitten|bite|biting|swallowed|swallow|drank|drinking|ate|eaten"
         "|chewed|chewing|sucked|sucking|mouth|lips|drooling|ingested|ingestion",
         source=sources.CAUSTIC_INGESTION),
    _cat("autonomic_dysreflexia", "autonomic dysreflexia after a spinal cord injury", B,
         "neurology", (LABS, MEDS),
         "autonomic dysreflexia|dysreflexia|spinal cord injury|sci|tetraplegic|tetraplegia"
         "|quadriplegic|quadriplegia|paraplegic|paraplegia",
         requires_any="headache|flushed|flushing|sweaty|sweating|dysreflexia",
         history_counts=True, source=sources.AUTONOMIC_DYSREFLEXIA),
    _cat("ventricular_assist_device", "a ventricular assist device alarm or new symptoms", B,
         "cardiology", (LABS, ECG, CONSULT),
         "lvad|heartmate|ventricular assist device|vad alarm|vad",
         requires_any="alarm|alarming|low flow|dizzy|lightheaded|faint|fainted|syncope"
         "|breathless|short of breath|chest|bleeding|fever|confused|weak|dark urine",
         history_counts=True, source=sources.VENTRICULAR_ASSIST_DEVICE),
    _cat("post_tonsillectomy_bleed", "bleeding after a tonsillectomy", B, "ent",
         (LABS, CONSULT),
         "tonsillectomy|tonsil bed|tonsillectomy bleed",
         requires_any="blood|bleeding|bleed|clots|clot", history_counts=True,
         source=sources.POST_TONSILLECTOMY_BLEED),
    _cat("meningitis", "a stiff neck with fever or headache (meningitis)", B, "neurology",
         (LABS, IMAGING, MEDS),
         "meningitis|meningism|neck stiffness|stiff neck|nuchal rigidity|neck is stiff"
         "|neck stiff"
         "|hurts to bend her neck|hurts to bend his neck|hurts to bend neck|can't bend her neck"
         "|can't bend his neck|can't put chin on chest|can't touch chin to chest"
         "|won't bend neck"
         "|neck pain when she looks down|neck pain when he looks down"
         "|neck pain when looking down|neck pain on looking down|neck pain to look down",
         requires_any="fever|febrile|temperature|temp|headache|photophobia|rash|vomiting|vomited",
         infection=True, source=sources.MENINGITIS),
    _cat("neuromuscular_weakness", "rising weakness (Guillain-Barre) or a myasthenic crisis", B,
         "neurology", (LABS, CONSULT),
         "guillain barre|guillain barré|gbs|reflexes absent|absent reflexes|areflexia"
         "|ascending weakness|myasthenia|myasthenic"
         "|paralytic shellfish",
         requires_any="weak|weakness|tingling|numb|swallow|swallowing|choking|breath"
         "|breathing|voice|double vision|dysphagia",
         history_counts=True, source=sources.NEUROMUSCULAR_WEAKNESS),
    _cat("ectopic_signs", "shoulder-tip pain in early pregnancy", B, "obstetrics",
         (LABS, IMAGING, CONSULT),
         "shoulder tip pain|shoulder tip|tip of right shoulder|tip of left shoulder"
         "|tip of r shoulder|tip of l shoulder|tip of her shoulder",
         requires_any="pregnant|pregnancy|lmp|missed period|late period",
         source=sources.ECTOPIC_SIGNS),
    _cat("eczema_herpeticum", "eczema herpeticum", B, "dermatology", (LABS, MEDS, CONSULT),
         "eczema herpeticum|punched out sores|punched out lesions|punched out ulcers",
         infection=True, source=sources.ECZEMA_HERPETICUM),
    _cat("shunt_malfunction", "a possible shunt malfunction", B, "neurosurgery",
         (IMAGING, CONSULT),
         "vp shunt|ventriculoperitoneal shunt|shunt",
         requires_any="headache|vomiting|vomited|drowsy|sleepy|irritable|fever",
         history_counts=True, source=sources.SHUNT_MALFUNCTION),
    _cat("decompression_illness", "symptoms after a dive (decompression illness)", B,
         "critical_care", (LABS, CONSULT),
         "diver|dive|dives|diving|scuba",
         requires_any="tingling|numbness|numb|weakness|weak|paralysis|confused|confusion"
         "|pins and needles|ache|aches|wobbly|unsteady"
         "|breathless|short of breath|chest pain|joint pain|aching|trouble passing urine"
         "|dizzy|rash",
         source=sources.DECOMPRESSION_ILLNESS),
    # A headache worse on waking with vomiting or a change in vision: raised intracranial
    # pressure until imaged (NICE NG127; RCPCH HeadSmart).
    _cat("raised_icp_headache", "a headache with signs of raised intracranial pressure", B,
         "neurology", (LABS, IMAGING),
         "worse on waking|worst on waking|worse when he wakes|worse when she wakes"
         "|worse first thing in the morning"
         "|worst first thing in the morning|worst first thing",
         requires_any="sees double|double vision|blurred vision|blurry vision"
         "|vision has gone blurry|vision blurry|seeing double|squint",
         source=sources.RAISED_ICP),
    # Acute vertigo with a gait the patient cannot manage unaided: a cerebellar or brainstem
    # stroke until shown otherwise (Kattah et al., Stroke 2009; Carmona et al. 2016).
    _cat("vertigo_with_ataxia", "acute vertigo with inability to walk unaided", B, "neurology",
         (LABS, IMAGING), "can't walk straight|cannot walk straight|veering to one side"
         "|falling to one side|hugging the wall|hugging the walls"
         "|can't walk without holding|cannot walk without holding"
         "|unable to walk without holding"
         "|can't walk in a straight line|cannot walk in a straight line"
         "|unable to walk in a straight line",
         requires_any="room spinning|spinning|vertigo|dizzy", source=sources.VERTIGO_ATAXIA),
    # A sting inside the mouth or throat can swell the airway (NICE CKS, insect bites and
    # stings, 2021).
    _cat("oral_sting", "a sting inside the mouth or throat", B, "ent", (MEDS,),
         "stung on the tongue|stung inside the mouth|stung in the mouth|sting in the mouth"
         "|stung on the lip inside|stung in the throat|sting on the tongue|swallowed a wasp"
         "|swallowed a bee", source=sources.ORAL_STING),
    # Paranoid beliefs with agitation: a danger to self or others (handbook chapter 4).
    # A persecutory belief acted on with agitation: pacing, shouting, threats, a need to
    # protect oneself (NICE NG10: assess the risk of violence now).
    _cat("persecutory_agitation", "a persecutory belief with agitation", B, "psychiatry",
         (LABS, CONSULT),
         "paranoid beliefs|sending him messages|sending her messages|tracking him through"
         "|cameras in his walls|cameras in her walls"
         "|is bugged|are bugged|pumping poison|poison through the vents|poisoning his food"
         "|poisoning her food"
         "|poison in his food|poison in her food|putting poison",
         requires_any="pacing|shouting|threatening|threatened|won't sit|protect himself"
         "|protect herself|aggressive|agitated"),
    _cat("paranoid_agitation", "paranoid beliefs with agitation", B, "psychiatry",
         (LABS, CONSULT),
         "people are following him|people are following her|they are following him"
         "|they are following her|thinks people are following|being followed"
         "|talking about him on tv|talking about her on tv|on tv are talking about"
         "|tapping his phone|tapping her phone"
         "|government is following|is following him|is following her"
         "|poisoning his food|poisoning her food"
         "|are watching him|are watching her|out to get him|out to get her"
         "|tracking me|tracking him|tracking her|through the telly"
         "|shouting at people who aren't there|talking to people who aren't there",
         requires_any="pacing|shouting|agitated|paranoid|not slept|hasn't slept|smashed"
         "|threatening|threatened|wandering|speed|pressured|aggressive"),
    _cat("thunderclap_headache", "a sudden severe headache", B, "neurology", (LABS, IMAGING),
         "worst headache|thunderclap|sudden severe headache|peaked within seconds"
         "|peaked in seconds|maximal at onset|explosive headache"
         "|sudden headache|headache came on suddenly|worst of her life|worst of his life"
         "|worst of my life|worst ever headache|worst headache of"
         "|sudden worst ever|worst ever occipital"
         "|like being hit with a bat|hit with a bat headache"
         "|explosion of headache|explosion in her head|explosion in his head"
         "|headache worst ever"),
    # ADA 2009: diabetic ketoacidosis or a hyperosmolar state named, or its signs (the
    # fruity breath of ketosis, Kussmaul breathing), is a hyperglycaemic crisis.
    _cat("hyperglycaemic_crisis", "diabetic ketoacidosis or a hyperosmolar state", B,
         "endocrinology", (LABS, FLUIDS, MEDS),
         "dka|diabetic ketoacidosis|ketoacidosis|hyperosmolar|hhs|fruity breath"
         "|kussmaul"
         "|ketones high|deep sighing breaths|deep rapid breaths|deep and rapid breaths"
         "|breathing deep and fast|deep fast breathing", source=sources.HYPERGLYCAEMIC_CRISIS),
    # Button batteries burn through the oesophagus within hours and magnets perforate
    # bowel: emergent X-ray and removal (NCPC button battery guideline 2018).
    _cat("battery_ingestion", "a swallowed button battery or magnets", B,
         "gastroenterology", (XRAY, CONSULT),
         "button battery|disc battery|swallowed a battery|swallowed battery"
         "|battery ingestion|swallowed magnets"
         "|coin sized battery|coin battery|coin cell|lithium battery|button cell"
         "|coin shaped battery"
         "|magnet ingestion"
         "|magnetic ball|magnetic balls|magnetic beads"
         "|round battery"
         "|button batteries"
         "|battery missing|battery is missing|missing battery|battery gone from"
         "|batteries missing"
         "|hearing aid battery|hearing-aid battery|hearing aid batteries",
         source=sources.BATTERY_INGESTION),
    # Fever with a non-blanching rash is meningococcal disease until proven otherwise.
    _cat("fever_purpura", "fever with a non-blanching rash", B, "infectious_disease",
         (LABS, FLUIDS, MEDS),
         "non blanching|nonblanching|purpuric rash|petechial rash|petechiae|purpura"
         "|purple spots|purple rash"
         "|tiny red dots"
         "|don't fade with a glass|doesn't fade with a glass"
         "|spots that don't fade|dark spots that don't fade|rash that doesn't fade"
         "|rash doesn't fade"
         "|don't fade under a glass|doesn't fade under a glass|don't fade under glass"
         "|doesn't fade under glass|do not fade under a glass|does not fade under a glass"
         "|not fading under a glass|don't fade when pressed|doesn't fade when pressed"
         "|don't blanch|doesn't blanch|do not blanch|does not blanch",
         actions=("sepsis_bundle",), infection=True,
         requires_any="fever|febrile|temperature|chills|rigors|floppy|lethargic|drowsy"
         "|unwell|temp|feverish|high temperature|irritable|grizzly|poorly|sleepy"
         "|not herself|not himself|headache", source=sources.FEVER_PURPURA),
    # An infection that swells the floor of the mouth or stops the patient swallowing saliva
    # can close the airway within hours (Ludwig's angina, epiglottitis).
    _cat("airway_infection", "an infection threatening the airway", B, "ent",
         (LABS, IMAGING, MEDS, CONSULT),
         "floor of mouth|floor of the mouth|ludwig|spitting saliva|spitting out saliva"
         "|swelling under chin|swelling under the chin|can't lie flat|cannot lie flat"
         "|can't swallow saliva|cannot swallow saliva|unable to swallow saliva"
         "|epiglottitis|tripod", infection=True, source=sources.AIRWAY_INFECTION),
    # Drooling threatens the airway with a fever, stridor or a sore throat; a teething baby
    # drools too.
    _cat("drooling_airway", "drooling with signs of an airway infection", B, "ent",
         (LABS, IMAGING, MEDS, CONSULT), "drooling"
         "|can't swallow own spit|can't swallow his own spit|can't swallow her own spit"
         "|can't swallow her spit|can't swallow his spit|can't swallow saliva"
         "|cannot swallow saliva|unable to swallow saliva|spitting into a cup"
         "|spitting saliva into"
         "|spreading under the tongue|swelling under the tongue",
         requires_any="fever|febrile|stridor|sore throat|can't swallow|unable to swallow"
         "|muffled|trismus|leaning forward|tripod|hot potato|struggling to swallow"
         "|difficulty swallowing|trouble swallowing|under his tongue|under her tongue"
         "|barely open|spreading down his neck|spreading down her neck|spreading down the neck"
         "|spreading down neck"
         "|under the tongue", infection=True,
         source=sources.AIRWAY_INFECTION),
    # Sudden loss of vision: a retinal artery occlusion is a stroke of the eye (AHA 2021),
    # a detachment needs surgery within hours.
    _cat("sudden_vision_loss", "sudden loss of vision", B, "ophthalmology",
         (IMAGING, CONSULT),
         "curtain coming down|black curtain|curtain over|eye went dark|vision went dark"
         "|went blind|sudden vision loss|suddenly lost vision|flashes and floaters"
         "|everything went black|went black in|eye went black|vision went black"
         "|lost most of the vision|lost the vision|lost vision|lost her vision|lost his vision"
         "|shadow creeping|dark shadow|shadow over|shadow across"
         "|suddenly can't see"
         "|curtain came down",
         source=sources.SUDDEN_VISION_LOSS),
    # Acute angle-closure glaucoma: a painful red eye, blurred vision and halos round
    # lights, often with headache and vomiting; the optic nerve is lost within hours.
    _cat("acute_glaucoma", "possible acute angle-closure glaucoma", B, "ophthalmology",
         (MEDS, CONSULT),
         "angle closure|acute glaucoma|glaucoma attack|halos round lights"
         "|halos around lights|haloes round lights|haloes around lights|halos"
         "|haloes|rainbow rings|rainbows round lights",
         requires_any="eye pain|painful eye|red eye|eye is red|eye red|blurred|blurry"
         "|vomited|vomiting|headache|glaucoma",
         source=sources.ACUTE_GLAUCOMA),
    # Giant cell arteritis with the eye affected: steroids the same day, or the other eye
    # follows (BSR 2020 guideline, Mackie et al.).
    _cat("giant_cell_arteritis", "possible giant cell arteritis with visual symptoms", B,
         "rheumatology", (LABS, MEDS),
         "giant cell arteritis|temporal arteritis|tender temple|temple tender"
         "|tender left temple|tender right temple|temporal tenderness|jaw aches when chewing"
         "|jaw pain when chewing|jaw claudication|scalp tender|tender scalp"
         "|jaw hurts when eating|jaw hurts when chewing|jaw aches when eating"
         "|jaw pain when eating|jaw pain on eating|jaw pain on chewing|jaw ache when eating"
         "|jaw ache when chewing",
         requires_any="blurred|blurry|double vision|loss of vision|vision loss|lost vision"
         "|visual disturbance|amaurosis|blind|can't see|vision going|dimming|curtain",
         source=sources.GIANT_CELL_ARTERITIS),
    # Kawasaki disease: five days of fever with red eyes, cracked lips, swollen hands.
    # Without visual symptoms: same-day bloods and a specialist's review, and steroids
    # started (BSR 2020).
    _cat("suspected_gca", "possible giant cell arteritis", S, "rheumatology", (LABS, CONSULT),
         "giant cell arteritis|temporal arteritis|tender temple|temple tender"
         "|tender left temple|tender right temple|temporal tenderness|jaw aches when chewing"
         "|jaw pain when chewing|jaw claudication|scalp tender|tender scalp"
         "|aching over the right temple|aching over the left temple"
         "|scalp sore when she brushes her hair|scalp sore when he brushes his hair"
         "|jaw aches when she chews|jaw aches when he chews"),
    # Urgent (IVIG within the first ten days), not minutes: ESI's resources and danger-zone
    # vitals grade it, as writers did for 15 of 17 such children.
    _cat("kawasaki", "fever with signs of Kawasaki disease", S, "paediatrics",
         (LABS, IMAGING, MEDS),
         "kawasaki|cracked lips|cracked red lips|red cracked lips|strawberry tongue"
         "|peeling fingers|peeling fingertips", requires_any="fever|febrile|temperature",
         infection=True, source=sources.KAWASAKI),
    # Spinal cord or cauda equina compression: a sensory level, saddle numbness, weak legs,
    # lost bowel or bladder control with back pain or cancer.
    _cat("cord_compression", "signs of spinal cord or cauda equina compression", B,
         "neurosurgery", (IMAGING, CONSULT),
         "saddle anaesthesia|saddle anesthesia|saddle numbness|numb when i wipe"
         "|numb down below|stool incontinence|bowel incontinence|faecal incontinence"
         "|fecal incontinence|both legs weak|both legs numb|legs like jelly|numb from the"
         "|numb from about|sensory level|cord compression|cauda equina|legs weak|legs numb"
         "|weak legs|numb legs|legs are weak|legs are numb|legs have gone weak"
         "|can't pass urine|cannot pass urine|unable to pass urine|urinary retention"
         "|weak grip|grip weak|tingling in both hands|both hands tingly|both hands tingling"
         "|both arms tingling"
         "|legs have gone numb|legs gone numb|can't feel it|weakness both arms"
         "|tingling both arms|both arms weak|tingling and weakness both arms"
         "|tingling both hands|tingling in hands|both hands tingle|grip weaker|weaker grip"
         "|like electric shocks"
         "|can't feel the toilet paper|can't feel when he wipes|can't feel when she wipes"
         "|numb when wiping"
         "|legs feel weak|legs feeling weak|legs are feeling weak|legs going weak"
         "|legs giving way|legs heavy|legs now heavy|legs feel heavy|legs feeling heavy"
         "|both hands went tingly|hands went tingly|both arms went tingly|both hands tingly for"
         "|tingling in both hands|both arms tingly"
         "|tingling down both arms|tingling down both legs|both arms tingling"
         "|pins and needles in both arms|pins and needles down both arms"
         "|legs feel heavy|legs felt heavy|legs feeling heavy|both legs heavy"
         "|legs have gone heavy|legs heavy and"
         "|weakness in both legs|tingling in both legs|tingling and weakness in both legs"
         "|weakness both legs|tingling both legs"
         "|tingling in both feet|tingling in both legs|both feet tingling|both feet numb"
         "|numbness in both legs|numbness in both feet|pins and needles in both feet"
         "|pins and needles in both legs"
         "|can't move arms or legs"
         "|numbness down below|numb down there|numbness down there"
         "|numb around back passage|numb around his back passage|numb around her back passage"
         "|numbness around back passage|numb around the back passage"
         "|struggling to start passing urine|trouble starting to pass urine"
         "|legs heavy like lead|legs heavy like|legs like lead"
         "|numb where you sit|numb where he sits|numb where she sits"
         "|numb where you sit on a bike"
         "|numb between his legs|numb between her legs|numb between my legs"
         "|numbness between his legs|numbness between her legs|both hands feel tingly"
         "|hands feel tingly"
         "|pins and needles in both hands|pins and needles in both his hands"
         "|pins and needles in both her hands"
         "|pins and needles both feet|both feet tingly"
         "|numb around his bottom|numb around her bottom|numb around the bottom"
         "|numb in the saddle area|numbness in the saddle area"
         "|both hands tingled|both hands tingled for|hands tingled for about a minute",
         requires_any="back|spine|spinal|cancer|mets|metastases|metastatic|lbp|neck|disc"
         "|thoracolumbar|lumbar|thoracic"
         "|prolapsed disc|disc prolapse|slipped disc|sciatica",
         source=sources.CORD_COMPRESSION),
    # Compartment syndrome: pain out of proportion, pain on passive stretch, a tight cast.
    _cat("compartment_syndrome", "signs of compartment syndrome", B, "orthopedics",
         (LABS, CONSULT, PROCEDURE),
         "compartment syndrome|pain with passive|pain on passive|passive stretch"
         "|cast is too tight|cast is crushing|tight cast|pain out of proportion"
         "|moved passively|passive movement|passive extension|passive flexion"
         "|on passive stretch|worse when fingers are stretched|worse when his fingers are stretched"
         "|worse when her fingers are stretched|worse when toes are stretched"
         "|toes are passively|toes passively|fingers passively|passive toe|passive finger"
         "|worse on passive|tense and shiny|calf tense and shiny|way more than you'd think"
         "|more than you'd expect",
         source=sources.COMPARTMENT_SYNDROME),
    # Sweating with nausea, breathlessness or sudden fatigue is how a heart attack shows in
    # older adults, women and diabetics, often without chest pain.
    _cat("high_pressure_injection", "a high-pressure injection injury", B, "plastic_surgery",
         (XRAY, CONSULT),
         "injection injury|high pressure injection|paint gun|grease gun|airless paint sprayer"
         "|airless sprayer|paint sprayer"
         "|paint spray gun"
         "|self injected|self-injected|oil based vaccine|oil-based vaccine"
         "|vaccine into his finger|vaccine into her finger|injected into his finger"
         "|injected into her finger"
         "|high pressure washer|pressure washer jet|jet washer|pressure washer"
         "|jet went into|jet went into the pad|pressure washing jet"
         "|hydraulic hose burst|hydraulic hose split"
         "|hydraulic fluid injected|hydraulic oil injected|injected hydraulic",
         source=sources.HIGH_PRESSURE_INJECTION),
    _cat("acs_equivalent", "sweating with an anginal equivalent", B, "cardiology",
         (LABS, ECG), "sweating buckets|drenched in sweat|diaphoretic|diaphoresis|cool sweat"
         "|sweating|sweaty|clammy"
         "|nausea and sweats|sweats since",
         requires_any="nausea|nauseous|felt sick|feels sick|jaw|arm pain|shortness of breath"
         "|breathless|short of breath|tired|fatigue|exhausted|epigastric|indigestion"
         "|heartburn", source=sources.ACS_EQUIVALENT),
    # A stoma turning dusky or black is losing its blood supply.
    _cat("stoma_ischaemia", "a dusky or black stoma", B, "general_surgery", (LABS, CONSULT),
         "stoma now dark|stoma dark|stoma black|stoma purple|dusky stoma|black stoma"
         "|purple stoma|stoma is black|stoma is purple|stoma is dusky|stoma now dark purple",
         source=sources.STOMA_ISCHAEMIA),
    # Orbital cellulitis: a bulging eye that hurts to move threatens sight and brain.
    _cat("orbital_cellulitis", "a bulging or painful-to-move eye", B, "ophthalmology",
         (LABS, IMAGING, MEDS),
         "eye bulging|bulging eye|proptosis|pain with eye movement"
         "|hurts to look side to side|hurts to move her eye|hurts to move his eye"
         "|eye pushed forward|eye now pushed forward|hurts to move it, seeing double"
         "|pushing forward|eye bulging"
         "|red swollen eyelid|swollen eyelid and skin round the eye"
         "|eyelids red and swollen shut"
         "|right eyelids red and swollen|left eyelids red and swollen|eyelids red and swollen"
         "|lid red and almost shut"
         "",
         infection=True, source=sources.ORBITAL_CELLULITIS),
    # Skin failure: blisters and peeling skin with raw mouth and eyes (SJS/TEN).
    _cat("skin_failure", "blistering, peeling skin with sore mucosa", B, "dermatology",
         (LABS, FLUIDS, CONSULT),
         "peeling off in sheets|skin peeling off|skin sloughing|sloughing skin|mouth raw"
         "|lips raw|stevens johnson|toxic epidermal", source=sources.SKIN_FAILURE),
    # A laboratory value in the danger range, called in by a clinic or read in the note.
    _cat("critical_lab", "a dangerous laboratory value", B, "general_practice",
         (LABS, ECG, MEDS), "severe hyperkalemia|severe hyponatremia"
         "|severe hypokalemia|severe hypernatremia|peaked t waves|tented t waves",
         source=sources.CRITICAL_LAB),
    # Sodium 115 to 124 with severe symptoms is treated now; without them it is worked up
    # at decision point C as an electrolyte disorder.
    _cat("symptomatic_hyponatraemia", "profound hyponatraemia with severe symptoms", B,
         "general_practice", (LABS, FLUIDS, MEDS), "profound hyponatremia",
         requires_any="vomiting|vomited|vomits|seizure|seizures|fit|fitted|fitting|drowsy"
         "|sleepy|somnolent|confused|confusion|muddled|disorientated|disoriented|collapsed",
         source=sources.HYPONATRAEMIA_SYMPTOMS),
    # Heat stroke is not a stroke: hyperthermia with brain dysfunction needs cooling now.
    _cat("heat_stroke", "heat stroke (hyperthermia)", B, "critical_care", (LABS, FLUIDS, MEDS),
         "heatstroke|sunstroke|hyperthermia", source=sources.HEAT_STROKE),
    # Any bite by a venomous snake may progress to envenoming.
    # Symptoms with a source (an old heater, a generator indoors, a household all affected).
    _cat("carbon_monoxide", "suspected carbon monoxide poisoning", B, "toxicology",
         (LABS, ECG, MEDS), "carbon monoxide|co poisoning|co alarm|carboxyhaemoglobin"
         "|carboxyhemoglobin|cohb|paraffin heater|gas heater|faulty boiler|generator indoors"
         "|generator in the garage|family have headaches too|kids have headaches too"
         "|family has headaches|all have headaches|both have headaches"
         "|hose from exhaust|found in closed garage"
         "|petrol generator|running a generator|colleagues also have headaches"
         "|also have headaches|others have headaches|colleagues have headaches",
         requires_any="headache|headaches|dizzy|dizziness|nausea|nauseous|vomiting|confused"
         "|confusion|drowsy|collapsed|unwell|breathless|chest pain",
         source=sources.CARBON_MONOXIDE),
    # A hernia that will not go back, with signs of strangulation or obstruction (a red or
    # dusky lump, no wind, a distended belly) or a baby who cannot be settled.
    _cat("incarcerated_hernia", "an irreducible hernia with signs of strangulation", B,
         "general_surgery", (LABS, IMAGING, CONSULT),
         f"{_IRREDUCIBLE}|strangulated hernia",
         requires_any="inconsolable|inconsolably|screaming|unsettled|red|discoloured|dusky"
         "|discolored|purple|no wind|not passed wind|no flatus|distended|bloated|strangulated",
         source=sources.INCARCERATED_HERNIA),
    # ...without them, vomiting or a tender lump is an urgent surgical review, with bloods
    # and often a scan (NICE CKS).
    _cat("irreducible_hernia", "an irreducible hernia", S, "general_surgery",
         (LABS, IMAGING, CONSULT),
         _IRREDUCIBLE,
         requires_any="vomit|vomited|vomiting|firm|hard|tender|hernia|lump|groin|painful",
         source=sources.IRREDUCIBLE_HERNIA),
    _cat("snake_bite", "a snake bite", B, "toxicology", (LABS, MEDS),
         "snake bite|snakebite|bitten by a snake|rattlesnake|rattler|viper bite|envenomation"
         "|copperhead|cottonmouth|adder bite|by a snake|by snake|snake bit"
         "|adder|bitten by adder|bitten by an adder",
         source=sources.SNAKE_BITE),
    _cat("sexual_assault", "sexual assault", B, "gynecology", (LABS, CONSULT),
         "sexual assault|sexual violence|sexual abuse|raped|rape|sexually assaulted"
         "|he forced me|forced me|forced himself on|made me have sex"
         "|sexually abused|underwear missing"
         "|worried she was assaulted|worried he was assaulted|may have been assaulted"
         "|might have been assaulted"
         "|tights torn|wants to know if something happened|if something happened to her"
         "|clothes torn and can't remember"),
    _cat("testicular_torsion", "possible testicular torsion", B, "urology", (IMAGING, CONSULT),
         "testicular pain|testicle pain|scrotal pain|testicular torsion|torsion|testicle aching"
         "|testicular ache|testicle ache|aching testicle|pain in testicle"
         "|testicle painful|testicle is painful|testicle swollen|testicle is swollen"
         "|swollen testicle|painful testicle|scrotum swollen|swollen scrotum|scrotal swelling"
         "|pain left testicle|pain right testicle|pain in left testicle|pain in right testicle"
         "|left testicle pain|right testicle pain|left testicular pain|right testicular pain"
         "|privates pain|swollen right testicle|swollen left testicle|painful right testicle"
         "|painful left testicle|tender right testicle|tender left testicle"
         "|testicle suddenly|testicle suddenly very painful|sudden testicular pain"
         "|sudden pain in his testicle|sudden pain in right testicle"
         "|sudden pain in left testicle"
         "|side of scrotum|scrotum red and swollen|scrotum red"
         "|swelling left testicle|swelling right testicle|sudden pain and swelling"),
    # Table 4-1: a chemical splash to the eye needs irrigation now, before anything else.
    _cat("chemical_eye", "a chemical in the eye", B, "ophthalmology", (PROCEDURE, CONSULT),
         "chemical in eye|chemical in the eye|chemical splash|chemical exposure to eye"
         "|alkali burn|acid in eye|acid in the eye|bleach in eye|bleach in the eye"
         "|eye chemical exposure|chemical exposure, eye|drain cleaner|oven cleaner|lye"
         "|ammonia|pepper spray|cement|bleach|mortar|lime|ph paper"
         "|line marking powder|marking powder|powder in eye|powder in his eye|powder in her eye"
         "|powder blew into|powder in the eye"
         "|splash to both eyes|eyewash station|splashed in both eyes"
         "|caustic|sodium hydroxide|alkali splash|caustic soda|parlour cleaner"
         "|cleaning spray squirted|spray squirted in|squirted in left eye"
         "|squirted in right eye|squirted in the eye"
         "|degreaser|alkaline"
         "|detergent splash"
         "|drink thrown in her face|drink thrown in his face|drink thrown in her eye"
         "|drink thrown in his eye"
         "|pool chlorine|chlorine solution in his|chlorine solution in her|chlorine in his eye"
         "|chlorine in her eye"
         "|splashed in the eyes|splashed in the eye|splashed in his eye|splashed in her eye"
         "|unlabelled drum|unlabeled drum"
         "|wet concrete splashed in his left eye|wet concrete splashed in his right eye"
         "|concrete splashed in his left eye|concrete splashed in his right eye"
         "|concrete in his eye|concrete in her eye",
         requires_any="eye|eyes|ocular",
         actions=("irrigate_eye",), source=sources.CHEMICAL_EYE),
    # An open globe: a shield and an ophthalmologist now; a blow to the eye is eye_injury.
    _cat("open_globe", "a penetrating eye injury or ruptured globe", B, "ophthalmology",
         (IMAGING, CONSULT),
         "ruptured globe|globe rupture|open globe|globe injury|penetrating eye|eye puncture"
         "|teardrop pupil|pupil teardrop|teardrop shaped pupil|peaked pupil|uveal prolapse"
         "|tissue at limbus|tissue at the limbus"
         "|punctured eye"
         "|pupil peaked|blood in front of iris|blood in front of the iris|hyphaema|hyphema"
         "|fluid level of blood|blood visible in front of the iris"
         "|wound on cornea|corneal wound|corneal laceration"
         "|layer of blood sitting at the bottom of the iris"
         "|layer of blood at the bottom of the iris"
         "|teardrop shaped|pupil looks teardrop|blood in the front of the eye"
         "|blood visible in the front of the eye|blood in front of the eye"
         "|pupil looks an odd shape|pupil an odd shape|odd shaped pupil|pupil odd shape"
         "|irregular pupil|misshapen pupil",
         source=sources.OPEN_GLOBE),
    # Standard complaints: resources an ED typically needs (decision point C).
    # Skin signs of poor perfusion: with hypotension they make decision point A (chapter 3);
    # alone they still need a work-up (labs, ECG, IV fluids).
    _cat("poor_perfusion", "skin signs of poor perfusion", S, "critical_care",
         (LABS, ECG, FLUIDS),
         "cool and clammy|clammy|diaphoretic|diaphoresis|mottled|cool sweat|cool sweats"
         "|prolonged capillary filling|delayed capillary filling|mottling|ashen"
         "|cool extremities|cool peripheries|cool peripherally|cool hands and feet"
         "|cool hands|cool feet"
         "|grey colour|gray color|limp and grey|limp and gray|looks grey|looks gray"
         "|grey and sweaty|gray and sweaty|pale and sweaty|grey and clammy|pale and clammy"),
    _cat("shortness_of_breath", "shortness of breath", S, "pulmonology", (LABS, ECG, XRAY),
         "shortness of breath|short of breath|difficulty breathing|trouble breathing"
         "|breathless|breathlessness|dyspnea|dyspnoea|desaturation|hypoxia|hypoxemia"
         "|hypoxaemia|needs 2 pillows|needs two pillows|puffed|more puffed|sleep sitting up"
         "|sleeps sitting up|orthopnoea|orthopnea"
         "|copd exacerbation|exacerbation of copd|aecopd|bronchiolitis"
         "|can't breathe|cannot breathe|unable to breathe|can't catch my breath"
         "|can't catch her breath|can't catch his breath|can't get my breath"
         "|can't get her breath|can't get his breath"
         "|copd flare|flare of copd|copd flare up|infective exacerbation"
         "|breathing fast|breathing quickly|fast breathing"
         "|breathing worse|breathing is worse|more breathless|breathlessness worse"
         "|speaking in phrases"
         "|speaking in phrases"
         "|breathing funny|breathing oddly|breathing strangely|funny breathing"
         "|breathing differently|breathing faster today|breathing faster than usual"
         "|chestier than usual|chestier"
         "|rattly chest"
         "|more chesty"
         "|chest a bit tighter|chest tighter|sleeping on 3 pillows|sleeping on three pillows"
         "|ankles like balloons"
         "|chests bad again|chest is bad again"
         "|started his rescue pack|started her rescue pack|rescue pack yesterday"
         "|puffing on arrival"),
    # Too much paracetamol over days for pain, without intent: bloods and acetylcysteine now,
    # whatever the level (MHRA 2012; TOXBASE). Intent to self-harm reads as overdose.
    _cat("staggered_overdose", "a staggered paracetamol overdose", S, "toxicology",
         (LABS, MEDS),
         "staggered overdose|too much paracetamol over days|co codamol and paracetamol together"
         "|paracetamol and co codamol together"),
    # A drink thought spiked, with no assault and the patient now well: observed and
    # examined, bloods if symptoms persist (a sexual assault is read as such).
    _cat("drink_spiked", "a drink thought spiked", S, "toxicology", (LABS,),
         "drink was spiked|drink spiked|spiked drink|been spiked|was spiked"),
    # A slow heart rate or heart block found by a GP or on an ECG: an ECG, bloods and
    # cardiology's advice (ESC 2021 pacing guideline).
    _cat("bradycardia", "a slow heart rate or heart block", S, "cardiology", (ECG, LABS),
         "bradycardia|bradycardic|sinus brady|heart block|1st degree block|first degree block"
         "|2nd degree block|second degree block|complete heart block|chb"),
    _cat("palpitations", "palpitations", S, "cardiology", (LABS, ECG),
         "palpitations|palpitation|racing heart|heart racing|irregular heartbeat|tachycardia"
         "|heart's racing|heart is racing|heart is going crazy|heart pounding"
         "|thumping in the neck|heart thumping"
         "|new af|fast af|af rate|possible af|in af|atrial flutter|heart fluttering|heart flutter"
         "|fluttering in chest|flutter in chest|felt a flutter|skipping beats"
         "|skipped beats|dropped beats|missed beats|dropped beat"
         "|heart fluttering"
         "|fluttering in her chest|fluttering in his chest|fluttering in chest"
         "|fluttering in my chest"
         "|fluttery heartbeat|fluttery heart|heart fluttery|heart fluttering"
         "|heart races"
         "|heart skipping|heart is skipping"
         "|keeps skipping|chest is fluttering|chest fluttering"
         "|fluttering heartbeat|fast fluttering"
         "|missing beats|heart keeps missing"
         "|heart's been going funny|heart going funny|heart's going funny"
         "|heart has been going funny|heart feels funny"
         "|heart start racing|heart started racing"
         "|heart is pounding|flip flopping|heart keeps flip flopping"
         "|fluttery|feels fluttery|feeling fluttery"
         "|heart has been jumping|heart jumping|heart keeps jumping"
         "|irregular pulse found|irregular pulse at his annual review"
         "|found to have an irregular pulse"
         "|flutters in her chest|flutters in his chest|flutters in chest"
         "|smartwatch kept showing|smartwatch showed|watch kept showing|watch showing hr"
         "|fluttering since"
         "|heart flip|heart flipping|heart flipped"
         "|racing heartbeat|ecg showed af|showed af"),
    _cat("syncope", "syncope or loss of consciousness", S, "cardiology", (LABS, ECG),
         "syncope|syncopal|fainted|fainting|passed out|loss of consciousness|lost consciousness"
         "|blackout|blacked out|collapsed|felt faint|near syncope|nearly fainted|presyncope"
         "|pre syncope"
         "|slumped in chair"
         "|brief collapse|went down in the yard|saw him out for|came round quickly"
         "|funny turn|went grey, sat down|came round in under"
         "|went down at the bus stop|went down with no warning|with no warning"
         "|came round within a minute|found slumped"
         "|went down just after the finish line|out only briefly|went down after the finish"
         "|went down at the bar|went down while standing|slumped in the queue"
         "|felt she was going to pass out|felt he was going to pass out|going to pass out"
         "|collapses today|sudden collapses|collapses without warning|two collapses"),
    _cat("abdominal_pain", "abdominal pain", S, "general_surgery", (LABS, IMAGING, MEDS),
         "abdominal pain|abdomen pain|abdominal distension|stomach pain|belly pain|abdo pain"
         "|colitis|crohn's flare|crohns flare|ibd flare|pain abdomen|bellyache|belly ache"
         "|pain under her right ribs|pain under his right ribs|under the ribs|came out cloudy"
         "|cloudy effluent"
         "|tummy pain|tummy ache|sore tummy|holding her tummy|holding his tummy|belly hurts"
         "|stomach ache|epigastric pain|rlq pain|ruq pain|llq pain|luq pain|abdominal discomfort"
         "|abdomen discomfort|distended abdomen|abdominal distention|rlq abdominal pain"
         "|ruq abdominal pain|llq abdominal pain|luq abdominal pain|abdominal mass"
         "|quadrant pain|quadrant abdominal pain|quadrant tenderness|lower abdominal pain"
         "|upper abdominal pain|periumbilical pain"
         "|cloudy bags|cloudy bag|tummy aches|crohn's|crohns"
         "|rif pain|lif pain|right iliac fossa pain|left iliac fossa pain|pain in rif"
         "|pain in lif|periumbilical pain|round the belly button|around the belly button"
         "|around umbilicus|round the umbilicus|moved to right side|moved to the right side"
         "|moved to rlq|moved to the rlq"
         "|tender rif|rif tenderness|tender in rif|tender right iliac fossa|rebound tenderness"
         "|with rebound|tender ruq|ruq tenderness|tender luq|luq tenderness|abdominal guarding"
         "|guarding luq|guarding ruq|guarding rif|moved to rif|moved to the rif|ruq|luq|rif|lif"
         "|rlq|llq"
         "|pain left upper abdomen|pain right upper abdomen|pain upper abdomen"
         "|pain lower abdomen|left upper abdomen|right upper abdomen|left lower abdomen"
         "|right lower abdomen|kicked in the stomach|kicked in the abdomen"
         "|punched in the stomach|kicked in the belly|punched in the belly"
         "|epigastric burning|burning in the upper tummy|burning in upper tummy"
         "|burning upper abdomen"
         "|burning pain upper abdo"
         "|round belly button|around belly button|round the belly button|around the belly button"
         "|round his belly button|around his belly button|round her belly button"
         "|around her belly button|periumbilical pain|right iliac fossa|left iliac fossa"
         "|rif pain|lif pain"
         "|right lower abdo|left lower abdo|lower abdo pain|right lower abdomen"
         "|left lower abdomen"
         "|belly more swollen|belly swollen|belly is swollen|tummy more swollen|tummy swollen"
         "|swollen belly|swollen tummy|swollen abdomen|abdomen swollen|abdomen more swollen"
         "|pain under ribs after eating|side of tummy|side of her tummy|side of his tummy"
         "|side of my tummy|side of the tummy|upper abdomen and up into"
         "|burning pain behind the breastbone|burning behind the breastbone"
         "|pain after fatty meals|murphy's positive|murphys positive"
         "|upper tummy after"
         "|pain low on the right|pain low on the left"
         "|bloating, weight loss|bloating and weight loss|bowels changed|change in bowel habit"
         "|weight loss, bowels"
         "|belly getting bigger and tighter|belly getting bigger|tummy getting bigger"
         "|abdomen getting bigger"
         "|burning in upper stomach after meals|burning in upper stomach|tummy blown up"
         "|hasn't passed wind today|not passed wind today|hasn't passed wind"
         "|burning pain upper tummy|burning upper tummy"
         "|epigastric, 5/10|epigastric ache|epigastric discomfort"
         "|upper stomach|pressure in the upper stomach"),
    # CTAS counts pelvic organs as central pain; labs and an ultrasound (ectopic, torsion).
    _cat("pelvic_pain", "pelvic pain", S, "gynecology", (LABS, IMAGING),
         "pelvic pain|ovarian cyst|adnexal pain"
         "|pelvis ache|pelvic ache|ache in right pelvis|ache in left pelvis|ache in pelvis"
         "|endometriosis"),
    _cat("renal_colic", "possible renal colic", S, "urology", (LABS, IMAGING, MEDS),
         "kidney stone|renal colic|flank pain|costovertebral angle pain|loin to groin"
         "|loin pain|comes in waves|side pain|wee's gone pink|pink urine"
         "|it's in my side|pain in my side|pain in his side|pain in her side"
         "|had kidney stones before|kidney stones before"
         "|known kidney stones|usual left sided colic|usual right sided colic"
         "|known stone former|like his last stone|like her last stone"
         "|feels like his last stone"
         "|pain in waves going to the groin"
         "|going to the groin|kidney stone 2 yrs ago"
         "|dull left loin ache|dull right loin ache|feels like his last one"
         "|feels like her last one|left flank ache 4/10|history of stones"
         "|loin ache coming in waves|ache coming in waves|stone pain|pain coming in waves"
         "|known renal stones"),
    _cat("vomiting", "vomiting or diarrhoea", S, "general_practice", (LABS, FLUIDS),
         "vomiting|vomit|vomited|retching|nausea|diarrhea|diarrhoea|gastroenteritis|dehydration"
         "|loose stools|loose stool|loose motions|tummy bug|stomach bug|can't keep anything down"
         "|can't keep water down|hasn't kept anything down|hardly had a wet nappy|v/d"
         "|dehydrated|vommiting|vomitting|vomting|diarhea|diarhoea|diarrea|diahrrea"
         "|vomits after feeds|been sick all day"
         "|vomits after feeds|vomits after most feeds"
         "|runny poo|runny poos"
         "|can't keep even water down|cannot keep water down"
         "|sick most mornings|morning sickness|projectile vomits|projectile vomiting"
         "|vomits after every feed"
         "|runny stools"),
    _cat("vaginal_bleeding", "vaginal bleeding", S, "gynecology", (LABS, IMAGING),
         "vaginal bleeding|vaginal bleed|menorrhagia|vaginal spotting|spotting"
         "|bleeding from vagina|bleeding from the vagina|post coital bleeding"
         "|postcoital bleeding|bleeding after sex"
         "|bleeding picked up again|heavier with some clots|heavier with clots"
         "|pv bleeding|pv bleed|bleeding pv|heavy pv|soaking a pad|soaking pads|soaked pads"
         "|soaking through pads"
         "|post menopausal bleeding|postmenopausal bleeding|pmb|post menopausal bleed"
         "|miscarried at home|still bleeding heavily with clots|bleeding heavily with clots"
         "|postpartum, heavy bleeding|heavy bleeding since the afternoon|changing pad hourly"
         "|after a medical termination"
         "|heavy bleeding with clots since|baby born 6 days ago, heavy bleeding"),
    # An open fracture of a limb: IV antibiotics within the hour and the orthopaedic and
    # plastic surgeons (BOAST 4; NICE NG37). The handbook grades one with intact pulses ESI
    # 3; severe pain with it makes ESI 2 (esi._severe_pain). A fingertip's is a fracture.
    _cat("open_fracture", "an open fracture", S, "orthopedics", (XRAY, MEDS, CONSULT),
         "open fracture|open fractures|compound fracture|bone visible|bone exposed"
         "|exposed bone|bone end visible|bone ends visible|bone ends out|bone end out"
         "|bone sticking out|bone poking out|bone through the skin|bone through skin"
         "|bone protruding|protruding bone"
         "|bone through a wound|bone through the wound|bone through wound|bone through a cut"
         "|bone showing",
         source=sources.OPEN_FRACTURE),
    _cat("fracture", "a possible fracture or dislocation", S, "orthopedics", (XRAY, MEDS),
         "fracture|fractured|broken|deformity|deformed|dislocation|dislocated|visibly bent"
         "|popped out|squared off|dinner fork|looks bent|bent above the elbow"
         "|shorter and turned out|can't put any weight on|sticking out sideways"
         "|internally rotated|felt a clunk|shoulder out"
         "|angulated|angulation|bone visible|bone exposed|exposed bone|open fracture"
         # The shortened, externally rotated leg of a hip fracture.
         "|shortened and externally rotated|shortened and rotated|externally rotated"
         "|broke arm|broke leg|broke wrist|broke ankle|broke nose|broke rib|broke foot"
         "|broke hand"
         "|bent funny"
         "|leg slightly short|leg short|leg shortened|shortened leg|knee cap go out"
         "|kneecap go out|knee cap went out|kneecap popped out|patella sitting laterally"
         "|patella displaced"
         "|obviously bent|forearm bent|arm bent|leg bent"
         "|can't bring teeth together|cannot bring teeth together|teeth don't meet"
         "|teeth don't fit together|teeth don't fit|malocclusion|bite feels wrong|bite is off"
         "|bent sideways|pointing sideways|finger bent|finger deformed"
         "|obvious bend|bend mid forearm|bend in the forearm|bent forearm"
         "|won't move it"
         "|refuses to move|refusing to move|not moving it"
         "|swelling mid thigh|mid thigh swelling|massive thigh swelling|thigh deformed"
         "|deformed thigh|thigh deformity"
         "|orbital floor"
         "|kneecap has moved|kneecap moved|kneecap popped"
         "|shin angled|leg angled|arm angled|wrist angled|angled"
         "|clearly out of shape|out of shape|visibly displaced|displaced laterally"
         "|jaw stuck open|can't close her mouth|can't close his mouth|cannot close her mouth"
         "|cannot close his mouth|jaw locked open|can't bite his teeth together"
         "|can't bite her teeth together"
         "|kneecap went sideways|patella visible|knee stuck bent"
         "|shoulder came out|shoulder has come out"
         "|foot pointing outwards|pointing outwards"
         "|both heels painful"),
    # A painful leg after a long journey, surgery or bed rest is a clot until a Doppler says
    # otherwise (the handbook's aching leg after two days in a car): labs and imaging.
    _cat("dvt_risk", "a painful leg with a clot risk", S, "vascular_surgery", (LABS, IMAGING),
         "leg pain|calf pain|leg ache|aching leg|leg swelling|leg aching|ached",
         requires_any="flight|long drive|drove|sitting in a car|car for|immobile|immobilized"
         "|immobilised|bed rest|bedbound|recent surgery|after surgery|travel|traveled"
         "|travelled|birth control|oral contraceptive|cancer|post partum|postpartum"),
    # Handbook chapter 5: a suspected deep vein thrombosis needs labs and a Doppler.
    # A ruptured Achilles tendon is diagnosed at the bedside (Simmonds' triad) and sent to
    # the orthopaedic team; an ultrasound only where the examination is unsure (BOFAS).
    _cat("tendon_rupture", "a possible tendon rupture", S, "orthopedics", (CONSULT,),
         "achilles rupture|ruptured achilles|achilles tendon rupture|palpable gap"
         "|thompson's positive|thompsons positive|thompson's test positive|can't push off"
         "|cannot push off|tendon rupture|ruptured tendon"
         "|simmonds test positive|simmonds positive|simmonds' test positive|can't tiptoe"
         "|cannot tiptoe"
         "|can't stand on tiptoe|cannot stand on tiptoe|unable to stand on tiptoe"
         "|no plantarflexion|calf squeeze"
         "|kicked his heel|kicked her heel|kicked in the heel|gap felt above the heel"
         "|gap above the heel|gap above his heel|gap above her heel|walking flat footed"
         "|kicked my heel|can't push up on tiptoe|cannot push up on tiptoe"
         "|kick in the back of his right calf|kick in the back of his left calf"
         "|kick in the back of her calf|can't push up onto tiptoe|cannot push up onto tiptoe",
         source=sources.ACHILLES_RUPTURE),
    _cat("lower_urinary_symptoms", "prostate or bladder outflow symptoms", S, "urology",
         (LABS,), "slow stream|poor stream|weak stream|nocturia|terminal dribbling"
         "|enlarged prostate|prostate symptoms|up at night to pass urine"),
    # Reduced by hand, sometimes after a nerve block: one procedure.
    _cat("paraphimosis", "a retracted foreskin that will not return", S, "urology",
         (PROCEDURE,), "paraphimosis|foreskin stuck back|foreskin won't go back"
         "|foreskin stuck behind|can't pull foreskin forward|foreskin won't come forward"
         "|foreskin pulled back|foreskin stuck"),
    # An arm swollen beside a PICC or central line: a line-associated upper limb DVT, for
    # a Doppler and bloods (BCSH 2012, central venous catheter thrombosis).
    _cat("line_thrombosis", "a swollen arm with a central line (possible thrombosis)", S,
         "hematology", (IMAGING, LABS),
         "arm swollen|arm swelling|swollen arm|arm is swollen|arm has swollen",
         requires_any="picc|central line|hickman|portacath|port a cath|midline"),
    _cat("dvt", "a swollen or painful leg (possible deep vein thrombosis)", S,
         "vascular_surgery", (LABS, IMAGING),
         "dvt|deep vein thrombosis|calf pain|calf swelling|swollen calf|calf hurts"
         "|calf swollen|calf aching|aching calf|calf tender|tender calf|calf has been swollen"
         "|calf's been swollen"
         "|leg swelling|leg is swollen|swollen leg|leg swollen|thigh swelling|swollen thigh"
         "|painful swollen left calf|painful swollen right calf|painful swollen calf"
         "|swollen tender calf|tender swollen calf|swollen and tender calf"
         "|calf swollen and tender|swollen tender right calf|swollen tender left calf"
         "|tender swollen right calf|tender swollen left calf"
         "|swollen left calf|swollen right calf|left calf swollen|right calf swollen"
         "|left calf swelling|right calf swelling"
         "|calf and thigh swollen"
         "|swelling left calf|swelling right calf|swelling of left calf|swelling of right calf"
         "|swelling of the calf|swelling in left calf|swelling in right calf"
         "|swelling in the calf"
         "|swollen red left calf|swollen red right calf|swollen red calf|red swollen calf"
         "|bigger than right|bigger than left|bigger than the other"
         "|calf painful and swollen|calf painful swollen"
         "|swollen calf pain"
         "|painful swollen leg|painful swollen left leg|painful swollen right leg"
         "|painful swollen l leg|painful swollen r leg"
         "|swollen, tight calf|swollen tight calf|calf swollen and tight|tight calf"
         "|calf now tight and swollen|calf tight and swollen|calf tight|tight swollen calf"
         "|calf now swollen|calf now swollen and sore|knee replacement 3 weeks ago"
         "|calf ache and swelling|calf ache|groin swollen|thigh swollen and tight"
         "|injects into his groin|injects into left groin|injects into right groin"
         "|injects into her groin"
         "|sore right calf|sore left calf|sore calf|swollen sore right calf"
         "|swollen sore left calf"
         "|swollen tight left calf|swollen tight right calf|tight left calf|tight right calf"
         "|calf sore and swollen|calf 3cm bigger|calf 3 cm bigger|calf bigger than"),
    _cat("vehicle_collision", "a vehicle collision", S, "trauma_surgery", (XRAY, IMAGING),
         "motor vehicle collision|motor vehicle accident|car accident|car crash"
         "|aquaplaned|into barrier|into a barrier|airbags deployed|airbag deployed"
         "|crashed his car|crashed her car|crashed into"
         "|airbags went off|airbag went off"
         "|hit barrier|hit a barrier|hit the barrier|hit the central barrier"
         "|thrown off the quad|off the quad"),
    # A low-speed collision is examined; what hurts decides the imaging.
    _cat("minor_collision", "a minor, low-speed collision", S, "trauma_surgery", (),
         "minor collision|rear ended"
         "|car bumped|bumped at lights"
         "|fender bender|rear end collision"
         "|rear shunt|low speed rear shunt"
         "|reversed into his|reversed into her|reversed into their|reversed into the back of"),
    # A blow to the eye: an X-ray for an orbital fracture; visual acuity and the eye
    # examination are not ESI resources (handbook, chapter 5). A chemical in the eye is
    # chemical_eye; a foreign body needs its removal.
    _cat("eye_injury", "an eye injury", S, "ophthalmology", (XRAY,),
         "eye injury|eye trauma|black eye|orbital injury|hit eye|struck eye|punched eye"
         "|poked eye|kicked eye|elbowed eye"
         "|hit in eye|hit in the eye|hit in his eye|hit in her eye"
         "|poked in eye|poked in the eye|poked in right eye|poked in left eye|finger in eye"
         "|finger in the eye"
         "|hit in right eye|hit in left eye|hit in the eye|hit in eye"
         "|punched in left eye|punched in right eye|punched in eye"
         "|punched in his eye|punched in her eye|kicked in the eye"
         "|hit in the left eye|hit in the right eye|squash ball to the eye"
         "|squash ball to the left eye|squash ball to the right eye"
         "|flicked into eye|branch flicked into"
         "|poked in the right eye|poked in the left eye|branch in the eye"
         "|poked her right eye|poked her left eye|poked his right eye|poked his left eye"
         "|poked her eye|poked his eye|pencil in her eye|pencil in his eye"
         "|sees double when looking up|double when looking up"
         "|swollen almost shut"
         "|spark flew into|spark in eye|spark in her eye|spark in his eye"
         "|punched in the eye"
         "|swollen left eye after being punched|swollen right eye after being punched"
         "|punched last night|periorbital bruising"
         "|paddle caught her left eye|paddle caught his left eye|paddle caught her right eye"
         "|paddle caught his right eye|blood level in the front of the eye|small blood level"
         "|hockey stick to right eye|hockey stick to left eye|ball to right eye"
         "|ball to left eye"
         "|claw caught|dog's claw|cat's claw"
         "|singed eyebrows|firework went off near his face|firework went off near her face"),
    _cat("eye_foreign_body", "a foreign body in the eye", S, "ophthalmology", (PROCEDURE,),
         "foreign body in eye|foreign body in the eye|eye foreign body|something in my eye"
         "|foreign body sensation|speck on cornea|speck on the cornea|corneal foreign body"
         "|speck visible on|rust ring"
         "|grit blew into|grit in eye|grit in her eye|grit in his eye|fb on cornea"
         "|foreign body on cornea|grit in the eye"
         "|flew into right eye|flew into left eye|flew into his eye|flew into her eye"
         "|flew into the eye|metal in eye|metal in his eye|metal in her eye"
         "|chip of stone|chip of metal|fleck of metal"
         "|ash from a garden bonfire|blew into right eye|blew into left eye|blew into her eye"
         "|blew into his eye"
         "|barley awn|awn stuck|stuck under his upper lid|stuck under her upper lid"
         "|under his left upper lid|under her left upper lid"
         "|grinder spark|spark into|spark in his eye"
         "|glitter|something under the top lid|something scratchy in right eye"
         "|something scratchy in left eye|something scratchy in his eye"
         "|something scratchy in her eye"
         "|grinding metal at work without goggles|something went in right eye|grinding metal"
         "|something went in left eye|grit under the lid"
         "|grinding without goggles|angle grinder|flake of rust|metal sliver"
         "|rust spot|wire brush|something flicked into|something blew into|speck go in"
         "|twig went in|chaff blew|bit of leaf"
         "|strapping flicked"
         "|fluff went in|cat fluff|fluff in her eye|fluff in his eye",
         requires_any="eye|eyes|cornea|corneal"),
    _cat("head_injury", "a head injury", S, "neurology", (IMAGING,),
         "head injury|head trauma|hit head|hit his head|hit her head|hit my head"
         "|struck head|concussion|facial injury|face injury|facial trauma|nasal injury"
         "|kicked head|punched head|elbowed head|hit forehead|struck forehead|bumped head"
         "|banged head|forehead hematoma|scalp hematoma|head hematoma|head strike"
         "|occipital hematoma|back of head|back of his head|back of her head"
         "|occipital haematoma|scalp haematoma"
         "|hit face|struck face|punched face|kicked face|hit nose|punched nose|hit jaw"
         "|punched jaw|hit mouth|punched mouth"
         "|nose injury|nasal trauma|nose trauma"
         "|bumped forehead|bumped head|bumped his head"
         "|bumped her head"
         "|hit on head|hit on the head|hit in the head|hit on his head|hit on her head"
         "|lac to forehead|cut to forehead|laceration to forehead"
         "|knocked out for|knocked out a few|knocked himself out|knocked herself out"
         "|was knocked out|got knocked out|helmet cracked|cracked helmet|helmet split"
         "|face hit pavement|face hit the|hit face|hit his face|hit her face|nose bent"
         "|bent nose"
         "|head clash|bumped heads|clash of heads"
         "|swelling side of head|swelling on side of head|swelling left side of head"
         "|swelling right side of head|side of his head|side of her head|bump on head"
         "|bump on his head|bump on her head|lump on head|lump on his head|lump on her head"
         "|elbow to the nose|nose deviated|deviated nose|swollen nose|nose is bent"
         "|nose bent"
         "|hit right forehead|hit left forehead|side of head|side of his head|side of her head"
         "|hit on the head|hit in the head|hit to the head"
         "|forehead haematoma|head haematoma"
         "|head butted on the nose|headbutted on the nose"
         "|bruise on left temple|bruise on right temple|bruise on temple|bruised temple"
         "|hit temple|hit left temple|hit right temple"
         "|boggy swelling|fell from changing table|fell off changing table"
         "|fell off the changing table|fell from the changing table|bruise left forehead"
         "|bruise right forehead"
         "|bruise to left temple|bruise to right temple|bruise to temple"
         "|egg sized haematoma|egg sized lump"
         "|bruised face|boggy swelling over|swelling over right parietal"
         "|swelling over left parietal|soft swelling above"
         "|parietal scalp swelling|scalp swelling"
         "|struck occiput|struck her occiput|struck his occiput|hit occiput"
         "|swelling right temple|swelling left temple|bruised right temple|bruised left temple"
         "|nose punched"
         "|jaw pain after being headbutted|jaw pain after"
         "|punched once to|caught her left cheekbone|caught her right cheekbone"
         "|caught his left cheekbone|caught his right cheekbone"
         "|goose egg"),
    # A swollen face after an injury: an X-ray for a facial fracture. Without an injury
    # it is not read here (facial swelling may be angioedema: see anaphylaxis).
    _cat("facial_swelling_injury", "facial pain or swelling after an injury", S,
         "plastic_surgery", (XRAY,),
         "facial swelling|face swelling|cheek swelling|chin swelling|nasal swelling"
         "|nose swelling|jaw swelling|cheek edema|facial pain|face pain|jaw pain"
         "|mandibular pain|mandible pain|cheek pain|chin pain|nasal pain|nose pain"
         "|elbow to the face|swollen cheek"
         "|angle of jaw|angle of the jaw|hit on left jaw|hit on right jaw|hit on the jaw"
         "|punched in the jaw|punched on the jaw|jaw injury|tender jaw|jaw tender"
         "|tender cheekbone|cheekbone tender|tender over cheekbone|tender zygoma"
         "|tender over zygoma"
         "|swollen left cheek and bruised eye|swollen right cheek and bruised eye"
         "|walked into a door"
         "|punched left cheek|punched right cheek|punched cheek|swelling over zygoma"
         "|cheekbone|headbutted|head butted|numb upper lip|pain on opening jaw"
         "|over zygoma"
         "|tender over the cheekbone|bruised left cheek|bruised right cheek"
         "|cheek and upper lip feel numb|clashed heads|bite doesn't meet right"
         "|bite doesn't meet"
         "|step in the orbital rim|can't open his mouth fully|can't open her mouth fully"
         "|left cheek is numb|right cheek is numb|cheek is numb|numb left cheek"
         "|numb right cheek"
         "|punched once to left cheek|punched once to right cheek"
         "|numb cheek and upper lip|hockey ball to left cheek"
         "|football to the face|ball to the face"
         "|on the cheek by",
         requires_any="injury|injured|trauma|fall|fell|hit|assault|assaulted|struck"),
    # A typical seizure in known epilepsy, recovered: blood tests, no scan (NICE NG217).
    _cat("epilepsy_seizure", "a typical seizure in known epilepsy", S, "neurology", (LABS,),
         "typical epileptic seizure"
         "|epileptic, two fits|usual type"
         "|one of his usual fits|one of her usual fits|his usual fits|her usual fits"
         "|his usual fit|her usual fit"),
    _cat("seizure", "a seizure", S, "neurology", (LABS, IMAGING),
         "seizure|seizures|convulsion|sezure|siezure|seizuer"
         "|tonic clonic|had a fit|generalised seizure|generalized seizure|grand mal"
         "|one fit|fit at home|fit lasting|had a fit at"
         "|first ever fit|first fit|witnessed fit|having a fit|fitted at|fitting at|a fit at"
         "|a fit in|fit in the"
         "|fitted this morning|fitted this afternoon|fitted this evening|fitted earlier"
         "|fitted today|fitted twice|fitted last night"
         "|jerky movements"
         "|went stiff and jerked|stiff and jerking|went stiff and started jerking"
         "|fitted for"
         "|went stiff and shook|stiff and shook"),
    # New neurological symptoms short of the stroke signs: labs and brain imaging.
    # An acute dystonic reaction to a drug such as metoclopramide: IV or IM procyclidine.
    _cat("acute_dystonia", "an acute dystonic reaction", S, "neurology", (MEDS,),
         "dystonia|dystonic|dystonic reaction|oculogyric|oculogyric crisis"
         "|jaw and neck pulling|neck pulling to one side|tongue won't stay still"),
    # Brought in with their usual confusion (esi.py puts it in place of new confusion): why
    # they came is looked for with bloods and a chest X-ray.
    _cat("confusion_at_baseline", "confusion at the patient's usual level", S, "geriatrics",
         (LABS, XRAY), "confusion at the patient's usual level"
         "|gcs 14 which is usual for her|gcs 14 which is usual for him|which is usual for her"
         "|which is usual for him"),
    _cat("neuro_symptoms", "a new neurological symptom", S, "neurology", (LABS, IMAGING),
         "ataxia|gait disturbance|unsteady gait|difficulty walking|trouble walking|amnesia"
         "|memory loss|numbness|paresthesia|paresthesias|paraesthesia|sensory loss|tingling"
         "|diplopia|double vision|seeing double|blurred vision|blurry vision|visual disturbance"
         "|pins and needles|numb fingers|numb patch|eyelid twitching|walking unsteadily"
         "|unsteady on feet"
         "|visual change|visual changes|tremor|tremors|involuntary movement"
         "|involuntary movements"
         "|tingly patch|numb tingly patch"
         "|arm went numb and clumsy|went numb and clumsy"
         "|more forgetful|got lost walking"
         "|hand numb and clumsy|numb and clumsy|arm numb and clumsy"
         "|left hand went numb for|right hand went numb for|hand went numb for 10 min"
         "|arm went numb for"
         "|left side of face went numb|right side of face went numb"
         "|left arm and left side of face went numb"),
    _cat("dizziness", "dizziness", S, "neurology", (LABS, ECG),
         "dizzy|dizziness|vertigo|lightheaded|light headed|room spinning|bppv|giddiness|spinning"
         "|giddy"
         "|room spins"),
    _cat("cellulitis", "a skin or soft-tissue infection", S, "general_practice", (LABS, MEDS),
         "cellulitis|skin infection|mastitis|breast abscess|skin redness|toe redness"
         "|foot ulcer|diabetic ulcer|infected ulcer|spreading redness|redness spreading"
         "|finger redness|foot redness|leg redness|localized redness|localised redness"
         "|red hot limb|reddened hot limb|hot swollen|breast redness|localized swelling"
         "|localised swelling|red warm swollen|warm swollen|is infected|looks infected"
         "|red hot leg|spreading up"
         "|redness around|redness up to|incision red|wound red|gone red|red and hot and swollen"
         "|probes to bone|ulcer under|oozing cloudy"
         "|infected wound|wound infection|infected cut"
         "|foot red and swollen|foot is red and swollen|ulcer smells"
         "|smelly ulcer"
         "|diabetic foot"
         "|red line up|red line going up|red streak up|red streaks up|red streaking|streaking up"
         "|lymphangitis|tracking up"
         "|toe ulcer|ulcer on toe|ulcer on his toe|ulcer on her toe"
         "|red up to ankle|red up to the ankle"
         "|redness around the ulcer|ulcer more painful|smelly leg ulcer|leg ulcer smelly"
         "|infected leg ulcer|red to mid shin|foot red to|trench foot|immersion foot"
         "|wet socks for days"
         "|spreading above the pen|spreading past the pen|beyond the pen line"
         "|past the pen marks|above the pen line|spreading above the line|beyond the marked"
         "|spreading past the line|spreading beyond the line"
         "|leg hot red swollen|leg red hot swollen|leg hot red|leg red hot"
         "|beyond the pen mark|past the pen mark|pen mark|swollen red left lower leg"
         "|swollen red right lower leg|swollen red leg|red lower leg"
         "|shins ulcerated|legs ulcerated|ulcerated and weeping|weeping ulcers|ulcers weeping"
         "|leg ulcers smell"
         "|ulcer on right toe|ulcer on left toe|ulcer on toe|toe ulcer"
         "|pocket swollen|red hot and spreading"
         "|painful red swelling"
         "|toe gone black|red and hot over"
         "|tattoo red and sore|tattoo, red and sore"
         "|past the line|well past the line|red swollen shin|hot red swollen shin"
         "|picc exit site red|exit site red and tender|line site red"
         "|toe black and sore|lid now red and swollen"
         "|foot red and hot|skin macerated|redness now up to the ankle"
         "|ulcer on right foot worse|ulcer on left foot worse"
         "|swollen red upper eyelid|swollen red eyelid"
         "|red warm patch|warm red patch|red hot patch|hot red patch|redness tracking"
         "|red swollen lower leg"
         "|past the pen line|spreading past|past yesterday's pen line|despite oral fluclox"
         "|despite oral antibiotics"
         "|ulcer on right heel|ulcer on left heel"
         "|ulcer on ball of|black area on the heel|heel ulcer|ulcer on his heel"
         "|ulcer on her heel|ulcer on big toe|ulcer on the heel|getting redder"
         "|tattoo now red"
         "|red to the knee|red up the foot|red up his leg|red up her leg|toe going black"
         "|toes going black|box site hot|pacemaker site red|pacemaker site hot"
         "|left 2nd toe going black|right 2nd toe going black"
         "|ulcer on sole|ulcer on the sole|ulcer on the ball of|forefoot red"
         "|red and swollen up to|smells worse|red and swollen over the"
         "|smelly with green discharge|green discharge from wound|wound not healing"
         "|leg ulcer now hot|ulcer now hot and red|hot and red up to the knee"
         "|red up to the knee|red to mid foot|red to mid-foot|drain site hot"
         "|skin around the drain site"
         "|black at the tip and red|red up to mid foot|toe black and oozing|black and oozing"
         "|red tender picc line site|red tender line site|red picc line site|picc site red"
         "|leg red and hot from ankle to knee|red and hot from ankle to knee"
         "|red with streaks up the arm|streaks up the arm|redness creeping up to the ankle"
         "|redness creeping up"
         "|sore red hot lower left leg|sore red hot lower right leg|red hot lower leg"
         "|red painful skin under her tummy fold|both lower legs red and weeping"
         "|red hot and weeping|shins red hot|swollen hot red"
         "|ulcer on left foot|ulcer on right foot|redness now up to|forearm red and swollen"
         "|arm red and swollen|red and swollen from wrist to elbow"
         "|black and smelly|gone black and smelly"
         "|beyond the pen marks|spreading beyond the pen|redness of right lower leg"
         "|redness of left lower leg",
         infection=True),
    # Hypoglycaemia treated before arrival, the mind back to normal: a glucose recheck and
    # labs; on a sulphonylurea, which outlasts the treatment, a dextrose infusion too
    # (JBDS-IP 2023).
    _cat("sulphonylurea_hypoglycaemia", "hypoglycaemia on a sulphonylurea", S,
         "endocrinology", (LABS, FLUIDS),
         "gliclazide|glimepiride|glipizide|glibenclamide|sulphonylurea|sulfonylurea",
         requires_any="recovered hypo|hypo|hypoglycaemia|hypoglycemia|glucose gel|glucogel"
         "|glucagon|iv glucose|iv dextrose"),
    _cat("recovered_hypoglycaemia", "hypoglycaemia treated and recovered", S, "endocrinology",
         (LABS,), "recovered hypo"
         "|hypo in maths"
         "|hypo in the|had a hypo"
         "|now bm 5|now bm 6|now bm 7|now bm 8|glucose gel by staff|glucose gel given"
         "|now bm 4.6|gave him glucogel|gave her glucogel|glucogel and toast"
         "|now 6.4 and chatting|gave her juice and toast|gave him juice and toast"
         "|juice and toast|juice and biscuits"
         "|3 night time hypos|night time hypos|hypo at work|paramedics gave glucagon"
         "|crew gave oral glucose|drank glucose juice"),
    _cat("glucose", "a blood glucose problem", S, "endocrinology", (LABS, MEDS),
         "low blood sugar|hypoglycemia|hypoglycaemia|high blood sugar|hyperglycemia"
         "|hyperglycaemia|hypoglycemic|hypoglycaemic|hyperglycemic|hyperglycaemic|blood sugar high"
         "|blood sugar low|glucose high|high glucose|sugar high|high sugar|sugars high"
         "|glucose low|low glucose|sugar low|low sugar|sugars low"
         "|says hi|reads hi|meter hi"
         "|peeing all the time|passing urine all the time|passing urine lots|peeing a lot"
         "|polyuria|polydipsia|very thirsty|excessive thirst"
         "|passing lots of urine"
         "|weeing loads|weeing a lot|peeing loads"
         "|feeling thirsty|very thirsty|thirsty and tired|thirsty and passing|polydipsia"
         "|occlusion alarm|passing urine often and thirst"
         "|drinking loads and weeing lots|gave glucose gel|lucozade and toast"
         "|weeing lots|peeing lots|weeing a lot|peeing a lot|thirsty all the time"
         "|random glucose"
         "|up at night to wee|drinking loads"
         "|thirsty and peeing|peeing all night"
         "|meter has read hi|read hi for|reads hi for"
         "|up all night to pee|up all night passing urine"
         "|cannula came out|pump cannula|left his pens in"
         "|meter read|her meter read|his meter read|meter reading of"
         "|on her own meter|on his own meter"
         "|readings over 20|sugars over 20|sugar readings over|blood sugars over"
         "|home bm 19|bm 19|started prednisolone|since starting prednisolone"
         "|sugars up on steroids"
         "|keeping the fast|fasting with|hypo twice today|hypo twice"
         "|asking whether she can keep fasting|keep fasting"
         "|thirsty and weeing all the time|weeing all the time|cbg 19 at practice nurse check"
         "|bm 28"
         "|bms 25 28|bms 25-28|insulin pump stopped working|pump stopped working"
         "|missed insulin yesterday|missed insulin"
         "|sugars have been in the 20s|sugars in the 20s|home bm 24|home bm 26"
         "|sugar's high|sugar's high on my meter"
         "|bm 26 on"),
    # A red, hot or swollen joint may be septic arthritis: labs, an X-ray and a joint
    # aspiration (a simple procedure), as the handbook's knee after a replacement.
    _cat("joint_infection", "a red, hot or swollen joint (possible joint infection)", S,
         "orthopedics", (LABS, XRAY, PROCEDURE),
         "septic joint|septic arthritis|joint infection|infected joint|red knee swelling"
         "|hot knee swelling|warm knee swelling|red swollen knee|hot swollen knee"
         "|red swollen joint|hot swollen joint|red hot joint|hot joint"
         "|knee hot and swollen|knee red and swollen|knee is hot and swollen"
         "|joint hot and swollen|hot and swollen joint"
         "|joint red and swollen|ankle hot and swollen|elbow hot and swollen"
         "|wrist hot and swollen"
         "|suddenly hot and swollen"
         "|knee hot red swollen|knee red hot swollen|joint hot red swollen"
         "|joint red hot swollen|knee hot swollen"
         "|knee swelling and hot|knee swelling hot|knee swelling and warm"
         "|hot red swollen right knee|hot red swollen left knee|hot red swollen knee"
         "|red hot swollen right knee|red hot swollen left knee|hot swollen right knee"
         "|hot swollen left knee"
         "|red, knee swelling|hot, knee swelling"
         "|refusing to walk on her|refusing to walk on his|refusing to walk on"
         "|knee hot|refusing to stand"
         "|knee replaced 2 yrs ago swollen|replaced 2 yrs ago|knee replacement swollen and hot"
         "|knee gradually more swollen|knee more swollen and painful",
         infection=True),
    # An abscess without a fever: incision and drainage, one simple procedure (with a
    # fever, the fever and the sepsis screens add the rest).
    _cat("abscess", "an abscess", S, "general_surgery", (PROCEDURE,),
         "abscess|boil|boils|furuncle|carbuncle|fluctuant|pus pocket|pocket of pus"
         "|draining pus"
         "|perianal swelling|next to his anus|next to her anus|perianal abscess"
         "|full of pus|pus filled|filled with pus|soft in the middle"
         "|soft in middle"
         "|pus coming out|pus coming from"
         "|swelling beside anus|swelling beside the anus|beside his anus|beside her anus"
         "|near the anus|next to the anus|perianal lump"
         "|injecting site|injection site abscess|injecting site abscess|red hot tender lump"
         "|hot tender lump"
         "|next to anus|swelling next to the anus"
         "|buttock crease|natal cleft|pilonidal"
         "|abcess on"
         "|painful swelling next to his back passage|swelling next to his back passage"
         "|swelling next to her back passage|lump by his back passage|lump by her back passage"
         "|painful swelling next to back passage|swelling next to back passage"
         "|hot painful swelling|painful hot swelling"
         "|infected cyst|cyst on his back|cyst on her back|discharging cyst"
         "|painful and discharging|red, painful and discharging|pus oozing"
         "|bum crack"
         "|swelling in his left armpit|swelling in her left armpit|painful swelling in"
         "|armpit swelling"
         "|swelling right armpit|swelling left armpit|swelling in armpit|soft and pointing"
         "|next to right thumbnail|next to left thumbnail|paronychia|swollen skin next to"
         "|painful swelling on back of neck|swelling on back of neck, pointing",
         infection=True),
    _cat("urinary_retention", "urinary retention", S, "urology", (LABS, PROCEDURE),
         "urinary retention|voiding difficulty|unable to urinate|cannot urinate|unable to pee"
         "|can't pee|cannot pee|unable to wee|can't wee"
         "|not passed urine|hasn't passed urine|has not passed urine|not passed water"
         "|can't urinate|can't pee|voiding failure|bladder retention|retention of urine"
         "|unable to void|cannot void|can't void|difficulty urinating"
         "|trouble urinating|difficulty voiding"
         "|can't pass urine|cannot pass urine|unable to pass urine|can't pass water"
         "|cannot pass water|straining to pee|straining to pass urine"
         "|no urine since"
         "|palpable bladder"
         "|not passing urine properly|dribbling urine|just dribbling"
         "|struggling to pass urine|struggling to pee"
         "|waterworks blocked|no urine for"
         "|needing to wee and can't"
         "|trouble passing urine|nothing for 10 hours"
         "|struggling to wee"),
    # A urinary catheter that came out or needs changing: one simple procedure.
    _cat("urinary_catheter", "a urinary catheter problem", S, "urology", (PROCEDURE,),
         "foley|urinary catheter|catheter came out|catheter change|catheter not draining"
         "|catheter has stopped draining|catheter stopped draining|catheter isn't draining"
         "|catheter blocked|blocked catheter|suprapubic catheter|catheter bypassing"
         "|catheter fell out|catheter has come out|indwelling urinary catheter"
         "|catheter pulled out|not draining"
         "|bag empty|catheter bag empty|nothing in the bag|catheter bag"
         "|bypassing"
         "|urethral catheter"
         "|bag hasn't filled|bag not filling"
         "|catheter leaking"
         "|catheter, says it's blocked|says it's blocked"
         "|nephrostomy stopped draining"
         "|nothing draining|nothing draining into the bag|catheter hasn't drained"
         "|pulled his catheter out|pulled her catheter out|pulled out his catheter"
         "|pulled out her catheter"
         "|pulled out her long term catheter|pulled out his long term catheter"
         "|catheter draining pink with clots|draining pink with clots|post turp"),
    # CEDIS presenting complaints (the list CTAS and KTAS grade by) the lexicon lacked.
    _cat("hemoptysis", "coughing blood", S, "pulmonology", (LABS, XRAY),
         "hemoptysis|haemoptysis|coughing blood|coughing up blood|coughed up blood"
         "|blood in sputum|blood stained sputum|blood in his phlegm|blood in her phlegm"
         "|blood in phlegm"
         "|blood streaked sputum|bloodstained sputum"
         "|blood in her sputum|blood in his sputum"
         "|coughing up streaks of blood|streaks of blood in sputum|blood streaked sputum"
         "|blood in his sputum|blood in her sputum"
         "|tablespoon of blood|teaspoon of blood|coughed up about"
         "|coughed up streaks of blood|streaks of blood in|blood streaked sputum"
         "|coughing up streaks of blood"
         "|coughed up a teaspoon of|coughed up a teaspoon of bright red blood"
         "|coughing up bright red blood|coughed up bright red blood"
         "|coughing up fresh blood|coughed up fresh blood|coughing fresh blood"
         "|blood streaks in his sputum|blood streaks in her sputum|blood streaks in sputum"
         "|bloody sputum"),
    # A red, painful eye in a contact lens wearer: possible microbial keratitis, seen by
    # ophthalmology the same day (RCOphth; NICE CKS, red eye).
    _cat("contact_lens_keratitis", "a red, painful eye in a contact lens wearer", S,
         "ophthalmology", (CONSULT,),
         "contact lens|contact lenses|contacts|lens wearer",
         requires_any="red|painful|pain|photophobic|photophobia|blurry|blurred|staining|ulcer"),
    # A red, painful eye that light hurts, or a known iritis: anterior uveitis until the
    # slit lamp says not, seen by ophthalmology the same day (NICE CKS, red eye).
    _cat("painful_red_eye", "a painful red eye with photophobia", S, "ophthalmology",
         (CONSULT,), "light hurts|photophobia|photophobic|iritis|uveitis",
         requires_any="red eye|eye red|eye is red|eyes red|painful eye|eye painful|eye sore"
         "|sore eye|eye really sore|red and painful|painful and red|iritis|uveitis"),
    # Red, swollen eyelids with a fever: periorbital cellulitis, bloods and antibiotics,
    # intravenous in a child (NICE CKS, cellulitis; RCOphth); pain on moving the eye or
    # double vision is orbital cellulitis, above.
    _cat("periorbital_cellulitis", "periorbital cellulitis", S, "ophthalmology",
         (LABS, MEDS), "eyelid swelling|eyelids swollen|eyelid red and swollen"
         "|eyelids red and swollen|eyelid swelling and red|eyelids swollen and red"
         "|swollen eyelid|swollen eyelids|lid swollen shut|eye swelling shut|eye nearly shut"
         "|eyelid red|eyelids red|eyelids swollen shut|eyelid swelling shut|red lids",
         requires_any="fever|febrile|feverish|t 38|temp 38|t 39|temp 39|t 37.8|t 37.9|hot"
         "|cellulitis|antibiotics|spot on the eyelid"),
    _cat("jaundice", "jaundice", S, "gastroenterology", (LABS, IMAGING),
         "jaundice|jaundiced|yellow skin|yellow eyes|sclera look yellow|yellow sclera"
         "|sclera yellow|look a bit yellow|yellow face"
         "|eyes were yellow|eyes are yellow|eyes yellow|eyes look yellow|skin yellow"
         "|turned yellow|looks yellow|looking yellow|pale stools"
         "|yellow colour|yellow color|looking yellow|looks yellow"
         "|yellow since|more yellow|getting yellow|getting more yellow"
         "|gone yellow|went yellow|going yellow"
         "|bilirubin above treatment line|transcutaneous bilirubin"
         "|still yellow"
         "|yellow down to his tummy|yellow down to her tummy|lost 12% of birth weight"
         "|yellow down to his knees|yellow down to her knees"
         "|yellowing of eyes|yellowing of skin|painless yellowing"),
    _cat("anemia", "anaemia or a low haemoglobin", S, "hematology", (LABS, FLUIDS),
         "anemia|anaemia|low hemoglobin|low haemoglobin|low hb|hb low"),
    _cat("oliguria", "little or no urine", S, "nephrology", (LABS, PROCEDURE),
         "oliguria|anuria|no urine output|decreased urine output"
         "|no wee since|not had a wee|hasn't weed|no wees|not weed since"
         "|passing less urine|passing less wee|hardly passing urine"
         "|catheter draining little"),
    _cat("constipation", "constipation", S, "general_practice", (PROCEDURE,),
         "constipation|constipated|hasn't pooed|has not pooed|hasn't had a bowel movement"
         "|no bowel movement|hasn't opened his bowels|hasn't opened her bowels"
         "|hasn't opened bowels|not opened bowels|not passed stool|has not passed stool"
         "|hasn't been to the toilet|not been to the toilet"
         "|last poo"
         "|no bm"
         "|no poo|hard pellets"
         "|bno|bowels not opened|bowels not open|not opened bowels|not opened his bowels"
         "|not opened her bowels"
         "|no bo"
         "|no bowels opened"
         "|no bowel opening for|no bowel opening"),
    _cat("genital_discharge", "a genital discharge or lesion", S, "gynecology", (LABS,),
         "vaginal discharge|penile discharge|genital discharge|genital lesion|funny discharge"
         "|smelly discharge|hurts when we have sex|pain during sex|pain with intercourse"
         "|vaginal itch|curdy discharge|discharge from willy|discharge from penis"
         "|discharge from his penis"
         "|fishy discharge|fishy smelling discharge|discharge smells"
         "|lochia smells|offensive lochia|lochia smells offensive|smelly lochia"
         "|lochia smells bad"
         "|urethral discharge"
         "|sores on the penis|genital sores|genital ulcers"
         "|sores down below"
         "|lower abdo ache and discharge|abdo ache and discharge|ache and discharge"
         "|offensive pv discharge"),
    _cat("foreign_body_ent", "a foreign body in the ear or nose", S, "ent", (PROCEDURE,),
         "foreign body in ear|foreign body in the ear|foreign body in nose"
         "|foreign body in the nose|foreign body in the nostril|ear foreign body"
         "|nose foreign body|nasal foreign body|foreign body in pharynx|foreign body in throat"
         "|pharynx foreign body|throat foreign body|fish bone|fishbone"
         "|bone stuck in throat|bone stick in throat|bone stuck in her throat"
         "|bone stuck in his throat"
         "|bean up|bead up|pushed a bean|pushed a bead|up his nose|up her nose|up his nostril"
         "|up her nostril"
         "|insect in ear|bug in ear|moth in ear|flew into ear|flew into her ear"
         "|flew into his ear|moth flew into"
         "|something scratch his throat|something scratch her throat"
         "|something stuck in his throat|something stuck in her throat|stuck in his throat"
         "|stuck in her throat"
         "|flew into her ear|flew into his ear|flew into ear|flew into my ear|insect in ear"
         "|insect in her ear|insect in his ear|bug in ear|moth in ear|bug in her ear"
         "|bug in his ear"
         "|up right nostril|up left nostril|up her nose|up his nose|up the nose|up nose"
         "|up nostril|in her nostril|in his nostril"
         "|insect in ear|insect in his ear|insect in her ear|crawled into right ear"
         "|crawled into left ear|crawled into his ear|crawled into her ear|crawled into ear"
         "|bug in ear|bug in his ear|bug in her ear|moth in ear|flew into her ear"
         "|flew into his ear|flew into right ear|flew into left ear"
         "|up her nostril|up his nostril|up her right nostril|up her left nostril"
         "|up his right nostril|up his left nostril|in her nostril|in his nostril|up her nose"
         "|up his nose"
         "|pushed small lego piece"
         "|foam in ear|foam in left ear|foam in right ear|piece of foam in"
         "|foam into his ear|foam into her ear|foam into his left ear|foam into her left ear"
         "|foam into his right ear|foam into her right ear"
         "|moth buzzing|buzzing in her ear|buzzing in his ear"
         "|bone stuck at the back of|a bone stuck|sharp feeling in throat"
         "|sharp feeling in her throat|sharp feeling in his throat|after fish supper|foam ball"
         "|left canal|right canal|in his ear canal|in her ear canal"
         "|into her nose|into his nose"
         "|raisin into|raisin in her|raisin in his|pushed a raisin|pushed a pea"
         "|piece of sponge|sponge into her|sponge into his|bead into her|bead into his"
         "|lego into|piece of lego|lego in her|lego in his|beetle|buzzing in right ear"
         "|buzzing in left ear"
         "|fly went in|went in my ear|in his ear buzzing|stuck right side of throat"
         "|stuck left side of throat"
         "|bone stick in|into her left ear|into his left ear|into her right ear"
         "|into his right ear"
         "|sponge in his left ear|sponge in his right ear|sponge in her left ear"
         "|sponge in her right ear|sponge in his ear|sponge in her ear"
         "|crawling and buzzing in his right ear|crawling and buzzing in his left ear"
         "|something crawling"
         "|buzzing in his right ear|buzzing in her right ear|buzzing in his left ear"
         "|buzzing in her left ear"
         "|bass bone"
         "|bone from a kebab|stuck at the back of his throat|stuck at the back of her throat"
         "|kernel in his left ear|kernel in his right ear|kernel in her ear|kernel in his ear"
         "|popcorn kernel"
         "|since eating haddock"),
    # A swallowed object held up in the oesophagus: an X-ray and endoscopy.
    _cat("foreign_body_swallowed", "a swallowed foreign body", S, "gastroenterology",
         (XRAY, CONSULT),
         "foreign body in esophagus|esophageal foreign body|esophagus foreign body"
         "|foreign body in oesophagus|oesophageal foreign body|swallowed foreign body"
         "|food bolus|food impaction|food stuck"
         "|stuck halfway down|food stuck|food bolus|meat stuck|piece of chicken stuck"
         "|piece of meat stuck|can't get food or water down"
         "|steak stuck|stuck in the middle of my chest|can't get water down"
         "|cannot get water down"
         "|chicken stuck|lamb stuck|beef stuck|pork stuck|meat stuck since"
         "|can't get her saliva down|can't get his saliva down"
         "|sandwich stuck|stuck since lunch, can't swallow"
         "|chicken bone feels stuck|bone feels stuck behind the breastbone"
         "|stuck behind the breastbone"
         "|swallowed drug packages|swallowed packages|body packing|body packer"
         "|swallowed drugs wrapped"),
    # A line that will not flush: a declotting drug, one resource.
    _cat("line_occlusion", "a blocked line", S, "general_practice", (MEDS,),
         "won't flush|will not flush|not flushing|line occluded|occluded line|blocked line"
         "|line blocked|line split|picc split|line leaking|picc leaking|leaks when flushed"
         "|line cracked|cracked line|line damaged|picc damaged"),
    # A swallowed object without symptoms: an X-ray shows where it is.
    _cat("swallowed_object", "a swallowed object", S, "gastroenterology", (XRAY,),
         "swallowed a coin|swallowed coin|swallowed an object|swallowed a toy"
         "|swallowed a bone|swallowed a pin|swallowed something|swallowed a foreign body"
         "|swallowed part of"
         "|coin"
         "|swallowed several|swallow several|swallowed screws|swallowed a screw"
         "|swallowed a nail|swallowed nails|swallowed a marble|swallowed a bead|swallowed a key"
         "|swallowed an earring"
         "|swallowed the ball|swallowed a ball|swallowed his piercing|swallowed her piercing"
         "|swallowed a piercing|ball from his tongue piercing|ball from her tongue piercing"
         "|something stuck in throat"
         "|marble in his mouth|marble in her mouth|unsure if swallowed"
         "|fishing weight|swallowed a small"
         "|swallowed her tongue stud|swallowed his tongue stud|swallowed a tongue stud"
         "|swallowed her tongue bar|swallowed his tongue bar"
         "|swallowed a piece of razor blade|swallowed the back of her earring"
         "|swallowed the back of his earring|swallowed the back of an earring"
         "|swallowed 2 blades|swallowed two blades|swallowed blades|swallowed a blade"
         "|swallowed a razor blade|swallowed razor blades|swallowed a battery"
),
    _cat("foreign_body_rectal", "a rectal foreign body", S, "general_surgery",
         (XRAY, PROCEDURE),
         "foreign body in rectum|rectal foreign body|rectum foreign body"
         "|object inserted into rectum"),
    _cat("dysphagia", "difficulty swallowing", S, "ent", (LABS, IMAGING),
         "dysphagia|difficulty swallowing|trouble swallowing|unable to swallow|odynophagia"
         "|food is stuck|food stuck|food bolus"
         "|stuck low behind breastbone|stuck behind breastbone|stuck behind his breastbone"
         "|stuck behind her breastbone|brings back any drink|can swallow his spit"
         "|can swallow her spit"
         "|burning behind breastbone|burning behind her breastbone"
         "|burning behind his breastbone|like her reflux|like his reflux|has reflux normally"
         "|burning in chest after meals|burning in her chest after meals"
         "|burning in his chest after meals"
         "|food feels stuck|feels stuck low in his chest|feels stuck low in her chest"
         "|feels stuck at the top of his chest|feels stuck at the top of her chest"),
    _cat("neck_swelling", "a neck swelling", S, "ent", (LABS, IMAGING),
         "neck swelling|neck mass|neck lump|swollen neck"
         "|tender swelling under jaw|swelling under jaw|swelling under her jaw"
         "|swelling under his jaw"
         "|swelling left side of neck|swelling right side of neck"
         "|swelling on the side of the neck"),
    # A hernia that hurts may be incarcerated: labs and imaging.
    _cat("hernia", "a hernia or groin swelling", S, "general_surgery", (LABS, IMAGING),
         "hernia|groin pain|groin mass|groin swelling|inguinal pain|inguinal swelling"
         "|inguinal mass"
         "|groin lump|lump in groin|lump in right groin|lump in left groin|reducible lump"
         "|won't go back in|wont go back in|will not go back in|can't push it back"
         "|cannot push it back"
         "|swelling in right groin|swelling in left groin|swelling in the groin"
         "|groin that comes and goes|comes and goes in the groin"
         "|painful bulge|bulge left groin|bulge right groin|bulge in groin"),
    # Scrotal pain of gradual onset or with dysuria: urine and blood tests, an ultrasound.
    _cat("epididymo_orchitis", "epididymo-orchitis", S, "urology", (LABS, IMAGING),
         "epididymo orchitis|epididymo-orchitis|epididymitis|orchitis"),
    _cat("genital_trauma", "a genital or anorectal injury", S, "urology", (IMAGING, CONSULT),
         "genital trauma|genital injury|penile injury|scrotal injury|scrotal trauma"
         "|vaginal injury|vaginal trauma|rectal trauma|anal trauma|priapism|penile swelling"
         "|kicked in groin|kicked in the groin|kicked in the testicles|kicked in the balls"
         "|hit in the groin|hit in groin|scrotum a little swollen|kicked in the scrotum"
         "|kneed in the groin|swollen right scrotum|swollen left scrotum"),
    _cat("torso_trauma", "a chest or abdominal injury", S, "trauma_surgery", (XRAY, IMAGING),
         "chest trauma|chest injury|chest wall injury|rib injury|abdominal trauma"
         "|abdominal injury|blunt trauma"
         "|sternal pain|sternum pain|pain over sternum|sternal tenderness"
         "|kicked in the abdomen|kicked in the left upper abdomen"
         "|kicked in the right upper abdomen|kicked in the stomach|kicked in the belly"
         "|kicked in the tummy|kicked in the chest"
         "|handlebar shaped bruise"
         "|onto the handlebars|onto his handlebars|onto her handlebars"
         "|onto the handlebar end|bruise on left upper tummy|bruise on upper tummy"
         "|tender epigastrium|handle of his|handle of her"
         "|left upper tummy and left shoulder tip|shoulder tip pain"
         "|stamped on right side of chest|stamped on left side of chest|stamped on his chest"
         "|stamped on her chest|stamped on the chest"
         "|handlebar bruise"
         "|tender left upper quadrant|tender right upper quadrant"
         "|knee to the left upper belly|knee to the upper belly|knee to the belly"
         "|knee to the stomach|knee to the tummy|knee to the abdomen|knee in the stomach"
         "|knee in the belly|left shoulder tip"
         "|crushed against the barrier|crushed against a barrier|sore left lower chest"
         "|sore right lower chest"
         "|seatbelt bruising across chest|seatbelt bruising|seatbelt bruise across"
         "|landed on the handlebar end|bruise in epigastrium|round bruise in"),
    # Ribs that hurt after a fall or a cough: an X-ray for a fracture.
    _cat("rib_pain", "rib pain", S, "trauma_surgery", (XRAY,),
         "ribs hurt|rib pain|sore ribs|bruised ribs|hurt ribs|ribs sore|ribs are sore"
         "|sore to breathe|lower ribs tender|sore with deep breath"
         "|hit chest|tender spot on the left ribs"
         "|tender spot on the right ribs|tender ribs|side ribs"
         "|lower ribs|left ribs|right ribs"
         "|hit right ribs|hit left ribs|hit ribs"
         "|tender lower right ribs|tender lower left ribs|lower right ribs|lower left ribs"
         "|right lower ribs|left lower ribs"
         "|chest wall tender|tender chest wall|chest wall tenderness"
         "|hit side on edge"
         "|chest wall sore"
         "|bruised right side of chest|bruised left side of chest|bruised side of chest"
         "|hurts to breathe in"
         "|hit left side of chest|hit right side of chest|hit side of chest"
         "|sore left side of chest|sore right side of chest|sore left chest|sore right chest"
         "|worse on a deep breath"
         "|side of ribs|sore left upper ribs|sore right upper ribs"
         "|butted in the ribs|tender over left 7th rib|point tender over"
         "|sore when breathing in and twisting|took a shoulder to the"
         "|cannot take a deep breath"
         "|hurts when i breathe in|tender right lateral chest wall"
         "|tender left lateral chest wall"
         "|kicked in the right side of the chest|kicked in the left side of the chest"
         "|kicked in the right side|kicked in the left side|hurts to take a deep breath"
         "|sore on deep breath"
         "|ribs really painful|ribs very painful|ribs painful"),
    # Chest wall pain is still chest pain: an ECG, and an X-ray for the chest wall.
    # Pleurisy with a chest infection, or pericarditis: an ECG, blood tests, a chest X-ray.
    _cat("pleuritic_chest_pain", "pleuritic or pericardial chest pain", S, "cardiology",
         (LABS, ECG, XRAY), "pleurisy|pericardial chest pain"
         "|better sitting forward|easier sitting forward|better leaning forward"
         "|easier leaning forward|eases leaning forward|eases sitting forward",
         actions=("ecg_within_10_min",)),
    _cat("chest_wall_pain", "chest wall pain", S, "cardiology", (ECG, XRAY),
         "chest wall pain"
         "|costochondritis|costochondral|tender over costal cartilage|chest hit handlebar"
         "|hit handlebar"
         "|worse when she twists or presses|worse when he twists or presses|presses on it"
         "|worse lifting her arm|worse lifting his arm"
         "|worse pressing on her ribs|worse pressing on his ribs|worse pressing on the ribs"
         "|worse pressing on her chest|worse pressing on his chest"
         "|sore when pressing on her ribs|sore when pressing on his ribs"
         "|when he twists|when she twists|sharp pain centre of chest since bench pressing"
         "|since bench pressing"
         "|worse twisting and when i press|when i press on it|lifting grow bags"
         "|sore sternum|sternum sore|dropped onto his chest"
         "|reproduced by pressing on the chest wall|pressing on the chest wall"
         "|worse moving his arm|worse moving her arm"
         "|chest wall and left shoulder tenderness|chest wall tenderness"
         "|left chest wall tenderness|right chest wall tenderness"
         "|punched in the left side of chest|punched in the right side of chest"
         "|punched in the side of the chest"
         "|tender to press",
         actions=("ecg_within_10_min",)),
    _cat("spine_injury", "a back or neck injury", S, "orthopedics", (IMAGING, MEDS),
         "back injury|back trauma|spine injury|spinal injury|spine trauma|neck injury"
         "|neck trauma|midline tenderness|midline low back tenderness|midline back tenderness"
         "|tender over the midline|midline tender"
         "|hurt lower back|hurt his lower back|hurt her lower back"
         "|midline neck pain|midline neck tenderness|c spine tenderness"
         "|tender midline neck|midline cervical tenderness|midline c spine tenderness"
         "|cervical spine tenderness"
         "|tender over lower back midline|lower back midline|midline lower back"
         "|midline thoracolumbar tenderness|thoracolumbar tenderness"
         "|midline thoracic tenderness|midline lumbar tenderness"
         "|landed on his back|landed on her back|landed flat on his back"
         "|landed flat on her back|thoracolumbar pain"
         "|tender over lumbar midline|lumbar midline|tender lumbar midline|midline lumbar"
         "|tender over thoracic midline"
         "|tender over the mid thoracic spine|mid thoracic spine in the midline"
         "|thoracic spine in the midline|tender midline c6|tender midline c5|tender midline c7"
         "|tender midline c4|neck in the midline"
         "|midline thoraco lumbar tenderness"),
    _cat("pneumothorax", "a pneumothorax", S, "thoracic_surgery", (XRAY, PROCEDURE),
         "pneumothorax|ptx"
         "|reduced air entry right base|reduced air entry left base"
         "|reduced air entry on the right|reduced air entry on the left"
         "|reduced air entry right side|reduced air entry left side"
         "|reduced air entry r base|reduced air entry l base"),
    # A low-voltage shock: an ECG; without burns, arrhythmia or loss of consciousness no
    # bloods (EAST practice guideline, Arnoldo et al. 2006). High voltage is its own category.
    _cat("electrical_injury", "an electrical injury", S, "general_practice", (ECG,),
         "electrical injury|electric shock|electrocution|electrocuted|lightning"
         "|shock from a faulty|shock off a|got a shock|shock from the socket"
         "|shock from a socket|mains shock"
         "|shock from a 240v|240v socket|240v shock|230v shock|shock from a 230v"),
    # Environmental injuries (CEDIS): each needs monitoring and a work-up.
    _cat("hypothermia", "hypothermia", S, "critical_care", (LABS, ECG, FLUIDS),
         "hypothermia|hypothermic"
         "|unheated house|unheated home|unheated flat|no heating|boiler broke|heating broken"
         "|found in the snow|fell through ice|ice cool to touch"
         "|shivering in wet clothes"
         "|locked out and sat"
         "|wet through and shaking|feet numb and"
         "|in the liferaft|in the life raft|shivering, sore knees"
         "|shivering hard"),
    # Heat exhaustion: labs for the electrolytes and kidneys, and IV fluids.
    _cat("heat_exhaustion", "heat exhaustion", S, "general_practice", (LABS, FLUIDS),
         "heat exhaustion|heat cramps|heat syncope|heat illness"
         "|in the midday heat|walking in the heat|in the heat and|hardly drank in the heat"
         "|cooled by|collapsing at|collapsed at the finish|collapsed near the finish"
         "|collapsed during the race|collapsed during a race|collapsed at mile|collapsed at km"
         "|in the heat, on furosemide|gardening all afternoon in the heat"
         "|all afternoon in the heat|drinking very little for 2 days in this heat|in this heat"),
    _cat("drowning", "a drowning or submersion", S, "pulmonology", (LABS, XRAY),
         "drowning|near drowning|submersion"
         "|went under|swept out|rip current|pulled from the water|pulled out of the water"
         "|pulled from the pool|pulled out of the pool"
         "|got into difficulty swimming|got into difficulties swimming|pulled out of the water"
         "|pulled from the water|swallowed a lot of water|near drowning|inhaled water"
         "|found face down in|face down in the|face down in a|found in the pool"
         "|found in the bath|found floating"
         "|washed overboard"
         "|pulled out of the rip|pulled from the sea|pulled out of the sea"
         "|coughed up sea water|swallowed sea water"
         "|pulled from the hotel pool|going under for|went under for|coughed up water"
         "|in the water about|in the water for"
         "|held under|held under water|held under the water|coughed up lake water"
         "|coughed up pool water|coughed up river water"
         "|seconds under water|pulled from the lazy river"
         "|pulled from the river"),
    _cat("toxic_inhalation", "an inhaled irritant gas or fumes", S, "toxicology", (LABS, XRAY),
         "noxious inhalation|toxic inhalation|gas inhalation|inhaled fumes|fume inhalation"
         "|carbon monoxide"),
    _cat("frostbite", "frostbite or a cold injury", S, "general_practice", (MEDS, PROCEDURE),
         "frostbite|frost bite|fingertips went white|frostnip"
         "|cheeks and nose went white|nose went white|went white in the wind"
         "|toes on both feet were white|white and numb, now red"),
    _cat("chemical_exposure", "a chemical exposure of the skin", S, "toxicology",
         (PROCEDURE,), "chemical exposure|chemical burn|chemical splash"
         "|hydrochloric acid|dilute acid|acid splash"),
    _cat("hypertension", "high blood pressure", S, "cardiology", (LABS, ECG),
         "hypertension|high blood pressure|elevated blood pressure|blood pressure high"
         "|pressure was high|bp machine"
         "|blood pressure, high|hypertensive|bp was high|bp is high|high bp"
         "|blood pressure was high"
         "|pharmacy machine"
         "|at the pharmacy|wants it rechecked|bp recheck|midwife found bp|found bp"
         "|bp at home visit"
         "|bp 224|sent with bp|bp at a routine check"
         "|bp 210|bp 198|at routine review"
         "|bp over 180|home reading|on his home machine|on her home machine"
         "|at a routine check|at routine check"
         "|bp at pharmacy|blood pressure at pharmacy"
         "|company health check|health check with bp|sent from a health check"
         "|bp 196/108 at a pharmacy check|pharmacy check|pharmacist sends"
         "|pharmacist after bp"),
    # A reported low pressure: the measured one decides shock; until then, a work-up.
    _cat("low_blood_pressure", "low blood pressure", S, "cardiology", (LABS, ECG, FLUIDS),
         "hypotension|low blood pressure|blood pressure low|blood pressure, low|hypotensive"),
    _cat("edema", "generalised or leg oedema", S, "nephrology", (LABS, XRAY),
         "generalized edema|generalised edema|generalized oedema|generalised oedema"
         "|anasarca|general edema|leg edema|leg oedema|pedal edema|peripheral edema"
         "|ankle edema|whole body swelling|edema|oedema|swollen legs|swollen ankles"
         "|swollen feet|bilateral leg swelling"
         "|legs swelling|legs swollen"
         "|both ankles swollen|ankles swollen|swollen ankles"
         "|ankles more swollen|ankles swollen|swollen ankles"
         "|ankles puffier|ankles puffy|puffy ankles|iv diuretic|weight up 2|weight up 3"
         "|legs more swollen|sleeps on 3 pillows|sleeps on three pillows|now sleeps on"
         "|weight went up|weight up|2 kg up"),
    _cat("post_operative", "a post-operative problem", S, "general_surgery", (LABS, IMAGING),
         "post operative|postoperative|post op|after surgery|wound dehiscence"
         "|incision popped open|drain fluid gone cloudy|edges coming apart"
         "|wound ooze"
         "|ooze from one end"
         "|hip replacement 10 days ago|wound leaking|leaking yellow fluid"),
    _cat("abnormal_labs", "an abnormal test result", S, "general_practice", (LABS,),
         "abnormal lab|abnormal labs|abnormal lab value|abnormal lab values|inr|elevated inr"
         "|high inr|supratherapeutic"
         "|abnormal laboratory|abnormal result|abnormal results|lab abnormality"
         "|at a health check"
         "|creatinine doubled|creatinine up|raised creatinine|creatinine has doubled"
         "|aki on bloods"
         "|alt doubled|lfts doubled|deranged lfts|lfts up"),
    # An INR above 8 with bleeding: IV vitamin K and a repeat INR (BSH 2011).
    _cat("inr_over_8_bleeding", "an INR above 8 with bleeding", S, "hematology", (LABS, MEDS),
         "over 8", requires_any="bleed|bleeds|bleeding|bled|blood|bruising|bruises"),
    _cat("bleeding_tendency", "spontaneous bruising or bleeding", S, "hematology", (LABS,),
         "spontaneous bruising|easy bruising|petechiae|purpura|bleeding tendency"
         "|pinpoint red dots|pinpoint red spots|pinpoint spots|new bruises|unexplained bruising"
         "|tiny red dots|tiny red spots"
         "|bleeding on blood thinners|bleeding on warfarin|bleeding on anticoagulants"),
    # A thriving baby whose feeds worry the parents: reassurance and advice (NICE NG1,
    # reflux in infants: effortless regurgitation in a baby gaining weight needs no tests).
    # A baby with a cough or cold feeding half the usual: NG feeds and a viral swab (NICE
    # NG9, bronchiolitis: feeding 50-75% of usual or less).
    _cat("infant_poor_feeding", "a baby feeding half the usual or less", S, "paediatrics",
         (LABS, PROCEDURE),
         "feeds down to half|feeding down to half|feeds halved|half her usual feeds"
         "|half his usual feeds|taking half her feeds|taking half his feeds"
         "|about half her usual|about half his usual|half of her usual bottles"
         "|half of his usual bottles"
         "|feeding about half|feeding half|taking about half|only taking half|feeds about half",
         source=sources.BRONCHIOLITIS_FEEDING),
    _cat("infant_feeding_concern", "a feeding concern in a thriving baby", S, "paediatrics", (),
         "spitting up|spits up|posseting|possets|brings up milk|bringing up milk"
         "|isn't finishing bottles|not finishing bottles|not finishing her bottles"
         "|not finishing his bottles|worried about feeding|feeding worries"
         "|sicky after most feeds|sicky after feeds"
         "|sweaty during feeds|sweaty with feeds|sweats during feeds"
         "|breathes fast during feeds|bottles taking"
         "|crying nonstop|crying non stop|crying all the time|inconsolable crying"
         "|cries a lot in the evenings|cries a lot|crying in the evenings"),
    _cat("anorexia", "poor appetite or oral intake", S, "general_practice", (LABS,),
         "anorexia|poor oral intake|poor appetite|decreased appetite|loss of appetite"
         "|poor po intake"
         "|eating poorly|drinking poorly|eating and drinking poorly|off her food|off his food"
         "|eating and drinking little|eating little|drinking little|not eating or drinking"
         "|eating/drinking little"
         "|poor feeding"
         "|hardly eating or drinking|hardly eating"
         "|barely eating or drinking|barely eating and drinking"
         "|hardly drinking|generally unwell for"),
    _cat("intoxication", "alcohol or drug intoxication", S, "toxicology", (LABS,),
         f"{_INTOXICATED}|{_ALCOHOL_SMELL}|alcohol smelling|substance misuse|substance abuse"
         "|took lsd|cannabis|edible|ecstasy|mdma|ketamine"
         "|magic mushrooms|some mushrooms"),
    _cat("hyperventilation", "hyperventilation", S, "pulmonology", (ECG,),
         "hyperventilation|hyperventilating"
         "|chest tight after a row"),
    _cat("menstrual", "a menstrual problem", S, "gynecology", (LABS,),
         "menstrual pain|menstrual cramps|dysmenorrhea|dysmenorrhoea|menstrual problem"
         "|menstrual problems|irregular periods|missed period|midmenstrual pain"
         "|mid menstrual pain|ovulation pain|period pain|period pains|period cramps"
         "|heavy periods|heavy period|flooding through|period's been|pad every hour|through a pad"
         "|periods irregular|irregular bleeding"
         "|period started|on her period|started her period"
         "|periods really heavy|flooding"),
    _cat("rectal_pain", "rectal or perineal pain", S, "general_surgery", (MEDS,),
         "rectal pain|perineal pain|anal pain|perianal pain|hemorrhoid|hemorrhoids"
         "|haemorrhoid|haemorrhoids"
         "|swelling beside her back passage|swelling beside his back passage"
         "|beside her back passage|back passage"),
    _cat("hearing_loss", "hearing loss", S, "ent", (CONSULT,),
         "hearing loss|loss of hearing|deafness|sudden hearing loss|ear muffled"
         "|ear completely muffled|muffled hearing"
         "|woke up deaf|deaf in left ear|deaf in right ear|deaf in one ear|ringing in ear"
         "|hearing gone in her right ear|hearing gone in his right ear"
         "|hearing gone in her left ear|hearing gone in his left ear|with the hearing gone"),
    _cat("vaginal_foreign_body", "a vaginal foreign body", S, "gynecology", (PROCEDURE,),
         "vaginal foreign body|vagina foreign body|foreign body in vagina|retained tampon"
         "|ring pessary|pessary slipped|pessary fell out|pessary stuck|pessary"
         "|tampon still in|tampon stuck|can't get her tampon out|lost tampon|tampon left in"
         "|swab was left in"
         "|tampon has been in"
         "|tampon retained|retained for 3 days"
         "|lost a tampon"),
    _cat("labial_swelling", "a labial swelling", S, "gynecology", (PROCEDURE,),
         "labial swelling|bartholin|swelling labia|labia|labial|vaginal opening"
         "|swelling left side of vulva|swelling right side of vulva|side of vulva"
         "|vulval swelling|swollen vulva"
         "|entrance of the vagina|swelling at the vaginal entrance"
         "|lump at the entrance of the vagina"
         "|swelling at the entrance to the vagina"),
    # Blood in the urine: urinalysis and imaging for a stone or tumour.
    _cat("hematuria", "blood in the urine", S, "urology", (LABS, IMAGING),
         "hematuria|haematuria|blood in urine|bloody urine|blood in the urine"
         "|blood stained urine|blood in wee|blood in his wee|blood in her wee|blood in pee"
         "|clots in urine|red urine|rose coloured"
         "|rosé coloured|rosé"
         "|blood in his urine|blood in her urine|blood and clots in his urine"
         "|blood and clots in her urine|passing blood in urine"
         "|blood with clots in his urine|blood with clots in her urine"
         "|blood with clots in urine"
         "|peeing blood"
         "|clots in his urine|peeing blood with clots"
         "|blood and clots in the bag|blood in the bag|clots in the bag"
         "|frank blood with clots|passing frank blood|blood with clots"
         "|blood in his water|blood in her water|blood in my water|urine blood stained"
         "|urine is blood stained|urine bloodstained"
         "|urine bloody|urine bloody and thick|bloody and thick urine"),
    # A reported electrolyte disorder: repeat labs, an ECG for potassium, treatment.
    _cat("electrolyte", "an electrolyte disorder", S, "nephrology", (LABS, ECG, MEDS),
         "hyperkalemia|hyperkalaemia|hypokalemia|hypokalaemia|hyponatremia|hyponatraemia"
         "|hypernatremia|hypernatraemia|hypercalcaemia|hypercalcemia"),
    # A platelet count below 50: repeat count, film and clotting, and haematology's advice
    # on transfusion (BSH 2017, platelet transfusion).
    _cat("thrombocytopenia", "a low platelet count", S, "hematology", (LABS, CONSULT),
         "low platelets|thrombocytopenia|thrombocytopaenia|itp"),
    # A dialysis fistula's needle site that bled: pressure, then a stitch if it starts
    # again (renal units' access guidance). Bleeding that will not stop is read as major
    # haemorrhage.
    _cat("fistula_bleed", "a bleed from a dialysis fistula", S, "nephrology", (PROCEDURE,),
         "fistula bleeding|fistula bled|fistula started bleeding|bleeding from his fistula"
         "|bleeding from her fistula|bleeding from the fistula|needle site bleeding"
         "|needle site on fistula|needle site on his fistula|needle site on her fistula"
         "|needle site kept oozing|needle site oozing|fistula site oozing"
         "|needle site kept bleeding"),
    _cat("weakness", "generalised weakness", S, "general_practice", (LABS, ECG),
         "weakness|fatigue|malaise|decreased activity|reduced activity|weak all over"
         "|feels weak|feeling weak|gone off her legs|gone off his legs|off her legs|off his legs"
         "|weak and wobbly|wobbly"
         "|generally weak|general weakness"
         "|getting weaker|weaker and"
         "|off legs"
         "|couldn't get off the sofa|can't get off the sofa|cannot get off the sofa"
         "|couldn't get out of the chair|can't get out of the chair"
         "|just not right|not right for a week|going downhill|off her legs since"
         "|off his legs since"
         "|hasn't eaten or had fluids|not eating or drinking|hasn't been eating or drinking"
         "|less mobile today|less mobile than usual"
         "|legs have gone|her legs have gone|his legs have gone|refusing food and fluids"
         "|refusing food|refusing fluids"
         "|weight dropping"
         "|don't feel right|doesn't feel right"
         "|less mobile for|passing little urine"
         "|hardly eaten or had fluids"
         "|stopped eating|struggling on his legs|struggling on her legs|the flat is a state"
         "|weaker for"),
    _cat("fever", "fever", S, "general_practice", (LABS,),
         "fever|febrile|pyrexia|chills|rigors|infection|felt hot|feels hot|feeling hot"
         "|temp at home|temperature at home|fever at home|no obvious source"
         "|no source"
         "|hot to touch|shivery"
         "|rectal at home|feels a bit hot|hot and grizzly|mum says hot"
         "|high temp|high temperature"
         "|has had a temp|had a temp|a temp for|hot since this morning|hot since yesterday"
         "|hot since this afternoon|no obvious cause"
         "|temp since|temp 3|temp 4|fussy and feeding"
         "|burning up"
         "|no obvious focus|no focus found|no clear focus"
         "|no other source|or other source found|can't find a reason|cannot find a reason"
         "|nothing obvious on look|hot all day|hot since lunchtime|hot since school"
         "|hot and sick|hot tonight|since lunchtime, no cough"
         "|shivering and shaking|shaking and shivering"
         "|shaking and hot|fevers and shaking"
         "|hot for 2 days|hot for 3 days", infection=True),
    _cat("asthma", "wheeze or asthma", S, "pulmonology", (MEDS,),
         "asthma|wheezing|wheeze|wheezy"
         "|chest tight since|puffs of his blue inhaler|puffs of her blue inhaler"
         "|wheezier|wheezier than usual|more wheezy"),
    _cat("limb_injury", "a limb sprain or strain", S, "orthopedics", (XRAY,),
         "sprain|sprained|strain|twisted ankle|twisted knee|ankle injury|ankle pain"
         "|wrist injury|wrist pain|knee injury|knee pain|foot injury|foot pain|hand injury"
         "|shoulder injury|shoulder pain|finger injury|arm injury|arm pain|leg injury|leg pain"
         "|hip pain|elbow injury|elbow pain|toe injury|toe pain|finger pain|hand pain"
         "|joint pain|hip joint pain|wrist swelling|knee swelling|ankle swelling|foot swelling"
         "|elbow swelling|hand swelling|finger swelling|toe swelling|shoulder swelling"
         "|extremity injury|extremity pain|limb injury|limb pain|thigh pain|thigh injury"
         "|shin injury|shin pain|thumb injury|inversion injury|outstretched arm|hamstring"
         "|pulled muscle|pulled a muscle|calf strain|groin strain"
         "|refusing to weight bear|won't weight bear|unable to weight bear|non weight bearing"
         "|won't stand on|swung by the arms|swung her by the arms|swung him by the arms"
         "|pulled elbow|corked thigh|dead leg|arm pulled|not using it"
         "|swollen joint|swollen joints|joint swelling|forearm pain|forearm injury|heel pain"
         "|jammed finger|rolled ankle|arm swelling|won't use arm|will not use arm"
         "|went over on my ankle|went over on her ankle|went over on his ankle"
         "|went over on ankle|knee went pop|knee popped|heard a pop|felt a pop"
         "|not using arm|won't move arm"
         "|nursemaid's elbow|nursemaid elbow|pulled elbow|punched a wall|punched the wall"
         "|knuckle pain|knuckle injury|knuckle swelling|boxer's fracture|hip injury"
         "|punched wall"
         "|broke toe|broke finger|outstretched hand|wrist tenderness|tender wrist"
         "|wrist is tender|stubbed toe|stubbed his toe|stubbed her toe|snuffbox|scaphoid"
         "|won't bear weight|can't bear weight|cannot bear weight|unable to bear weight"
         "|refuses to bear weight|non weight bearing|can't put weight|cannot put weight"
         "|collarbone|clavicle|humerus|upper arm|slammed finger|finger in car door"
         "|finger in a car door|finger in the car door|crushed finger|finger crush"
         "|held pronated|won't reach for|pulled up by the hand|pulled him up|pulled her up"
         "|can't weight bear|cannot weight bear|couldn't weight bear|not weight bearing"
         "|not bearing weight|dip droops|mallet finger|can't straighten tip"
         "|cannot straighten the tip|fingertip crushed|crushed fingertip"
         "|onto left shoulder|onto right shoulder|onto her shoulder|onto his shoulder"
         "|onto shoulder"
         "|toe stubbed|dropped weight on|dropped a weight on|dumbbell on|osteoarthritis|oa knee"
         "|oa hip|collar bone|metatarsal|metatarsals"
         "|thumb pain|thumb swelling|ac joint|point of shoulder|point of right shoulder"
         "|point of left shoulder"
         "|won't put weight on"
         "|finger jammed|kicked by a horse|kicked by horse|kicked by a cow"
         "|base of thumb"
         "|inverted ankle|inverted left ankle|inverted right ankle|inverted her ankle"
         "|inverted his ankle|inverted her left ankle|inverted her right ankle"
         "|inverted his left ankle|inverted his right ankle|malleolus swollen|malleolus tender"
         "|tender malleolus|over the malleolus|lateral malleolus|medial malleolus|lat malleolus"
         "|pip swollen|pip joint swollen|pipj swollen|dip swollen|mcpj swollen|mcp swollen"
         "|knuckle swollen|swollen knuckle|thumb bent back|finger bent back|bent back on"
         "|trapped finger|finger trapped|crushed finger|finger crushed"
         "|shut finger|shut his finger|shut her finger"
         "|heel injury|heel pain|distal radius|metacarpal|metatarsal|calcaneus|tibia|fibula"
         "|scaphoid|radial head|ulna"
         "|swollen pip|swollen pip joint|swollen pipj|swollen dip joint|jammed finger"
         "|finger jammed|jammed her finger|jammed his finger|forearm swollen|swollen forearm"
         "|kicked on right shin|kicked on left shin|kicked on the shin|kicked in the shin"
         "|swollen shin|shin swollen|punched a door|punched the door|swollen knuckle"
         "|dropped knuckle|knuckle looks dropped|swung him round by the arms"
         "|swung her round by the arms|swung by the arms|holding arm still|ran over his toe"
         "|ran over his foot|ran over her foot|ran over her toe"
         "|kicked on r shin|kicked on l shin"
         "|distal forearm|mid forearm|forearm tender|middle joint swollen|finger joint swollen"
         "|fingertip droops|finger droops|mallet finger|droops at the tip"
         "|can't flex 90|cannot flex to 90|can't flex to 90|unable to flex to 90"
         "|can't bend it to 90"
         "|take 4 steps|tender over navicular|navicular tenderness|base of 5th metatarsal"
         "|base of fifth metatarsal|tender over lateral malleolus|tender over medial malleolus"
         "|malleolar tenderness"
         "|subungual haematoma|subungual hematoma|shut on her finger|shut on his finger"
         "|snapped shut on"
         "|droops at dip|droops at the dip|can't straighten the fingertip"
         "|cannot straighten the fingertip|mallet finger|drooping fingertip"
         "|caught between pallets|caught between two|tip swollen and bruised|fingertip swollen"
         "|finger caught between"
         "|fingertip injury|base of thumb|weak pinch grip|stood on his foot|stood on her foot"
         "|dorsum swollen|knee twisted|ankle twisted"
         "|holding right forearm|holding left forearm|holding her forearm|holding his forearm"
         "|twisting injury|caught tip of|tip of right index|tip of left index"
         "|blood under nail|blood under the nail|subungual|ran over right foot"
         "|ran over left foot|ran over his foot|ran over her foot|ran over foot|run over foot"
         "|walking but limping|tender mid shin"
         "|landed on heels|pallet truck ran over|thumb crushed|toe caught under"
         "|shin bruised and swollen|won't walk on"
         "|can't straighten the tip|cannot straighten the tip|mallet finger"
         "|can't straighten the end"
         "|hand crushed|crushed between|hasn't used her arm|hasn't used his arm"
         "|hasn't used her left arm|hasn't used her right arm|not used her arm since"
         "|not used his arm since"
         "|wrist still swollen|still swollen and sore|onto r wrist|onto l wrist"
         "|onto right wrist|onto left wrist"
         "|holding elbow bent|won't straighten it fully|won't put foot down"
         "|swelling over top of the foot|landed badly|haematoma, walking with a limp"
         "|trapped two fingers|caught fingertip in the car door|fingertip in the car door"
         "|finger now droops|end of finger droops"
         "|kicked by a heifer|sore hip since a fall|sore right hip since a fall"
         "|sore left hip since a fall|knee locked|knee has locked|locked knee"
         "|stubbed and bent back|midfoot swollen|stamped on|knee went sideways"
         "|kneecap sitting out|kneecap out to the side"
         "|hyperextended thumb|hyperextended finger|swollen at the base|turned ankle"
         "|turned her ankle|turned his ankle|tender at the tip of the outer ankle bone"
         "|forearm still sore|snap at front of elbow|felt something snap|ball hit the end of"
         "|limping since yesterday"
         "|lifted her up by the hand|lifted him up by the hand|keeps her arm still"
         "|keeps his arm still|won't move the leg|won't move her leg|won't move his leg"
         "|punched a garden wall|can't lift her arm|can't lift his arm"
         "|punching a wall|holding her elbow|holding his elbow|holding her left elbow"
         "|holding her right elbow|holding his left elbow|holding his right elbow"
         "|sore groin since|sore left groin|sore right groin|metacarpals"
         "|kicked on the outer thigh|by her mare|by his mare|by the mare"
         "|knee giving way|shoulder came out again|came out again|pallet dropped onto"
         "|dropped onto left foot|dropped onto right foot|pinned at hip level"
         "|felt her knee pop|felt his knee pop|knee pop|horse stood on"
         "|knee to the thigh|took a knee"
         "|kneecap displaced|kneecap dislocated|dropped a crate|nail purple"
         "|kneecap slipped|kneecap went out|still displaced|hyperextended left elbow"
         "|hyperextended right elbow|hyperextended elbow"
         "|knee swelled|knee swelled up|5th knuckle|fifth knuckle|hit a wall"
         "|trapped her fingertips|trapped his fingertips"
         "|fingers trapped|fingertips trapped|thumb base swollen"
         "|swollen thumb|sore left hip|sore right hip"
         "|hip much worse|lateral ankle|swollen lateral ankle|rabbit hole|pulp of his"
         "|pulp of her"
         "|fingertip caught|fingers slammed|finger slammed|fingertip shut in"
         "|finger shut in|knee gave way|below the outer ankle|outer ankle bone"
         "|greater trochanter|hyperextended|tender at base|distal left radius"
         "|distal right radius|tender distal|forearm sore|sore swollen left forearm"
         "|sore swollen right forearm|tender swelling mid|knuckles swollen"
         "|crying when it's moved|cries when right shin|cries when left shin"
         "|limping on right leg|limping on left leg"
         "|squashed under|forearm squashed"
         "|fingertip in a gate"
         "|foot crushed by|forefoot crushed by|toes crushed by|feet crushed by"
         "|ankle crushed by|toe crushed by"
         "|trod on his right foot|trod on his left foot|trod on her right foot"
         "|trod on her left foot|shut the van door on|door on his left thumb"
         "|door on his right thumb|nail black and throbbing|forklift ran over his"
         "|toecap dented"
         "|ran over her left foot|ran over her right foot|ran over his left foot"
         "|ran over his right foot|tender right wrist|tender left wrist|left foot bruised"
         "|right foot bruised|foot bruised|kicked into his right thigh"
         "|kicked into his left thigh|kicked into her right thigh|kicked into her left thigh"
         "|sprang back and hit|both wrists sore|wrists sore"
         "|caught in the car door|onto left elbow|onto right elbow"
         "|tender left elbow|tender right elbow"
         "|shoulder still sore|painful overhead|stood on by someone|knee hit a|hit a bollard"
         "|won't use it|holding left arm by her side|holding right arm by her side"
         "|went over his foot|went over her foot|went over right foot|went over left foot"
         "|went over his right foot|went over his left foot|went over her right foot"
         "|went over her left foot|thumb wrenched|wrenched his thumb|wrenched her thumb"
         "|thigh swollen and very sore|tender mid shaft|holding right elbow|holding left elbow"
         "|swelling behind right knee|swelling behind left knee|swelling behind the knee"
         "|felt something tear|ache in left thigh|ache in right thigh"
         "|felt something pop|something pop in right shoulder|something pop in left shoulder"
         "|heel very sore|right heel very sore|left heel very sore"
         "|went over on her heels|went over on her heel|went over on his heel"
         "|kicked him in the left thigh|kicked him in the right thigh"
         "|kicked her in the left thigh|kicked her in the right thigh"
         "|came down on a rock with his left thigh|came down on a rock with his right thigh"
         "|swollen bruise|large swollen bruise|both wrists swollen"
         "|both wrists swollen and tender"
         "|swelling above elbow|holding arm against body|left knee hit the step"
         "|knee hit the step edge|can straight leg raise|pulled up sprinting"
         "|pain back of left thigh|pain back of right thigh|went over her ankle"
         "|went over his ankle|tender over atfl"
         "|hit on the forearm|struck on left forearm|struck on right forearm|swollen mid shaft"
         "|swelling along the ulnar border|turned right ankle|turned left ankle"
         "|holding her right arm against her tummy|holding her left arm against her tummy"
         "|holding his right arm against his tummy|holding his left arm against his tummy"
         "|won't let anyone near the elbow|felt something crack|foot under the wheel"
         "|right hand bruised across the knuckles|left hand bruised across the knuckles"
         "|bruised across the knuckles|my knee went out|knee went out"
         "|locked and won't straighten|knuckle sunk|little finger knuckle sunk"
         "|landed on his tailbone|landed on her tailbone|tender over the coccyx"
         "|ankle puffy|puffy over the outside|tender over coccyx|landed on his backside"
         "|landed on her backside"
         "|yanked his arm|yanked her arm|forearm turned in"
         "|thigh swollen and hard|swollen and hard with bruising|bull caught him"
         "|pain and swelling left wrist|pain and swelling right wrist"
         "|holding her left arm against her chest|holding his left arm against his chest"
         "|holding her right arm against her chest|holding his right arm against his chest"
         "|swelling round the elbow|left wrist tender|right wrist tender|left shoulder bruised"
         "|right shoulder bruised|swollen over kneecap|pinned his left thigh"
         "|pinned his right thigh|thumb feels loose|pain at base of left thumb"
         "|pain at base of right thumb"
         "|can't stand on the right leg|can't stand on the left leg"
         "|right wrist now bruised and sore|left wrist now bruised and sore"
         "|wrist now bruised and sore|swelling over kneecap|tender patella"
         "|won't move left elbow|won't move right elbow|swollen above it"
         "|fingertips in the car door|fingertips caught in|left elbow hit tarmac"
         "|right elbow hit tarmac|swollen over olecranon|big tender swelling lateral thigh"
         "|kicked by a mare|cow kicked his|knee bruised and sore over kneecap"
         "|pain lateral elbow|left forearm clearly bent|right forearm clearly bent"
         "|fingers in the car door|fingers injury|cow kicked"
         "|cow stood on her|cow stood on his"
         "|punched the cell wall|landed on his heels|landed on her heels|heel swollen"
         "|olecranon|bent back his left thumb|bent back his right thumb|bent back her"
         "|hit on the left knee|hit on the right knee|on the knee by|onto her right elbow"
         "|onto his right elbow|onto her left elbow|onto his left elbow"
         "|swung her round by the hands|swung him round by the hands|swung round by the hands"
         "|knee still swollen"
         "|fingertips slammed|slammed in the car door"
         "|ran into his right shin|ran into his left shin|ran into her shin|ran into his shin"
         "|swelling right wrist|swelling left wrist"),
    # A cut finger, hand or wrist that cannot bend, straighten or feel: a tendon or nerve
    # cut, repaired by a hand surgeon (BSSH standards for hand trauma).
    _cat("tendon_nerve_injury", "a cut with a tendon or nerve injury", S, "plastic_surgery",
         (CONSULT,),
         "can't bend the tip|cannot bend the tip|unable to bend the tip|can't flex"
         "|cannot flex|unable to flex|can't straighten|cannot straighten|unable to straighten"
         "|can't fully straighten|can't fully bend|can't fully extend|can't extend"
         "|cannot extend|unable to extend|tendon visible|visible tendon|tendon exposed"
         "|exposed tendon|tendon showing|tendon injury|cut tendon|tendon cut|numb along"
         "|numb tip|can't feel the tip|can't feel tip"
         "|can't bend tip|cannot bend tip|unable to bend tip"
         "|can't fully flex|cannot fully flex|unable to fully flex"
         "|numb over back of|numb over the back of|numb over"
         "|can't bend finger|cannot bend finger|can't bend the finger|numb on ulnar side"
         "|numb on the ulnar side|numb on radial side|numb on the radial side"
         "|sausage shaped|held bent, very painful to straighten|painful to straighten"
         "|can't fully straighten ring|can't fully straighten little"
         "|can't straighten ring and little",
         requires_any="cut|lac|laceration|wound|knife|glass|saw|chainsaw|bite|bitten"
         "|blade|cutter"),
    _cat("laceration", "a laceration", S, "general_practice", (PROCEDURE,),
         "laceration|lacerations|lac|lacs|cut|gash|skin defect|ear injury|ear laceration"
         "|ear trauma"
         "|superficial cuts|fresh cuts|cuts on her|cuts on his|cuts to her|cuts to his"
         "|split under chin|split under her chin|split under his chin|split chin|split lip"
         "|split upper lip|split lower lip|split eyebrow|needs stitches"
         "|needs a couple of stitches|gaping wound|gaping cut"
         "|torn frenulum|frenulum tear"
         "|split open"
         "|split to forehead|split forehead"
         "|split at eyebrow|split at the eyebrow|split above eyebrow|split above the eyebrow"
         "|split on forehead|split at chin|split on chin|edges gaping|gaping edges"
         "|split on eyebrow"
         "|sliced|sliced finger|sliced his finger|sliced her finger"
         "|pulp partly off|pulp off|tip partly off|tip of finger off|fingertip partly off"
         "|split inside|split the inside"
         "|split on point of chin|split on chin|split on his chin|split on her chin"
         "|slash wound|slashed with|slash to"
         "|ragged wound|deep wound|deep ragged wound"
         "|fingertip injury"
         "|lobe split|ear lobe split|earlobe split|split earlobe|split ear lobe|torn earlobe"
         "|earring ripped out"
         "|gashed|ripped through her earlobe|ripped through his earlobe|earlobe split"
         "|split lobe|split earlobe|torn earlobe|split to chin|split to his chin"
         "|split to her chin|split to left forehead|split left forehead|split right forehead"
         "|split to right forehead"
         "|earring ripped|ripped through l earlobe|ripped through left earlobe"
         "|ripped through the earlobe"
         "|lip split|split through"
         "|wound on the side of the soft palate|soft palate|split gaping"
         "|split under the chin|gaping clean wound"
         "|split his chin|split her chin|gaping scalp wound"
         "|tip partly hanging off|split her upper lip|split his upper lip"
         "|gaping split"
         "|split his scalp|split her scalp|split scalp"
         "|slashed across|slashed|knife slipped into"
         "|pulp loss|took the tip of his|took the tip of her|sliced the tip of"
         "|fingertip sliced|took the tip of his left finger|took the tip of his right finger"
         "|scalp wound|wound to her scalp|wound to his scalp|punched a window"
         "|fist through a window|split to the chin"
         "|took off tip of|took off the tip of"
         "|bit through her lower lip|bit through his lower lip|bit through her lip"
         "|bit through his lip|hole right through"
         "|split on his forehead|split on her forehead"
         "|stud rake|gaping dirty wound|fat visible"
         "|caught her forehead on the coffee table|caught his forehead on the coffee table"
         "|edges come together"
         "|foot trimming shears|nicked his left thumb|nicked his right thumb|nicked her thumb"
         "|split on back of left hand|split on back of right hand|2cm split|3cm split"
         "|split on the back of"
         "|knife slipped cutting|2 cm wound lateral thigh"
         "|meat hook"
         "|split his lip|split her lip|through the vermilion|vermilion border"),
    # A torn nail bed or an avulsed nail: a finger X-ray for the tuft fracture under it and a
    # nail bed repair, two resources however the crush came about.
    _cat("nail_bed_injury", "a nail bed injury", S, "plastic_surgery", (XRAY, PROCEDURE),
         "nail bed torn|torn nail bed|nail bed injury|nail beds torn|nail bed split"
         "|nailbed split|nail bed lacerated|nailbed lacerated|nail bed laceration"
         "|nail bed cut|nail bed exposed|nail bed visible|nail bed burst|nail bed crushed"
         "|through the nail bed|through nail bed|across the nail bed"
         "|nail lifted off|nail lifted|nail partly lifted|nail half lifted|fingernail lifted off"
         "|nail torn off|nail torn|nail ripped off|nail half off|nail partly off"
         "|nail hanging off|nail half torn off|nail partly torn off|fingernail torn off"
         "|nail avulsed|nail partly avulsed|nail avulsion|nail split",
         source=sources.NAIL_BED_INJURY),
    _cat("back_pain", "back or neck pain", S, "orthopedics", (MEDS,),
         "back pain|backache|lumbago|neck pain|buttock pain|coccygeal pain|coccyx pain"
         "|tailbone pain|low back pain|tweaked back|strained back|pulled his back"
         "|did my back in|done my back in|did his back in|did her back in|put my back out"
         "|put his back out|put her back out"
         "|pulled her back|pulled my back|pain lower back|stiff neck|neck stiffness|back ache"
         "|low back ache|mid back pain"
         "|twinge in lower back|twinge in back|twinge in his back|twinge in her back|back spasm"
         "|low back spasm|lower back spasm"
         "|tailbone sore|landed on her bottom|landed on his bottom|landed on bottom"
         "|sciatica|known sciatica"
         "|sore coccyx|coccyx pain|tailbone pain|sore tailbone"
         "|neck ache|neck aching|sore neck|neck sore"
         "|back went into spasm|twinged lower back"
         "|felt something go in her mid back|felt something go in his back"
         "|felt something go in her back|something go in her back"
         "|can't straighten up|cannot straighten up"
         "|pain between her shoulder blades|pain between his shoulder blades"
         "|between the shoulder blades|back went"
         "|back locked|low back locked"
         "|shooting pain down the back of his leg|shooting pain down the back of her leg"
         "|wants a scan"
         "|back gone|back has gone|back's gone"
         "|thoracic pain|lower thoracic pain"
         "|go in his lower back|go in her lower back"
         "|sore mid back"
         "|pain shooting down left leg|pain shooting down right leg|pain shooting down his leg"
         "|pain shooting down her leg|shooting down left leg|shooting down right leg"
         "|pulled something in lower back|pulled something in his lower back"
         "|pulled something in her lower back|pulled something in his back"
         "|pulled something in her back"
         "|felt his left low back go|felt her left low back go|low back go|back go"
         "|felt his back go|felt her back go"
         "|felt something go in lower back|hurt low back|hurt his low back|hurt her low back"
         "|central lumbar ache|lumbar ache"
         "|pain down back of left leg|pain down back of right leg"
         "|pain down the back of his leg|pain down the back of her leg"),
    # Back pain with a red flag for a fracture or a tumour: imaging (NICE NG59).
    _cat("back_pain_red_flag", "back pain with a red flag for fracture or cancer", S,
         "orthopedics", (XRAY, MEDS),
         "back pain|backache|back ache|low back pain|mid back pain|lumbago"
         "|cancer spread to spine",
         requires_any="osteoporosis|osteoporotic|on steroids|long term steroids|prednisolone"
         "|myeloma|metastatic|metastases|cancer|mets|prostate ca|breast ca|lung ca"),
    _cat("headache", "headache", S, "neurology", (MEDS,), "headache|migraine|migraines"
         "|headaches"),
    _cat("urinary_infection", "urinary symptoms", S, "general_practice", (LABS,),
         "dysuria|painful urination|burning urination|burning on urination|uti"
         "|urinary tract infection|urinary frequency|voiding pain|when i urinate"
         "|burning micturition|passing water|burning urine|when he pees|when she pees"
         "|when urinating|when i pee|burns to urinate|hurts to urinate|urinary symptom"
         "|urinary symptoms|urinary sx|polyuria|burning with urination|pain with urination"
         "|burning when urinating|burning when peeing|when she wees|when he wees"
         "|hurts to wee|stings to wee|going every ten minutes|burning when passing urine"
         "|pain passing urine|pain when passing urine|stinging when passing urine"
         "|burning passing urine"
         "|burning wee"
         "|stinging when peeing|stings when peeing|stinging when passing urine|stinging urine"
         "|stinging when i pee|stings when i pee"
         "|stinging passing urine|smelly urine|urine smells|offensive urine|foul smelling urine"
         "|cloudy urine"
         "|burning with peeing|burning when weeing"
         "|urine smelly"
         "|burning on passing urine|burning when passing urine|stinging on passing urine"
         "|stings when passing urine"
         "|stinging on peeing|stings on peeing|stinging when peeing|stinging when she pees"
         "|stinging when he pees|burning on peeing|burning when peeing|stinging passing urine"
         "|going every 10 mins|peeing every"
         "|burning and frequency|wetting the bed again|going to the toilet a lot"
         "|burning when she passes water|burning when he passes water|passes water and going"
         "|stinging on weeing|going every 20 minutes"
         "|frequency and burning|recurrent utis|recurrent uti"
         "|urine looks cloudy"
         "|stinging to pass water|stinging when weeing|stinging when she wees"
         "|stinging when he wees|going every half hour|stinging and frequency"
         "|loin ache and frequency|dip nitrites|nitrites positive|nitrite positive"
         "|urine cloudy and smelly"
         "|hurts in her back on the left|hurts in his back on the left"
         "|stinging when she passes urine|stinging when he passes urine|going often"
         "|still burning|day 3 of nitrofurantoin|on nitrofurantoin",
         infection=True),
    # A cough needs a chest X-ray when pneumonia is in question: with a fever, sputum, a
    # cough for weeks, or pneumonia named. A cough with a cold is examined only.
    _cat("cough", "cough", S, "general_practice", (XRAY,), "cough|coughing|pneumonia"
         "|more sputum than usual"
         "|chesty"
         "|chesty for a week|gp gave doxycycline"
         "|green sputum"
         "|started doxycycline|on doxycycline"
         "|rusty sputum",
         infection=True,
         requires_any="pneumonia|fever|fevers|feverish|febrile|chills|rigors|sputum|phlegm"
         "|productive"
         "|weeks|wks|blood|hemoptysis|haemoptysis|short of breath|shortness of breath"
         "|dyspnea|dyspnoea|wheezing|chest pain|temperature"
         # A cough that has lasted for months, or that a GP wants X-rayed (NICE NG12).
         "|months|x ray|chest x ray|cxr"
         # Coughing with meals in the frail: aspiration.
         "|coughing after meals|coughing after eating|coughing with meals|coughing on drinks"
         "|coughing when eating|wet sounding"),
    _cat("cold_cough", "a cough with a cold", S, "general_practice", (),
         "cough|coughing", infection=True),
    _cat("epistaxis", "a nosebleed", S, "ent", (PROCEDURE,),
         "nosebleed|nose bleed|epistaxis|nose started bleeding|nose is bleeding|nose bleeding"
         "|bleeding from the nose|bleeding nose|nosebleeds|nose bleeds|nostril bleeding"
         "|bleed left nostril|bleed right nostril|bleeding left nostril|bleeding right nostril"
         "|bleeding from left nostril|bleeding from right nostril"
         "|nose pouring|nose pouring blood"
         "|nostril still bleeding|nostril has been bleeding"),
    _cat("allergic_reaction", "an allergic reaction", S, "allergy_immunology", (MEDS,),
         "allergic reaction|hives|urticaria|drug allergy"
         "|tingly mouth|tingling mouth"
         "|puffy upper lip|puffy lower lip"),
    _cat("animal_bite", "an animal bite or rabies exposure", S, "general_practice", (MEDS,),
         "dog bite|cat bite|animal bite|bat bite|bitten|rabies|human bite|bite wound"
         "|nipped by|scratched by a dog|scratched by a stray|scratched by a cat|fight bite"
         "|cat bit|dog bit"
         "|punching someone in the mouth|punched someone in the mouth"
         "|punched someone in the teeth"
         "|nipped on the|nipped by a|nipped on her|nipped on his"
         "|dog tied up|bit her left hand|bit his left hand|bit her right hand"
         "|bit his right hand|puncture wounds over the knuckles"
         "|my mate bit my ear|bite to left helix|bite to right helix"
         "|collie bit|scratched by the neighbour's cat"
         "|got nipped|sheepdog and got nipped"
         "|rat ran up his sleeve and bit|rat bit"
         "|seagull|gull swooped"),
    _cat("feeding_tube", "a displaced feeding tube", S, "general_surgery", (PROCEDURE,),
         "feeding tube|g tube|peg tube|nasogastric tube|ng tube|levin tube|l tube"
         "|gastrostomy tube|gastrostomy|j tube|jejunostomy tube|peg|ng out|pulled her ng"
         "|pulled his ng"
         "|gastrostomy button|button came out|g tube came out|gtube came out"
         "|gastrostomy button"
         "|home ng feeds"
         "|ng feeds|ng tube came out|tube came out"),
    # A prolapsed stoma or a parastomal hernia: the stoma team reduces or reviews it.
    _cat("stoma_prolapse", "a prolapsed stoma or parastomal hernia", S, "general_surgery",
         (CONSULT,),
         "stoma prolapse|prolapsed stoma|stoma prolapsed|stoma has prolapsed"
         "|parastomal hernia|bulge next to stoma|bulge next to the stoma|bulge beside stoma"
         "|bulge around the stoma"),
    # Bleeding on an anticoagulant or antiplatelet: a clotting screen (an INR) at least.
    _cat("anticoagulated_bleeding", "bleeding on an anticoagulant", S, "hematology", (LABS,),
         "apixaban|rivaroxaban|warfarin|dabigatran|edoxaban|clopidogrel|ticagrelor"
         "|anticoagulated|anticoagulant|anticoagulants|blood thinner|blood thinners|doac"
         "|varicose vein bled|varicose vein at right ankle bled"
         "|varicose vein at left ankle bled|vein bled through|bled through her dressing"
         "|bled through his dressing|varicose vein bleed|varicose vein bleeding"
         "|varicose vein burst|varicose vein on left ankle burst"
         "|varicose vein on right ankle burst|varicose vein on left leg burst"
         "|varicose vein on right leg burst",
         requires_any="bleeding|oozing|nosebleed|bleed|still bleeding", history_counts=True),
    # Aphthous or chemotherapy mouth ulcers: mouthwash and analgesia by mouth.
    # Bright blood on the paper with a stool: haemorrhoids or a fissure, examined; not the
    # haemodynamic bleed of gi_bleed.
    _cat("minor_rectal_bleeding", "a little bright blood on the paper", S, "general_practice",
         (LABS,),
         "blood on the paper|blood in the pan|blood on the toilet paper|streak of blood"
         "|bleeding from the back passage|bleeding piles"
         "|bright red blood on paper|blood on paper|blood on toilet paper"
         "|bright red blood with stools|blood with stools|blood with his stools"
         "|blood with her stools|known piles"
         "|passed fresh red blood|fresh red blood with clots"
         "|bright red blood from the back passage|red blood from the back passage"
         "|blood from the back passage|blood from his back passage|blood from her back passage"
         "|bright red blood dripping|blood dripping after opening his bowels"
         "|fresh red blood with his stool|fresh red blood with her stool"
         "|blood mixed in with his stool|blood mixed in with her stool|red blood mixed in with"
         "|blood mixed in his stool|blood mixed in her stool|blood in his stool"
         "|blood in her stool"),
    # A choking episode that has passed: an X-ray and a look for an inhaled foreign body.
    _cat("inhaled_foreign_body", "a possible inhaled foreign body", S, "ent", (XRAY, CONSULT),
         "possible inhaled foreign body"),
    # A pacemaker or ICD to interrogate: the device clinic or cardiology.
    _cat("device_check", "a pacemaker or defibrillator check", S, "cardiology", (CONSULT,),
         "pacemaker beeping|pacemaker check|pacemaker alarm|icd beeping|icd alarm|icd check"
         "|box is beeping|pacemaker is beeping|defibrillator beeping"),
    # Croup with no stridor at rest: oral dexamethasone, no ED resource (Westley score mild).
    _cat("croup", "croup", S, "pediatrics", (),
         "croup|croupy|barky cough|barking cough|sounds like a seal|croup noise when upset"
         "|barking like a seal"),
    # A substance the poisons service calls non-toxic (silica gel, a sip of washing-up
    # liquid): observation and advice.
    # A hydrocarbon swallowed can be aspirated: a chest X-ray (NPIS TOXBASE).
    _cat("hydrocarbon_ingestion", "a swallowed hydrocarbon", S, "toxicology", (XRAY,),
         "lamp oil|kerosene|paraffin oil|white spirit|turpentine|lighter fluid|petrol|diesel"
         "|hydrocarbon", requires_any="drank|drink|swallowed|mouthful|ingested|siphoning"
         "|sip|mouth"),
    _cat("narrow_margin_dose", "an extra dose of a medicine with a narrow margin", S,
         "toxicology", (LABS,),
         "digoxin|lithium|warfarin|methotrexate|valproate|phenytoin|theophylline|clozapine"
         "|gliclazide|glipizide|metoprolol|bisoprolol|propranolol|atenolol|verapamil|diltiazem"
         "|amitriptyline|nortriptyline|citalopram|methylphenidate|carbamazepine"
         "|lithium level|wants a level",
         requires_any="twice|double|extra|instead of|by mistake|wrong|too many|took it twice",
         source=sources.NARROW_MARGIN_DOSE),
    _cat("nontoxic_ingestion", "a non-toxic ingestion", S, "toxicology", (),
         "silica gel|low toxicity|non toxic|nontoxic"
         "|washing up liquid|sip of washing up liquid"
         "|toothpaste|bubble mixture|glow stick|peace lily|pyracantha|gummy vitamins"
         "|contraceptive pill|contraceptive pills|crayon|crayons|play dough|playdough"
         "|ate 3 or 4 berries|berries off a hedge|ate berries"
         "|red berries|berries from a|few berries|some berries|cotoneaster"),
    _cat("mouth_ulcer", "mouth ulcers", S, "general_practice", (),
         "mouth ulcers|mouth ulcer|mouth sores|canker sore|canker sores|aphthous ulcer"
         "|aphthous ulcers"
         "|spots in mouth"
         "|ulcers on tongue|spots on palms and soles|hand foot and mouth"
         "|mouth full of ulcers|gums swollen and bleeding|gums bleeding"
         "|mouth sore and ulcerated|mouth ulcerated|ulcerated mouth|sore mouth"),
    # A drain, dialysis access or central line that stopped working: imaging and the team
    # that placed it.
    _cat("device_malfunction", "a malfunctioning drain, catheter or dialysis access", S,
         "general_surgery", (IMAGING, CONSULT),
         "ptbd|perm cath|permcath|avf malfunction|fistula malfunction|drain malfunction"
         "|drain problem|catheter problem|stoma problem|shunt problem|shunt malfunction"
         "|tracheostomy problem|trach problem|pacemaker problem|device problem|no thrill|no bruit"
         "|no buzz|feel the buzz|hd cath|tunneled|tunnelled|dialysis catheter"
         "|device malfunction|port problem|port malfunction|picc problem|picc line problem"
         "|ostomy problem|colostomy problem|ileostomy problem"
         "|flange cracked"
         "|nephrostomy has been leaking"
         "|nephrostomy tube fell out"
         "|nephrostomy tube|nephrostomy fell out|nephrostomy came out"
         "|nephrostomy has fallen out"),
    # Myalgia: a creatine kinase level rules out rhabdomyolysis; otherwise exam and PO care.
    # Urine the colour of cola after exertion or a crush: myoglobin from muscle breakdown,
    # for a creatine kinase and IV fluids.
    _cat("rhabdomyolysis", "possible muscle breakdown (rhabdomyolysis)", S, "nephrology",
         (LABS, FLUIDS),
         "rhabdomyolysis|rhabdo|urine like cola|cola coloured urine|cola colored urine"
         "|cola urine|urine the colour of cola|urine the color of cola"
         "|thigh trapped|stuck in a squeeze|trapped for 2 hours|trapped for hours"),
    # A relapse of a known nephrotic syndrome: blood tests and the renal team.
    _cat("nephrotic_relapse", "a relapse of nephrotic syndrome", S, "nephrology",
         (LABS, CONSULT), "nephrotic syndrome|nephrotic relapse|nephrotic"
         "|frothy wee|frothy urine|puffy eyes and face"),
    _cat("myalgia", "muscle aches", S, "general_practice", (LABS,),
         "myalgia|myalgias|muscle aches|muscle pain|body aches|general ache"
         "|tennis elbow|lateral epicondyle|lateral epicondylitis|golfer's elbow"
         "|pulled calf muscle|calf muscle"
         "|aching thighs|muscle cramps|cramps in calves|calf cramps|twitching in calves"
         "|cramps in both calves"
         "|sore legs|legs sore|thighs very sore|sore thighs"),
    # A scheduled paracentesis is one procedure.
    _cat("paracentesis", "an ascites tap", S, "gastroenterology", (PROCEDURE,),
         "ascites tapping|ascites tap|paracentesis"
         "|due another drain|belly tight and swollen again"
         "|tummy tight and swollen again|last drained"),
    # A needlestick from a source known to carry HIV: post-exposure prophylaxis within hours.
    _cat("hiv_exposure", "a needlestick or exposure from a source with HIV", B,
         "infectious_disease", (LABS, CONSULT),
         "needle stick|needlestick|stuck with a needle|stuck w a needle|blood exposure"
         "|body fluid exposure|stuck w",
         requires_any="hiv", source=sources.HIV_EXPOSURE),
    _cat("blood_exposure", "a needlestick or blood exposure", S, "general_practice", (LABS,),
         "needle stick|needlestick|blood exposure|body fluid exposure|discarded needle"
         "|used needle|dirty needle"
         "|pep request|shared needles"
         "|hiv pep"
         "|pricked his finger on a needle|pricked her finger on a needle|needle in a bin bag"
         # A sexual exposure: PEP within 72 hours, best within 24 (BASHH 2021), by mouth.
         "|asking for pep|requesting pep|wants pep|requests pep"
         "|partner then said he is hiv positive"),
    # Mania: a medical screen (a lithium level, bloods) and a psychiatric assessment (NICE
    # CG185).
    _cat("mania", "a manic episode", S, "psychiatry", (LABS, CONSULT),
         "hasn't slept for|not slept for|talking fast|pressured speech|spending lots of money"
         "|manic|mania|hypomania|hypomanic"
         "|spending large sums of money"
         "|high for a week|barely sleeping, spending money|barely sleeping"
         "|talking non stop|talking nonstop|no sleep for 3 nights|no sleep for three nights"),
    # Self-harm without suicidal intent: a psychosocial assessment by a mental health
    # professional for everyone who self-harms (NICE NG225).
    _cat("self_harm", "self-harm without suicidal intent", S, "psychiatry", (CONSULT,),
         "cuts to cope|cut to cope|cutting to cope|cuts herself|cuts himself|cutting herself"
         "|cutting himself|cut herself on purpose|cut himself on purpose|cuts on purpose"
         "|cuts on forearm|cuts to forearm|cuts left forearm|cuts right forearm"
         "|cuts both forearms|cuts on both forearms|forearm cuts|cuts on her forearm"
         "|cuts on his forearm|scratches both forearms|scratches on her forearm"
         "|scratches on his forearm"
         "|scratches left forearm|scratches right forearm|scratches on forearm|cuts on arm"
         "|scratches on arm"
         "|did it to cope|does it to cope|to cope with"
         "|just needed to|release the pressure"
         "|cuts to left forearm|cuts to right forearm|cuts to her forearm|cuts to his forearm"
         "|self harmed"
         "|sharpener blade"
         "|thoughts of cutting|urge to cut|wants to cut herself|wants to cut himself"
         "|superficial scratches to the left forearm"
         "|superficial scratches to the right forearm|superficial scratches",
         requires_any="razor|blade|sharpener|compass|on purpose|to cope|deliberate|herself"
         "|himself|doesn't want to die|don't want to die|not suicidal|denies suicidal"
         "|denies wanting to die|camhs|crisis team|mental health|self harm"),
    _cat("mental_health", "a mental health concern", S, "psychiatry", (CONSULT,),
         "anxiety|panic attack|depression|depressed|detox|withdrawal|hallucinations"
         "|psychosis|delusion|delusions|delusional|paranoid|paranoia|bizarre behavior"
         "|psychiatric evaluation|psych eval|psych evaluation"
         "|bizarre behaviour|agitation|agitated|low mood|feeling low|section 136"
         "|passive death wish"
         "|mental health act|mha assessment"
         "|tearful most days|not enjoying anything"
         "|panic attacks|wants to talk to someone|needs to talk to someone"
         "|are following him|are following her|spying on him|spying on her|putting poison"
         "|poison through the vents|watching him through|watching her through"
         "|seeing shadow people|seeing things|shadow people"
         "|hearing voices|stopped his meds|stopped her meds|stopped his medication"
         "|stopped her medication|off his meds|off her meds"
         "|talking to herself|talking to himself|tv sends her messages|tv sends him messages"
         "|homesick|what's the point"
         "|feels overwhelmed|overwhelmed and tearful|wants help to stop|low since"
         "|hearing a voice|mental health people|feel flat|can't cope since|someone to talk to"
         "|low and not sleeping|not sleeping since|lost at sea|grieving|bereavement"
         "|want to be detoxed|wants to be detoxed|wants a detox|low for months|smashing things"
         "|not going to school"
         "|stopped his depot|stopped her depot|voices more intrusive|voices more"
         "|restart treatment|robbed at knifepoint|asking to talk to someone|feeling very low"
         "|checking the windows"
         "|asking to see the mental health team"
         "|things are too much|wants to speak to the crisis team|known to the crisis team"
         "|wants to see the crisis team"
         "|can't stop crying|feels a failure|weeks after birth, tearful"
         "|asking to see mental health"
         "|don't see the point|doesn't see the point but"
         "|wants to speak to someone from mental health"
         "|low for a fortnight|low and crying since|i can't cope"
         "|after having her baby, low|low, tearful, not sleeping"
         "|racing thoughts|asking for the crisis team|wants the crisis team"
         "|being tracked|tracked through"
         "|can't cope with anything|i just can't cope"),
    # Zero-resource complaints: exam, PO meds or simple care only (ESI 5 unless vitals say
    # otherwise).
    _cat("sore_throat", "a sore throat", S, "ent", (),
         "sore throat|sorethroat|throat pain|pharyngitis"
         "|tonsillitis|tonsilitis"
         "|soar throat"
         "|throat very sore|throat's been killing me"
         "|throat scratchy"
         "|tonsils huge with pus|tonsils huge|huge tonsils", infection=True),
    _cat("ear_pain", "ear pain", S, "ent", (),
         "ear pain|earache|otitis|otalgia|tugging at ear|tugging ear|pulling at ear"
         "|pulling ear|ear tugging"
         "|sore l ear|sore r ear|sore left ear|sore right ear"
         "|ear canal so swollen|ear canal swollen|swimming every day"
         "|holding her ear|holding his ear|holding her right ear|holding her left ear"
         "|holding his right ear|holding his left ear"
         "|ear painful and discharging|canal swollen shut"
         "|sore ear|sore ear since"
         "|right ear painful and muffled|left ear painful and muffled|ear painful and muffled"
         "|blood on a cotton bud|spot of blood on a cotton bud"
         "|pain right ear|pain left ear|after using the pool",
         infection=True),
    _cat("common_cold", "cold symptoms", S, "general_practice", (),
         "cold|runny nose|congestion|uri|flu|urti|upper respiratory infection"
         "|upper respiratory tract infection|allergic rhinitis|nasal congestion|rhinorrhea"
         "|sinus pain|sinus pressure|sinusitis|covid|coronavirus|stuffy nose|sneezing"
         "|blocked nose|snuffly|snuffles"
         "|scratchy throat"
         "|green nasal discharge",
         infection=True),
    _cat("ear", "an ear complaint", S, "ent", (),
         "tinnitus|ear discharge|otorrhea|otorrhoea|ear wax|wax|ear blocked|blocked ear"
         "|hearing aid"
         "|ear feels blocked|ears feel blocked|muffled hearing|hearing muffled"
         "|ringing in both ears|ringing in ears|ringing in her ears|ringing in his ears"
         "|ears ringing|ringing ears|ears are ringing"
         "|ear ringing and muffled|ringing and muffled|ear ringing"),
    # New flashes and floaters: a dilated retinal examination for a tear (RCOphth).
    _cat("flashes_floaters", "new flashes or floaters", S, "ophthalmology", (CONSULT,),
         "floaters|flashing lights|flashes of light|new flashes"
         "|flashes in left eye|flashes in right eye|flashes in his eye|flashes in her eye"
         "|new floater|cobweb floater"),
    # A haematoma of the ear's pinna is drained to save the cartilage.
    _cat("ear_haematoma", "a haematoma of the ear", S, "ent", (PROCEDURE,),
         "pinna|cauliflower ear|auricular haematoma|ear haematoma|ear hematoma"
         "|ear swollen and squishy|ear swollen|swollen ear|cauliflower ear"
         "|top of left ear now swollen|top of right ear now swollen"
         "|ear now swollen and squishy|swollen and squishy"
         "|ear now swollen and tense|swollen and tense like a cushion|punched on the right ear"
         "|punched on the left ear"),
    # A ring stuck on a swollen finger is cut off: one procedure.
    # A hair wrapped round a baby's toe or finger: unwrapped or cut, one simple procedure.
    _cat("hair_tourniquet", "a hair tourniquet", S, "paediatrics", (PROCEDURE,),
         "hair tourniquet|hair wrapped|hair wound round|hair wrapped round|hair around his toe"
         "|hair around her toe|hair round his toe|hair round her toe|thread wrapped"),
    # A long lie on the floor: rhabdomyolysis, pressure damage and hypothermia are looked
    # for (CK, renal function, ECG), and why the patient fell (NICE CG161).
    _cat("long_lie", "a long lie after a fall", S, "geriatrics", (LABS, ECG),
         "long lie|couldn't get up|could not get up|unable to get up|down for hours"
         "|on the floor all night|on the floor for hours|on the floor overnight"
         "|on the floor for 2|on the floor for 3|on the floor for several"
         "|on the floor since|been on the floor|she'd been there since|he'd been there since"
         "|legs just gave way|on the floor about|on the floor for about"
         "|on the floor for an hour"
         "|found on the floor|found her on the floor|found him on the floor|found on floor"
         "|on the kitchen floor|on the bathroom floor|on the bedroom floor"
         "|on bedroom floor|reached her pendant alarm|found her on floor"
         "|on the floor a couple of hours|on the floor for a couple of hours"
         "|found on kitchen floor|found on the kitchen floor|found on bathroom floor"
         "|found on the bathroom floor|been there since"
         "|lay on the floor|on the floor about 2|on the floor ~2|on the floor ~6"
         "|until neighbour heard her|until neighbour heard him"
         "|wife couldn't lift him|husband couldn't lift her|couldn't lift him"
         "|couldn't lift her"
         "|on floor approx|on floor for|hours on the floor|on the floor approx"
         "|there since bedtime"
         "|found by neighbour on kitchen floor|down approx 3 h|on the floor 3 hrs"
         "|on his kitchen floor this morning|on her kitchen floor this morning"
         "|probably down since last night|down since last night|been down since"
         "|on his kitchen floor overnight|on her kitchen floor overnight"
         "|on the lounge floor|can't get up off the floor"),
    # A kidney injury to work up: bloods and fluids.
    _cat("kidney_injury", "a kidney injury", S, "nephrology", (LABS, FLUIDS),
         "acute kidney injury|aki|raised creatinine|creatinine raised|rising creatinine"
         "|creatinine rising|kidney function worse|renal function worse"
         "|deranged renal function"
         "|creatinine up|creatinine is up|creatinine has gone up|creatinine higher"
         "|left flank sore|right flank sore|flank sore|fell onto the gunwale"
         "|kicked in right flank|kicked in left flank|kicked in the right flank"
         "|kicked in the left flank"),
    # An uncomplicated reflex faint: a 12-lead ECG (NICE CG109).
    # Put in spine_injury's place for a low-speed collision: imaging only (Canadian C-spine
    # rule; the whiplash analgesia is oral).
    _cat("whiplash_injury", "a neck injury in a low-speed collision", S, "orthopedics",
         (IMAGING,), "whiplash injury|whiplash"
         "|neck stiff since|car hit from behind"
         "|neck stiff|went into a ditch"),
    # Put in gi_bleed's place when the measured circulation is normal (gi_bleed.py).
    _cat("stable_gi_bleed", "gastrointestinal bleeding with a stable circulation", S,
         "gastroenterology", (LABS, CONSULT), "stable gi bleed"
         "|streaks of blood once|brought up streaks of blood"
         "|brought up fresh blood streaks|blood streaks after retching|retched hard"
         "|fresh red blood mixed with his stools|fresh red blood mixed with her stools"
         "|bright red blood mixed with his stool|bright red blood mixed with her stool"
         "|blood mixed with his stool|blood mixed with her stool"),
    # Put in alcohol_withdrawal's place when the note finds it uncomplicated (esi.py).
    _cat("uncomplicated_alcohol_withdrawal", "uncomplicated alcohol withdrawal", S,
         "toxicology", (LABS, MEDS), "uncomplicated alcohol withdrawal"),
    _cat("simple_faint", "an uncomplicated faint", S, "cardiology", (ECG,),
         "vasovagal|simple faint|reflex syncope|vasovagal syncope"
         "|came over faint and sweaty|came over faint"),
    # A burn of 3% of the body or more: a burns service's advice and strong analgesia
    # (National Network for Burn Care referral guidance, 2012).
    _cat("burn_referral", "a burn for a burns service's advice", S, "plastic_surgery",
         (CONSULT, MEDS), "burn needing referral"
         "|hot coals|embers|burns to both soles|burns on both soles|burnt soles|burned soles"
         "|burnt both soles|burned both soles|burnt the soles|burned the soles"
         "|hot bitumen|bitumen|tar burn|hot tar",
         source=sources.BURN_REFERRAL),
    # A blistered burn of the palm: a burns service's advice on the hand (NNBC 2012).
    _cat("hand_burn", "a partial-thickness burn of the palm", S, "plastic_surgery",
         (CONSULT,), "palm burn", source=sources.HAND_BURN),
    # A cut over a knuckle from a punch to the mouth: a human bite into the joint, for an
    # X-ray, IV antibiotics and a hand surgeon's washout (BSSH; NICE CKS, human bites).
    _cat("fight_bite", "a fight bite over a knuckle", S, "plastic_surgery",
         (XRAY, MEDS, CONSULT),
         "fight bite|cut over knuckle|cut over his knuckle|cut over her knuckle|cut on knuckle"
         "|knuckle cut|lac over knuckle|laceration over knuckle|cut over middle knuckle"
         "|cut over right middle knuckle|cut over left middle knuckle"
         "|wound over knuckle|wound over right 4th knuckle|wound over left 4th knuckle"
         "|wound on knuckle"
         "|wound over right middle knuckle|wound over left middle knuckle"
         "|wound over middle knuckle"
         "|wound over right finger knuckle|wound over left finger knuckle"
         "|cut over right finger knuckle|cut over left finger knuckle",
         requires_any="teeth|tooth|mouth|fight|bite|bitten"),
    # A lower motor neurone facial palsy: examined, and oral steroids prescribed within 72
    # hours (NICE CKS, Bell's palsy). The forehead decides it (see wording).
    _cat("bells_palsy", "a lower motor neurone facial palsy (Bell's palsy)", S, "neurology", (),
         "bell's palsy|bells palsy|bell palsy"),
    # A stone with a fever: an infected, obstructed kidney, drained urgently (EAU 2023
    # urolithiasis guideline: a urological emergency).
    _cat("infected_obstructed_kidney", "a kidney stone with a fever", B, "urology",
         (LABS, IMAGING, MEDS),
         "kidney stone|renal colic|loin to groin|ureteric stone|stone in his kidney"
         "|stone in her kidney|known stone",
         requires_any="fever|febrile|rigors|shivery|shivering|pyrexia|high temperature",
         infection=True, source=sources.INFECTED_OBSTRUCTED_KIDNEY),
    # Mastoiditis: the ear pushed forward by a swelling behind it.
    _cat("mastoiditis", "possible mastoiditis", S, "ent", (LABS, IMAGING, MEDS),
         "mastoiditis|ear pushed forward|ear sticking out|swelling behind the ear"
         "|swelling behind his ear|swelling behind her ear|redness behind the ear"
         "|swelling and redness behind", infection=True),
    # Back pain after a fall: the spine imaged and the pain treated (NICE NG41, spinal injury
    # assessment).
    _cat("back_pain_after_fall", "back pain after a fall", S, "orthopedics", (IMAGING, MEDS),
         "back pain|lower back pain|low back pain|sore back|back sore|mid back pain"
         "|landed on back"
         "|landed on his backside|landed on her backside|landed on his bottom"
         "|landed on her bottom"
         "|lumbar pain|tender over l1"
         "|landed on his heels|landed on her heels|pain both heels|onto his back at"
         "|tender in the middle of his lower back|tender in the middle of her lower back"
         "|struck across the lower back|across the lower back by",
         requires_any="fell|fall|landed on his back|landed on her back|off a ladder|off the roof"
         "|from height|went through|thrown off|thrown from"),
    # Blood in the front of the eye after a blow: an ophthalmologist the same day.
    _cat("hyphaema", "blood in the front of the eye", S, "ophthalmology", (CONSULT,),
         "hyphaema|hyphema|blood level in the eye|blood level visible|blood in front of iris"
         "|blood in front of the iris"
         "|blood level in front of"),
    _cat("stuck_ring", "a ring stuck on a finger", S, "general_practice", (PROCEDURE,),
         "ring stuck|stuck ring|ring removal|ring now stuck|ring is stuck|ring won't come off"
         "|can't get ring off|can't get her ring off|can't get his ring off|can't remove ring"),
    # Recurrent falls in an older adult: the cause is worked up (NICE CG161).
    _cat("recurrent_falls", "recurrent falls", S, "geriatrics", (LABS, ECG, XRAY),
         "keep falling|keeps falling|recurrent falls|frequent falls|multiple falls"
         "|falls this week|falls this month"
         "|fell twice|fallen twice|fell three times|two falls this|three falls this"
         "|2 falls in 3 days|two falls in|falls in 3 days|reduced mobility and"
         "|falls x3|falls x 3"
         "|third fall|fourth fall|second fall this|fallen again|fell again|another fall"
         "|2 falls at home|two falls at home|2 falls today"
         "|3 falls at home|three falls at home|several falls at home|falls at home this week"
         "|fallen 3 times this week|fallen three times this week|fallen 4 times"
         "|fallen several times"
         "|fallen 3 times|fallen three times"),
    _cat("pressure_sore", "a pressure sore", S, "general_practice", (LABS, CONSULT),
         "pressure sore|pressure sores|pressure ulcer|bed sore|bedsore|pressure injury"
         "|red area on sacrum|sacral redness|red sacrum"),
    # A dose taken twice by mistake, with no symptoms: advice, or poisons-line guidance.
    _cat("medication_error", "a medication taken in error", S, "general_practice", (),
         "twice by mistake|by mistake|double dose|doubled dose|took it twice|taken twice"
         "|dose twice|doses twice"
         "|different colour pill|different color pill|medication query|medication question"
         "|instead of 1|instead of one|double warfarin|took double|double doses|double up"
         "|forgot dose|missed dose|missed a dose|took wife's|took husband's|took son's"
         "|took daughter's|thinking it was bp tablet|wrong tablet|wrong tablets"
         "|accidentally took|thinking it was his bp"
         "|may have doubled up|doubled up|took another"),
    _cat("custody_check", "a check for police custody", S, "general_practice", (),
         "fitness to detain|from custody|in custody|detainee"),
    _cat("voice", "hoarseness or a voice change", S, "ent", (),
         "hoarseness|hoarse voice|voice change|voice changes|hoarse"),
    _cat("eye", "a red or sore eye", S, "ophthalmology", (),
         "red eye|red eyes|eyes are red|eye is red|eye red|eyes red|crusty eyes|crusty eye"
         "|eyes sticky|eye sticky|red blob|subconjunctival|hates the light|light hurts"
         "|eyes are crusty|eye irritation|eye redness|gunky|stuck together|eyes pink|pink eyes"
         "|pink eye|conjunctivitis|eye discharge|eye pain|ocular pain|photophobia"
         "|eye swelling|eyelid swelling|periorbital swelling|swollen eye|eye discomfort"
         "|stuck shut|matted shut|eye crusting|crusted eye|contact lens"
         "|stye|sticky eye|sticky red eye|sticky yellow discharge|gritty eye|gritty|sticky eyes"
         "|crusted shut|goopy|lost contact|soft contact"
         "|hates the light|light hurts"
         "|sticky eye|sticky eyes|goo in eye|eye discharge|red patch on white of"
         "|subconjunctival haemorrhage|subconjunctival hemorrhage|subconjunctival bleed"
         "|eyelid red|eyelid swollen|swollen eyelid|red eyelid"
         "|yellow goo|sticky yellow|eye goo|gunky eye|gunk in eye|gunk in her eye"
         "|gunk in his eye"
         "|patch in white of"
         "|sore eyes|red sore eyes|sore red eyes"
         "|sticky left eye|sticky right eye|red sticky eye|eyelids swollen|eyelid swelling"
         "|sticky red left eye|sticky red right eye|sticky red eye|red sticky eye"
         "|sticky left eye|sticky right eye"
         "|forgot his mask|arc eye|welder's flash|welding flash"
         "|sticky crusted eyes|crusted eyes"
         "|welding without|after welding"
         "|cs spray|pepper spray in|red patch on the white"
         "|bright red patch"
         "|red puffy left upper eyelid|red puffy eyelid|puffy eyelid|puffy upper eyelid"
         "|swollen upper eyelid|red swollen eyelid"
         "|puffy right eyelid|puffy left eyelid|puffy right eyelids|puffy left eyelids"
         "|puffy eyelids|swollen eyelids"
         "|puffy r eyelids|puffy l eyelids|puffy r eyelid|puffy l eyelid|red puffy eyelids"
         "|swollen red right eyelid|swollen red left eyelid"
         "|both eyes burning|like sand in them|snow blindness"
         "|skied all day yesterday in sunshine without goggles"),
    _cat("rash", "a rash", S, "dermatology", (),
         "rash|itching|itchy|pruritus|athlete's foot|tinea|ringworm|fungal infection|lice"
         "|head lice|bugs in his hair|bugs in her hair|scabies|hand foot and mouth"
         "|spots on hands and feet|spots on hands, feet|blisters in mouth|white patches"
         "|oral thrush|thrush"
         "|nits"
         "|nappy rash|nappy area|diaper rash|diaper area"
         "|chickenpox|chicken pox|shingles|dermatomal"
         "|hogweed|giant hogweed"
         "|honey coloured|honey colored|impetigo|hand foot and mouth|hand, foot and mouth"
         "|spots in mouth and on hands"
         "|red bottom|sore bottom"
         "|skin red and peeling|scratching bottom at night|skin around stoma|his bottom is red"
         "|golden crusts|eczema much worse|weeping eczema"
         "|spots on the face|dry patches on the cheeks"
         "|red patch now|round red patch|spreading red patch"
         "|blistery band|band of blisters|band of painful blisters|blistery rash"
         "|eczema flare|eczema on her hands|eczema on his hands|steroid cream"),
    _cat("dental", "dental pain", S, "dentistry", (),
         "toothache|tooth pain|dental pain|tooth|gingival|gum swelling|gum bleeding"
         "|dental problem|gum problem|tooth problem|teething|chewing everything|dentures"
         "|denture"
         "|chewing on everything"
         "|molar pain"
         "|broke a crown"
         "|socket still oozing|socket oozing|socket bleeding|bleeding after an extraction"
         "|bleeding after extraction|after an extraction|after a tooth extraction"
         "|molar aching|molar ache|molar aches|tooth aching"
         "|bleeding from socket|bleeding from the socket|since extraction"
         "|molar killing me|lower left molar|upper left molar|lower right molar"
         "|upper right molar|molar 'killing me'"),
    # A dental infection spreading into the face or jaw: blood tests and intravenous
    # antibiotics, since it can track into the neck (SDCEP, Drug prescribing for dentistry).
    _cat("dental_infection", "a dental infection with facial swelling", S, "dentistry",
         (LABS, MEDS),
         "toothache|tooth pain|dental pain|dental abscess|tooth abscess|gum abscess"
         "|abscessed tooth|bad tooth"
         "|swelling from a bad molar|swelling up to lower eyelid|spreading to cheek"
         "|jaw swelling spreading|swelling spreading under the chin"
         "|bad molar|from a bad tooth|eye now half closed"
         "|lower jaw swelling|right lower jaw swelling|left lower jaw swelling"
         "|spreading under jaw|spreading under his jaw|spreading under her jaw"
         "|swelling upper jaw|can only open mouth 2 fingers|can only open his mouth"
         "|can only open her mouth"
         "|face swelling right side now spreading|spreading under the jaw"
         "|swelling under left jaw from a rotten|rotten lower molar|rotten tooth"
         "|opens mouth one finger width"
         "|jaw and neck swollen|can only open one finger width"
         "|swollen around a bad lower molar"
         "|chipped molar"
         "|swollen from a bad lower molar|from a bad wisdom tooth|bad wisdom tooth"
         "|from a bad lower molar|from a bad upper molar",
         requires_any="swelling under|swelling spreading under|swollen jaw|jaw swollen"
         "|jaw swelling|swollen face|face swollen"
         "|facial swelling|swollen cheek|cheek swollen|cheek swelling|trismus|can't open"
         "|swollen left jaw|swollen right jaw|swollen left cheek|swollen right cheek"
         "|swelling along|hard to open|difficulty opening",
         infection=True),
    # A chipped, loose or displaced tooth after a blow: a dental X-ray and a dental
    # consultation (IADT 2020). A knocked-out tooth is dental_avulsion.
    _cat("dental_trauma", "a dental injury", S, "dentistry", (XRAY, CONSULT),
         "dental injury|dental trauma|tooth injury|broken tooth|chipped tooth|fractured tooth"
         "|tooth fracture|loose tooth|dental problem|tooth problem"
         "|tooth pushed back|teeth pushed back|tooth loose|teeth loose|loose teeth"
         "|displaced tooth|tooth displaced",
         requires_any="injury|injured|trauma|fall|fell|hit|assault|assaulted|struck|broken"
         "|chipped|fractured|fracture|loose"),
    # Breast pain or engorgement alone needs an examination; with a fever it is mastitis,
    # which the handbook treats with labs and IV antibiotics.
    _cat("breast", "breast pain", S, "general_practice", (),
         f"{_BREAST_PAIN}|engorgement|engorged breast|cracked nipple|cracked nipples"
         "|nipple pain"
         "|red wedge|wedge on"
         "|sore nipples|cracked sore nipples"
         "|patch right breast|patch left breast|patch on her breast|patch on breast"
         "|breasts full|both breasts full|breasts hard"
         "|breasts rock hard|nipples cracked"
         "|breast red patch|breast red hot"),
    _cat("mastitis", "breast pain with a fever (mastitis)", S, "general_practice",
         (LABS, MEDS), _BREAST_PAIN + "|breast red hot|breast red and hot|breast hot red"
         "|breast red|breast is red|red breast|wedge shaped area"
         "|breast hot and painful|right breast hot|left breast hot"
         "|painful red left breast|painful red right breast|red breast|breast red"
         "|wedge in left breast|wedge in right breast|wedge in her breast|red painful wedge",
         infection=True,
         requires_any="fever|febrile|chills|rigors"),
    _cat("insect_sting", "an insect bite or sting", S, "general_practice", (),
         "bee sting|wasp sting|insect sting|insect bite|sting|stings|stung|spider bite"
         "|tick bite|tick removal|embedded tick|found a tick|tick on|mosquito bite"
         "|mosquito bites|bug bites|insect bites|tick stuck|tick attached"
         "|weever fish|weever|jellyfish sting|jellyfish"
         "|removed a tick"
         "|horsefly|horse fly|horse-fly|cleg"
         "|tick removed|red ring round|bullseye rash|erythema migrans"
         "|trod on something in the shallows|stood on something in the shallows"
         "|portuguese man|whip marks"
         "|tick behind|tick in his|tick in her"
         "|bite on the calf from something|bite from something in the garden"
         "|pulled a tick out|tick out of|worried about lyme"
         "|whip-like welts|whip like welts|wrapped round my leg"
         "|pulled a tick|tick from behind|tick out"),
    _cat("minor_burn", "a minor burn", S, "general_practice", (),
         "burn|burns|burned|burnt|scald|scalded|sunburn|sunburnt|sunburned|boiling water"
         "|hot pan|blister|blisters"
         "|hot water"
         "|hot oil|hot coffee"
         "|after day at beach|after a day at the beach|sore cheeks and shoulders"
         "|blistering|blistered|hot grill|grabbed the hot|chip pan|hot fat|hot oil"
         "|spilled cup of tea|chillies without gloves"
         "|cement burns|wet concrete|red raw patches|knelt in wet concrete"
         "|molten metal|white leathery patch|hot metal splashed"
         "|grabbed a hot oven tray|hot oven tray|red areas on right palm"
         "|red areas on left palm"
         "|gas stove flared|flared up as he lit|flared up as she lit"),
    # A foreign body in the skin needs its removal, a simple procedure; a puncture wound
    # needs cleaning and a tetanus check, neither of them a resource.
    _cat("skin_foreign_body", "a foreign body in the skin", S, "general_practice",
         (PROCEDURE,), "fishhook|fish hook|treble hook|hook embedded|embedded hook|in his zip"
         "|in the zip|caught in zip|caught in his zip|zipper injury|zip injury"
         "|splinter|nail gun|taser barb|barb still embedded|barb embedded|trouser zip"
         "|zip still attached|foreskin caught|earring stuck|earring embedded|fishing hook"
         "|earring back stuck|earring back"
         "|fish hook|fishhook|hook through|hook in"
         "|air rifle|airgun|air gun|pellet"
         "|thorn stuck"
         "|thorn in"
         "|sea urchin|spines in"
         "|something sharp buried|buried deep in"
         "|earring buried|butterfly back|embedded earring"
         "|sliver of metal|tiny entry wound"
         "|zip stuck|stuck on his foreskin"
         "|earring has sunk into|sunk into the lobe|barbs still in|barb still in|taser barbs"
         "|stud is buried|buried in the lobe|buried in her lobe|buried in his lobe"
         "|sliver embedded|embedded in the pad|can see it under the skin"
         "|barbed hook|hook stuck"
         "|sliver of wood under the nail|under the nail of her|under the nail of his"
         "|sliver of wood"
         "|blackthorn|stuck in tip of|hawthorn"
         "|firework casing embedded|casing embedded|fencing staple|staple into the base"
         "|still embedded|hook buried in|hook buried past the barb"
         "|tasered|barbs in his back|barbs in her back"
         "|staple embedded|staple in his|staple in her"),
    # Glass in a wound may not be seen or felt: an X-ray finds it.
    _cat("glass_foreign_body", "glass or metal in a wound", S, "general_practice", (XRAY,),
         "embedded glass|glass in|piece of glass|glass fragment|glass fragments"
         "|through a glass door|through a window|through the window|glass door|glass shard"
         "|still something in it|something still in it|something in the wound"
         "|something still in the wound"
         "|feels like there's something in it|feels like theres something in it"
         "|glass still in it|glass still in|fragment in wound|fragment in the wound"
         "|sawdust in it|sawdust in wound|sawdust in the wound"
         "|foreign body in wound"
         "|foreign body in the wound|foreign body in skin suspected|foreign body suspected"
         "|nail still in|still in situ|metal fragment|fragment felt under skin"
         "|fragment under skin|fragment under the skin"
         "|pellet palpable|pellet under the skin|pellet under skin"
         "|trod on smashed glass|stood on smashed glass|stepped on smashed glass"
         "|piece of smashed glass|smashed glass under|something's still in there"
         "|something still in there|greenhouse pane|pane of glass|window pane"
         "|snapped off in it|broke off in it|broken off in it|snapped off in the wound"
         "|glassed"
         "|something's still in it|might still be in|still be in it"
         "|bit of glass|barefoot on smashed glass"
         "|stood on glass|bit is still in there"
         "|glass may still be in|stepped on a smashed bottle|trod on a smashed bottle"),
    _cat("puncture_wound", "a puncture wound", S, "general_practice", (),
         "puncture wound|stepped on a nail|nail through|trod on a nail|trod on a rusty nail"
         "|rusty nail|through boot|into sole"
         "|fish spine|puncture to|puncture wound to"
         "|stood on a nail|went through her trainer|went through his trainer"
         "|pitchfork|tine went through|garden fork|fork through"
         "|heel puncture|puncture now hot|stone into his|stone into her|strimmer flicked"
         "|drill slipped|drill went into|drill bit went into"),
    _cat("wound_check", "a wound check", S, "general_practice", (),
         "wound check|suture removal|dressing change|dressing changed|change my dressing"
         "|stitches out|abrasion|abrasions|road rash"
         "|scrapes|skin tear|skin tears|scratch wound|grazes|graze|removal of stitches"
         "|stitch removal"
         "|packing removal|packing pulled|drained abscess|catheter removal|staple removal"
         "|removal staples|removal of staples|removal sutures"
         "|removal of sutures|cast check|cast problem|splint check|cast removal"
         "|sutures removed|stitches removed|staples removed|remove sutures|remove stitches"
         "|remove staples|repaired wound|grazed|skin flap|staples due out|stitches due out"
         "|staples put in|wants them out|splint feels tight|cast feels tight|cast feels too tight"
         "|sutures due out"
         "|clips due out|clip removal|dressing peeled off|dressing came off|dressing fell off"
         "|port site|port wound|bag keeps leaking|stoma bag leaking|leaking bag"
         "|umbilical port|trach ties"
         "|red round one stitch|red around one stitch|red around the stitches"
         "|red round the stitches|around the stitches|round the stitches|dressing change"
         "|dressing due|dressing needs changing"
         "|cat scratch|scratched by family cat|scratched by the cat"
         "|plaster splint|cast put on|plaster cast|change of dressing|dressing of wound"
         "|wound dressing|needs removal|after vasectomy|vasectomy"
         "|small nick|nick on finger|nicked finger"
         "|removal of scalp sutures|scalp sutures|sternal wound oozing|wound oozing"
         "|perineal stitches|perineal wound|tear repair|episiotomy|stitch end poking out"
         "|wound checked|stitches checked"
         "|chafed|chafing|wound weeping|weeping wound|wound opened|wound has opened"
         "|wound gaping|wound edges apart"
         "|dressing soaked through|port sites checked|dressing regime"
         "|had stitches in"
         "|sore from her shoes|sore from his shoes|shallow sore|white and wrinkled"
         "|dressing on his leg ulcer|dressing on her leg ulcer|stitches put in|looks red"
         "|dressings soaked|leg ulcers|leg ulcer dressing|dressings need changing"
         "|leg ulcer dressed|ulcer dressed|ulcer dressing|dressing for her leg ulcer"
         "|dressing for his leg ulcer"
         "|piercing red|infected piercing|piercing infected|round the bar"
         "|belly button piercing"
         "|dressings changed|ulcer dressings"
         "|sutures out|stitches out of|wants it looked at|stitched here"
         "|stitches to his chin|stitches to her chin|here for removal|staples out"
         "|open weeping area|weeping area that needs dressing|needs dressing|needs a dressing"
         "|sutures to left hand|sutures to right hand|wants it checked|dressing soaked with"
         "|stitches in right hand|stitches in left hand|red around the wound"
         "|stitches from last week"
         "|tongue pierced|new piercing|piercing swollen"
         "|stitches come out|scalp stitches|when his stitches|when her stitches"),
    _cat("medication_refill", "a prescription refill", S, "general_practice", (),
         "refill|refilled|refills|prescription|ran out|run out|po medication|for medication"
         "|note for work|fit note"
         "|pharmacy is closed|pharmacy closed|need my pills|needs his pills|needs her pills"
         "|need my medication"
         "|work note|school note|my usual"
         "|sick note|doctor's note|medical certificate|physical form|form signed"
         "|forms signed|paperwork|script|needs a script|repeat script|lost his meds"
         "|lost her meds|lost my meds|lost his medication|lost her medication|lost inhaler"
         "|lost his inhaler|lost her inhaler|lost my inhaler|lost salbutamol"
         "|lost my medication|wallet with meds"
         "|lost her blue inhaler|lost his blue inhaler|lost my blue inhaler"
         "|needs inhaler rx|needs inhaler|inhaler prescription|needs a prescription|needs rx"
         "|insulin pen|need insulin|needs insulin"
         "|lost inhaler|lost salbutamol inhaler|lost medication|lost tablets|lost meds"
         "|needs supply|needs a supply"
         "|left her tablets|left his tablets|left tablets at home|left bp tablets at home"
         "|forgot tablets|forgot her tablets|forgot his tablets"
         "|lost bag with inhalers|lost inhalers|needs repeat|repeat prescription"
         "|lost her bag|lost his bag|lost bag"
         "|left her tablets at home|left his tablets at home|left her medication at home"
         "|left his medication at home|left her meds at home|left his meds at home"
         "|left her medicines at home|left his medicines at home|forgot her tablets"
         "|forgot his tablets|forgot her medication|forgot his medication|needs enough to last"
         "|enough to last till|enough to last until"
         "|inhalers in it|both inhalers|lost her inhalers|lost his inhalers|lost my inhalers"
         "|left medication at home"
         "|missed today's pick up|missed todays pick up|missed his methadone"
         "|missed her methadone|methadone dose|wants a dose|missed pick up|missed pickup"
         "|luggage lost|lost his luggage|lost her luggage|needs his tablets|needs her tablets"
         "|pens lost|lost his insulin|lost her insulin|lost with his luggage"
         "|lost with her luggage|lost his tablets|lost her tablets"
         "|bag stolen|lost his tablets|lost her tablets|lost his medication|lost her medication"
         "|lost his meds|lost her meds|tablets stolen|medication stolen|meds stolen"
         "|inhalers stolen|lost his inhalers|lost her inhalers"
         "|lost his salbutamol|lost her salbutamol|lost his inhaler|lost her inhaler"
         "|lost my inhaler|new inhaler|asks for a new one|wants a new one"
         "|repeat of his inhalers|needs salbutamol and preventer|left her bp tablets"
         "|few days supply"
         "|tablets make him sleepy|tablets make her sleepy|wants them changed"
         "|replacement salbutamol inhaler|replacement inhaler|left them at grandparents"
         "|insulin pens were taken|left his insulin pens|left her insulin pens"
         "|forgot to pack her tablets|forgot to pack his tablets|forgot to pack"
         "|get prophylaxis|needs prophylaxis"
         "|left his lantus|left her lantus|left his insulin|left her insulin|another inhaler"
         "|left them at home"
         "|wants his dose|wants her dose|before he got there"
         "|insulin pens left|pens left in|repeat salbutamol inhaler"
         "|script, none left|none left for tomorrow|collect his|collect her"
         "|forgot his insulin|forgot her insulin|insulin pens at home|left his inhaler"
         "|left her inhaler|forgot her levothyroxine|forgot his levothyroxine"
         "|tablets are in his|tablets are in her|bp tablets|blood pressure tablets"
         "|checked bag"
         "|won't give him diazepam|wants diazepam|asking for diazepam"
         "|needs a repeat|repeat of his|repeat of her|not registered with a gp"
         "|no more methadone|missed yesterday's dose|methadone script|left his amlodipine"
         "|left her amlodipine|left his medication|left her medication|left his salbutamol"
         "|left her salbutamol"
         "|left her bag with her|left his bag with his|left his pens|left her pens"
         "|enough to last the week"
         "|asking for his methadone|asking for her methadone|wants his methadone"
         "|wants her methadone|luggage with all her tablets|luggage with all his tablets"
         "|tablets went to|until the bag arrives|wants a few days of"
         "|left her bag with|left his bag with"
         "|lost his wash bag|lost her wash bag|pens were in the hire car|insulin pens were in"
         "|lost his sertraline|lost her sertraline|lost his zopiclone"
         "|wants a repeat|lost my bag with my|tablets finished|tablets have finished"
         "|left his sertraline|left her sertraline"
         "|out of amlodipine|out of metformin|out of his tablets|out of her tablets"
         "|lost her arvs|lost his arvs|asking for a supply|supply until|surgery shut"
         "|left his ramipril|left her ramipril|tablets went in the lake|needs 4 days supply"
         "|lost her handbag with her insulin|insulin pens"
         "|finished her amlodipine|finished his amlodipine|finished her levothyroxine"
         "|finished his tablets|finished her tablets"
         "|missed evening diazepam|suitcase lost|lost at the airport with her"
         "|forgot her inhalers|forgot his inhalers|tablets were in the hold"
         "|normally on methadone|needs his methadone|needs her methadone"
         "|missed his chemist pick up|missed her chemist pick up|missed chemist pick up"
         "|can i have my methadone|chemist is shut"
         "|lost her levothyroxine|lost his levothyroxine|heart tablets and insulin on board"
         "|lost his pack on the bus|tablets on board"
         "|come for antibiotics|for antibiotics as a contact|left his repeat meds"
         "|left her repeat meds|repeat meds at home"
         "|collected his methadone|collected her methadone|need my rescue pack"
         "|just need my rescue pack"
         "|left her levothyroxine|left his levothyroxine|inhalers and adrenaline pens"
         "|suitcase with his inhalers|suitcase with her inhalers"
         "|need my methadone|left his meds|left her meds"),
    _cat("paperwork", "a records, paperwork or check-up request", S, "general_practice", (),
         "film copy|copy of records|medical certificate|check up|checkup|for examination"
         "|note for extenuating|photographed for|injuries written down"
         "|wants a heart check"
         "|letter for work|a letter for work|letter for her work|letter for his work"
         "|wants a letter|letter for uni|letter for college"),
    # Shelter, a refuge or a social worker: no ED resource, but a need to meet.
    _cat("social_need", "shelter or social help", S, "social_work", (),
         "somewhere warm|somewhere to sleep|somewhere to go|bed for the night|a refuge"
         "|to get warm|get warm"
         "|finding a refuge|social worker|cup of tea and a chat|leaflet|food bank"
         "|can't manage him at home|can't manage her at home|carer admitted|carer in hospital"
         "|can't cope at home|not coping at home"
         "|somewhere to sit|nowhere to go tonight|lost his wallet|lost her wallet"
         "|nobody at home tonight|can't manage the stairs|carer was admitted"
         "|can't sort her own tablets"
         "|can't manage at home|just can't manage|about to be evicted"
         "|found him asleep on a bench|asleep on a bench"
         "|can't go home|ex has been threatening|threatening her and"
         "|locked out of her flat|locked out of his flat|somewhere to wait until morning"
         "|asking for a shower|clean socks|nowhere warm|nowhere to sleep|can't stay alone"
         "|cannot stay alone|couldn't face another night alone"
         "|sofa surfing|sofa-surfing|no money|hasn't eaten today|passport stolen|wallet stolen"
         "|where he can sleep|where she can sleep|somewhere to sleep tonight"
         "|isn't coping|house cold|fridge empty|lost her keys|lost his keys|charge her phone"
         "|charge his phone|ring her sister|ring his brother|ran away from home"
         "|refusing to go back"
         "|boiler has packed in|boiler packed in|no heating|house is freezing|can't get warm"
         "|nobody to stay with her|nobody to stay with him"
         "|missed the last bus|somewhere safe to wait|wallet and phone stolen|phone stolen"
         "|sleeping bag was stolen|somewhere to stay tonight|separated from her family"
         "|separated from his family"
         "|separated from the family"
         "|cannot manage alone|husband admitted|wife admitted"
         "|asking for a bed|asking for a bed and something to eat|sleeping rough since"
         "|no food in the house|carer didn't turn up|carer did not turn up"
         "|ferries are cancelled"
         "|wife exhausted|husband exhausted|she can't cope tonight|he can't cope tonight"
         "|can't cope tonight|can't manage any more"
         "|came in out of the rain|just wanted to warm up|asking for a brew"
         "|no medical complaint"
         "|changed the locks|nowhere to stay tonight|kicked out of the hostel"
         "|a warm and a brew|lost passport|slept in the terminal"
         "|sleeping in his car|sleeping in her car|nowhere else to go|can't manage alone"
         "|no accommodation for tonight|lost from his family|lost from her family"
         "|place of safety"
         "|house freezing|no food in|can't manage on his own|can't manage on her own"
         "|no one to stay with her|no one to stay with him"
         "|locked out|carer hasn't turned up"),
    # A long-acting antipsychotic injection that is due: one IM medication.
    _cat("depot_injection", "a depot injection due", S, "psychiatry", (MEDS,),
         "depot injection|depot overdue|depot due|depot is due|his depot|her depot|my depot"
         "|missed depot|depot antipsychotic|paliperidone depot|aripiprazole depot"
         "|haloperidol depot|flupentixol depot|zuclopenthixol depot|risperidone depot"),
    # A urine pregnancy test is point-of-care, not a resource.
    _cat("pregnancy_test", "a pregnancy test", S, "gynecology", (),
         "preg test|pregnancy test|wants a pregnancy test|think i'm pregnant|if she's pregnant"
         "|if she is pregnant"
         "|wants to confirm|confirm pregnancy|confirm the pregnancy"
         "|positive home tests|positive home test|wants it confirmed"
         "|home pregnancy test"
         "|book with a midwife"
         "|see a midwife|wants a midwife"
         "|wants pregnancy confirmed|referral to a booking midwife|booking midwife"),
    # Home equipment that stopped working (a CPAP, a nebuliser): nothing for the ED to do.
    _cat("equipment", "a home equipment problem", S, "general_practice", (),
         "cpap broke|cpap machine broke|broken cpap|cpap not working|nebulizer broke"
         "|nebuliser broke|oxygen concentrator|wheelchair broke|pump broke|insulin pump broke"
         "|pump screen|supply delivery|out of filters"
         "|insulin pump failure|needs a new bag|new bag|bag connector|leg bag strap"
         "|home meter broke"),
    # A flare of known gout is treated by mouth (NICE CKS, gout): no resource. A hot knee
    # is read as a joint to tap, whatever the history.
    # A blood pressure check with no symptom: no emergency work-up (ACC/AHA 2017: raised
    # pressure without acute organ damage is managed as an outpatient).
    _cat("bp_check", "a blood pressure check", S, "general_practice", (),
         "bp checked|blood pressure checked|bp check|blood pressure check|home monitor read"
         "|home bp"
         "|told bp high"
         "|pharmacy bp"),
    _cat("gout", "a gout flare", S, "rheumatology", (),
         "gout|gouty|podagra"
         "|can't bear the bedsheet"
         "|toe hot red|toe hot and red|right toe hot|left toe hot|right toe red|left toe red"),
    # Peritonsillar or deep neck abscess: labs, imaging and ENT to drain it.
    _cat("deep_neck_infection", "a peritonsillar or deep neck infection", S, "ent",
         (LABS, IMAGING, CONSULT),
         "hot potato voice|muffled voice|voice muffled|trismus|uvula deviated|uvula deviation"
         "|deviated uvula|peritonsillar|quinsy|difficulty opening mouth"
         "|swelling below the jawline|swelling right jaw|swelling left jaw"
         "|difficulty opening her mouth|difficulty opening his mouth|can't open mouth"
         "|cannot open mouth|swelling spreading under the jaw|swelling under the jaw"
         "|mouth opens 2 fingers|opens 2 fingers|opens mouth 2 fingers",
         infection=True),
    # Blood tests a doctor has asked for: labs, one resource.
    _cat("test_request", "tests a doctor has asked for", S, "general_practice", (LABS,),
         "wants bloods|needs bloods|for bloods|blood test|blood tests|mono test|for labs"
         "|for blood work|lfts|tfts|u&e|u&es|potassium check|inr check|tac level|tacrolimus level"
         "|drug level|lithium level"
         "|repeat blood test|repeat bloods|repeat labs|potassium recheck|recheck potassium"
         "|get bloods done"
         "|for a urine sample|urine sample"),
    # An IUD whose strings cannot be felt: an ultrasound finds it.
    _cat("iud", "an intrauterine device problem", S, "gynecology", (IMAGING,),
         "iud strings|missing iud|iud problem|lost iud|iud"
         "|coil put in|coil fitted|coil strings|contraceptive implant|implant in arm"
         "|can't feel implant|can't feel her implant"),
    # A small child's fall from furniture onto the floor, playing again: examined only.
    _cat("minor_fall", "a minor fall from furniture", S, "general_practice", (),
         "fell off couch|fell off the couch|fell off bed|fell off the bed|fell off a chair"
         "|fell off the chair|rolled off the bed|rolled off bed|rolled off our bed"
         "|rolled off his bed|rolled off her bed"
         "|rolled off sofa|rolled off the sofa|rolled off the couch|rolled off couch"
         "|slid to floor|slid off chair|slid off the chair|slid to the floor"
         "|rolled off parents bed|rolled off the sofa|rolled off the changing table"
         "|fell off the swing|slid down getting into bed"
         "|slide slowly off the armchair|slid off the armchair|fell off the sofa"
         "|slid off the edge of her bed|slid off the edge of his bed|slid off the bed"
         "|found sitting on the floor|sitting on the floor by her bed"
         "|sitting on the floor by his bed"
         "|slid off her bed onto the floor|slid off his bed|policy to send in"
         "|slid off her chair|slid off his chair"
         "|rolled out of bed overnight, at his baseline|rolled off the hotel bed"
         "|slid out of her chair|slid out of his chair|slid out of the chair"),
    _cat("menopause", "menopausal symptoms", S, "gynecology", (),
         "hot flushes|hot flashes|menopause|menopausal|perimenopause|perimenopausal"),
    _cat("erectile_dysfunction", "erection problems", S, "urology", (),
         "erectile dysfunction|erection problems|problems with erections|wants viagra"
         "|impotence"),
    _cat("contraception", "emergency contraception", S, "gynecology", (),
         "emergency contraception|morning after pill|plan b|condom broke"
         "|asking about contraception|contraception advice|about contraception|missed 2 pills"
         "|missed two pills|missed pills|missed her pill|missed a pill|forgot her pill"
         "|forgot to take her pill"
         "|coil threads|coil thread|can't feel her coil|cannot feel her coil|can't feel my coil"
         "|coil check"
         "|can't feel the strings|cannot feel the strings|can't feel strings"
         "|can't feel her strings|can't feel the threads|cannot feel the threads"
         "|pill packet|lost her pill|lost her pills|restart her pill"),
    _cat("tetanus", "a tetanus booster or vaccination", S, "general_practice", (),
         "tetanus|immunization|immunisation|vaccination|vaccine|tetanus booster|tetanus jab"
         "|wants a tetanus booster|tetanus shot"),
    _cat("hiccups", "hiccups", S, "general_practice", (), "hiccup|hiccups|hiccough|hiccoughs"),
    _cat("skin_lesion", "a skin lesion or lump", S, "dermatology", (),
         "skin lesion|skin lesions|facial lesion|lump|lumps|bump|bumps|callus|calluses|wart"
         "|warts|skin problem|skin condition|verruca|mole|moles"
         "|raised nodule"
         "|palms and soles red|soles red peeling|palms peeling|soles peeling"
         "|spots on face|spots on his face|spots on her face|acne"
         "|weepy sore|raised weepy sore"),
    # An ingrown nail or a paronychia: a partial nail removal or drainage, one procedure.
    _cat("ingrown_nail", "an ingrown nail or paronychia", S, "general_practice", (PROCEDURE,),
         "ingrown nail|ingrown toenail|ingrown fingernail|paronychia|toenail with pus"
         "|nail with pus|pus around the nail|nail fold"
         "|nail edge red|toenail edge|toe nail edge"
         "|red and swollen at the side of the nail|side of the nail"
         "|throbbing around the nail|around the nail for"),
    _cat("nail", "a nail problem", S, "dermatology", (),
         "nail problem|trim nails|toenail|toenails|fingernail"
         "|fingernails|nail care|side of nail|paronychia|nail fold"
         "|beside her thumbnail|beside his thumbnail|beside the nail|beside the thumbnail"
         "|next to thumbnail|next to the nail"
         "|nail bed purple|nail purple and throbbing"),
    # Testing after an exposure without symptoms: the cultures and serology are labs.
    _cat("sti_check", "a check for a sexually transmitted infection", S, "general_practice",
         (LABS,), "std check|sti check|std test|sti test|std testing|sti testing|std screen"
         "|sti screen|sexually transmitted|checked for std|checked for sti|chlamydia"
         "|gonorrhea|gonorrhoea|wants to be tested|partner diagnosed|partner dx"),
    _cat("insomnia", "sleeplessness", S, "psychiatry", (), "insomnia|can't sleep|cannot sleep"
         "|asking for sleeping tablets|hasn't slept properly|just need some kip"
         "|jet lag|not slept properly|wants sleeping tablets"),
)
# fmt: on

BY_KEY = {category.key: category for category in CATEGORIES}
# A category's place in the table is its clinical priority.
PRIORITY = {category: place for place, category in enumerate(CATEGORIES)}
