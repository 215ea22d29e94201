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
HAEMORRHAGE = (
    "ATLS 10th edition (American College of Surgeons 2018): external haemorrhage that"
    " pressure does not control needs immediate control and blood; a life-saving"
    " intervention at ESI v4 decision point A"
)
MAJOR_BURN = (
    "American Burn Association burn centre referral criteria: partial-thickness burns over"
    f" 10% of the body surface need specialist care and fluid resuscitation; high-risk at {ESI_B}"
)
BILIOUS_VOMITING = (
    "Williams, Arch Dis Child Educ Pract Ed 2007 (Green for danger!): bilious vomiting in an"
    f" infant is malrotation with volvulus until proven otherwise; high-risk at {ESI_B}"
)
AIRWAY_THREAT = (
    "ESI v4 Implementation Handbook (AHRQ 2012), chapter 3: an airway at risk (stridor with"
    " a swelling airway from infection or injury) needs immediate airway management"
)
ANAPHYLAXIS = (
    "World Allergy Organization anaphylaxis guidance (2020): anaphylaxis with airway,"
    " breathing or circulatory compromise needs intramuscular adrenaline now; a life-saving"
    " intervention at ESI v4 decision point A"
)
PALS_RESPIRATORY_FAILURE = (
    "AHA PALS: respiratory distress with a decreasing level of consciousness is respiratory"
    " failure and needs assisted ventilation now; a life-saving intervention at ESI v4"
    " decision point A"
)
PALS_BRADYCARDIA = (
    "AHA PALS bradycardia algorithm: a heart rate below 60 with poor perfusion despite"
    " oxygenation and ventilation needs CPR; a life-saving intervention at ESI v4 decision"
    " point A"
)
PALS_SHOCK = (
    "AHA PALS: shock in a child shows as poor perfusion (mottling, prolonged capillary"
    " refill) with tachycardia, and later a falling level of consciousness, while the blood"
    " pressure is still normal; it needs fluid resuscitation now, a life-saving intervention"
    " at ESI v4 decision point A"
)
ESI_B_PAIN = (
    f"{_ESI}, chapter 4 (decision point B): pain of 7/10 or more means consider ESI 2, judged"
    " on physiological signs and expected resources, not the score alone"
)
ESI_B_CENTRAL_PAIN = (
    f"{ESI_B_PAIN}; severe central pain (head, chest, abdomen) is the higher-risk pain of"
    " the Canadian Triage and Acuity Scale pain modifiers (Bullard et al., CJEM 2008)"
)
ESI_C = f"{_ESI}, decision point C"
UNREAD_COMPLAINT = (
    f"{_ESI}, chapter 4 (decision point B): a high-risk situation is judged from the"
    " complaint, and one the engine cannot read is not ruled out (missing data never"
    " lowers acuity): the nurse assesses now"
)
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
    f" infection define sepsis; with a danger-zone vital, a high-risk situation at {_ESI},"
    " decision point B"
)
SIRS_MODERATE_RISK = (
    "NICE NG51 (suspected sepsis): a heart rate of 91 to 130 is a moderate-to-high risk"
    " criterion, for blood tests and a clinician's review within one hour"
)
PALS_HYPOTENSION = "AHA PALS hypotension limits by age, with ESI v4 decision point A"
ESI_B_HIGH_RISK_TABLE = (
    f"{_ESI}, chapter 4 (decision point B), table 4-1 examples of high-risk situations"
)
HYPOTENSION = (
    "Adult hypotension, systolic BP below 90 mmHg: a NEWS2 parameter scoring 3 (RCP 2017),"
    " a major high-risk finding in the ESC 2018 syncope guideline and the hypotension limit"
    f" of AHA PALS from 10 years; possible shock, a high-risk situation at {ESI_B}"
)
SYNCOPE = (
    "ESC 2018 guideline on syncope (Brignole et al., Eur Heart J 2018), high-risk features:"
    " chest pain, breathlessness, abdominal pain or headache, palpitations before the event,"
    " exertion, structural or coronary heart disease, systolic BP below 90, heart rate below"
    " 40, a sinus rate of 40 to 50 or no warning (table 5); ACEP clinical policy on syncope"
    " (Huff et al., Ann Emerg Med 2007), level B: older age (65 or more, as in the OESIL"
    " score) is a risk factor unless a reflex, postural or mechanical cause is described;"
    f" {ESI_B}"
)
BREATHLESS_UNMEASURED = (
    f"{_ESI}, chapter 4 (decision point B): respiratory distress and severe shortness of"
    " breath are high-risk; chapter 6: respiratory rate and SpO2 are the vital signs that"
    " judge it. Missing data never lowers acuity"
)
BREATHLESS_HYPOXAEMIC = (
    "BTS/SIGN British guideline on the management of asthma (2019): SpO2 below 92% is a"
    f" life-threatening feature of acute asthma; respiratory distress is high-risk at {ESI_B}"
)
ACUTE_SEVERE_ASTHMA = (
    "BTS/SIGN 158, British guideline on the management of asthma (2019): acute severe"
    " asthma is a respiratory rate of 25 or more or a heart rate of 110 or more over 12"
    " (above 30 and 125 from 5 to 12, above 40 and 140 from 2 to 5), inability to complete"
    " sentences in one breath, or a peak flow of 33-50% of best or predicted;"
    f" respiratory distress is high-risk at {ESI_B}"
)
BATTERY_INGESTION = (
    "National Capital Poison Center button battery ingestion guideline (2018): an"
    " oesophageal battery causes burns within 2 hours and needs emergent X-ray and removal;"
    f" multiple magnets can perforate bowel; a high-risk situation at {ESI_B}"
)
FEVER_PURPURA = (
    "NICE NG240 (2024), meningitis and meningococcal disease: a non-blanching rash with"
    f" fever needs antibiotics now; a high-risk situation at {ESI_B}"
)
HIV_EXPOSURE = (
    "US Public Health Service guidelines for occupational HIV exposure (Kuhar et al., 2013):"
    " post-exposure prophylaxis is started as soon as possible, within hours; a"
    f" time-critical, high-risk situation at {ESI_B}"
)
AIRWAY_INFECTION = (
    "Bullard et al., CJEM 2017 (CTAS): an infection threatening the upper airway (drooling,"
    " unable to swallow secretions, floor-of-mouth swelling) is a level-1 or level-2"
    f" presentation; high-risk at {ESI_B}"
)
INTUSSUSCEPTION = (
    "ACR Appropriateness Criteria (2019), vomiting and suspected intussusception in infants:"
    " urgent ultrasound and reduction, as the bowel can strangulate within hours; high-risk at"
    f" {ESI_B}"
)
NON_ACCIDENTAL_INJURY = (
    "NICE CG89 (child maltreatment): bruising in a child who is not independently mobile"
    f" should prompt suspicion of maltreatment; high-risk at {ESI_B}"
)
REPORTED_INFANT_FEVER = (
    "Pantell et al., Pediatrics 2021 (AAP febrile infant guideline): a temperature of 38.0 C"
    " or more at home counts as fever in an infant; ESI v4 paediatric fever criteria"
)
ANTEPARTUM_HAEMORRHAGE = (
    "RCOG Green-top Guideline 63 (antepartum haemorrhage): bleeding from 20 weeks needs"
    f" urgent assessment of mother and fetus; high-risk at {ESI_B}"
)
CORD_PROLAPSE = (
    "RCOG Green-top Guideline 50 (umbilical cord prolapse): relieve cord compression and"
    " deliver now; a life-saving intervention at ESI v4 decision point A"
)
EXTREME_BRADYCARDIA = (
    "Resuscitation Council UK adult bradycardia algorithm (2005): a heart rate under 40 is an"
    " adverse sign; RCP NEWS2 (2017) scores a rate of 40 or less 3; high-risk at"
    f" {ESI_B}"
)
SYMPTOMATIC_BRADYCARDIA = (
    "Resuscitation Council UK adult bradycardia algorithm (2021): bradycardia with an adverse"
    " feature (syncope, heart failure) needs treatment; ACC/AHA/HRS 2018 (Kusumoto et al.):"
    f" a heart rate under 50 is bradycardia; high-risk at {ESI_B}"
)
HANDLEBAR_PALLOR = (
    "ATLS (10th edition): skin pallor after blunt trauma is an early sign of haemorrhage;"
    " a handlebar driven into the abdomen can injure the spleen, liver or pancreas with"
    f" little to see; high-risk at {ESI_B}"
)
STRANGULATION = (
    "Training Institute on Strangulation Prevention and ACEP guidance: non-fatal"
    " strangulation can injure the airway and carotid arteries with delayed signs; voice"
    f" change, stridor or drooling threaten the airway; high-risk at {ESI_B}"
)
TENSION_PNEUMOTHORAX = (
    "ATLS 10th edition (American College of Surgeons 2018): a tension pneumothorax (tracheal"
    " deviation, absent breath sounds, shock) needs decompression now; a life-saving"
    " intervention at ESI v4 decision point A"
)
AORTIC_ANEURYSM = (
    "ACC/AHA 2022 aortic disease guideline: a known abdominal aortic aneurysm with new pain"
    f" or collapse is rupture until imaging says otherwise; high-risk at {ESI_B}"
)
SUDDEN_VISION_LOSS = (
    "AHA/ASA scientific statement (Mac Grory et al., Stroke 2021): central retinal artery"
    " occlusion is a stroke and time-critical; a retinal detachment needs surgery within"
    f" hours; high-risk at {ESI_B}"
)
ACUTE_GLAUCOMA = (
    "NICE CKS, Glaucoma and Red eye: suspected acute angle-closure glaucoma needs same-day"
    f" emergency ophthalmology; high-risk at {ESI_B}"
)
GIANT_CELL_ARTERITIS = (
    "BSR guideline on giant cell arteritis (Mackie et al., Rheumatology 2020): suspected GCA"
    f" with visual disturbance needs steroids and ophthalmology the same day; {ESI_B}"
)
KAWASAKI = (
    "AHA scientific statement on Kawasaki disease (McCrindle et al., Circulation 2017):"
    " prompt IVIG prevents coronary aneurysms. Bloods, an echocardiogram and the infusion"
    " are its resources; urgent within days, not a high-risk situation of minutes"
)
CORD_COMPRESSION = (
    "NICE NG234 (spinal metastases and metastatic spinal cord compression, 2023) and NICE"
    " cauda equina guidance: imaging and surgery within hours preserve function; high-risk"
    f" at {ESI_B}"
)
COMPARTMENT_SYNDROME = (
    "BOAST 10 (British Orthopaedic Association 2016), compartment syndrome: fasciotomy"
    f" within hours; high-risk at {ESI_B}"
)
ACS_EQUIVALENT = (
    "AHA/ACC chest pain guideline (Gulati et al., Circulation 2021): sweating, nausea,"
    " breathlessness or fatigue are anginal equivalents, the usual presentation in older"
    f" adults, women and diabetics; an ECG within 10 minutes; high-risk at {ESI_B}"
)
STOMA_ISCHAEMIA = (
    "ASCRS clinical practice guidelines for ostomy surgery (2022): a dusky or black stoma is"
    f" ischaemic and needs surgical review now; high-risk at {ESI_B}"
)
ORBITAL_CELLULITIS = (
    "AAO Preferred Practice / Royal College of Ophthalmologists: proptosis and painful eye"
    " movements with fever are orbital cellulitis, threatening sight and spreading to the"
    f" brain; high-risk at {ESI_B}"
)
SKIN_FAILURE = (
    "British Association of Dermatologists SJS/TEN guideline (2016): epidermal detachment"
    f" with mucosal involvement is skin failure; high-risk at {ESI_B}"
)
CRITICAL_LAB = (
    "UK Kidney Association hyperkalaemia guideline (2020): potassium 6.5 mmol/L or more is"
    " severe; a sodium below 115 mmol/L risks seizures whatever the symptoms (European"
    f" hyponatraemia guideline, 2014); both need treatment now; high-risk at {ESI_B}"
)
HYPONATRAEMIA_SYMPTOMS = (
    "European clinical practice guideline on hyponatraemia (Spasovski et al., 2014):"
    " severity is judged by symptoms; vomiting, somnolence, confusion or seizures with a"
    f" profound hyponatraemia need treatment now; high-risk at {ESI_B}"
)
HYPERKALAEMIA_SLOW = (
    "UK Kidney Association hyperkalaemia guideline (2020): a raised potassium with"
    f" bradycardia or ECG changes is treated as an emergency; high-risk at {ESI_B}"
)
HYPOTHERMIA = (
    "Wilderness Medical Society accidental hypothermia guidelines (2019): a core"
    f" temperature below 35 C is hypothermia, below 32 C moderate to severe; high-risk at {ESI_B}"
)
HEAT_STROKE = (
    "Wilderness Medical Society clinical practice guidelines for heat illness (2019): heat"
    " stroke (hyperthermia with central nervous system dysfunction) needs immediate cooling;"
    f" a high-risk situation at {ESI_B}"
)
SNAKE_BITE = (
    "WHO guidelines for the management of snakebites (2016): any bite by a venomous snake"
    " may progress to envenoming and is observed in hospital with bloods; a high-risk"
    f" situation at {ESI_B}"
)
HYPOGLYCAEMIA = (
    "ADA Standards of Care (International Hypoglycaemia Study Group 2017): level 2"
    " hypoglycaemia is glucose below 54 mg/dL (3.0 mmol/L), where neuroglycopenic symptoms"
    f" begin and immediate treatment is needed; a high-risk situation at {ESI_B}"
)
SEVERE_HYPO = (
    "ADA Standards of Care: level 3 hypoglycaemia is altered mental or physical status"
    " needing assistance; ESI v4 handbook, chapter 3: IV dextrose (D50) is an immediate"
    f" life-saving intervention; {ESI_A}"
)
HYPERGLYCAEMIC_CRISIS = (
    "ADA consensus on hyperglycaemic crises (Kitabchi et al., Diabetes Care 2009): DKA"
    " from glucose above 250 mg/dL with vomiting, abdominal pain, dehydration, weakness,"
    " tachypnoea or clouding of sensorium; HHS from glucose above 600 mg/dL; a high-risk"
    f" situation at {ESI_B}"
)
VAGINAL_BLEEDING_TACHYCARDIA = (
    f"{ESI_B_HIGH_RISK_TABLE}: spontaneous abortion, bleeding and tachycardia with stable"
    " blood pressure (ATLS: a heart rate above 100 is class II haemorrhage)"
)
MISSED_DIALYSIS = (
    f"{ESI_B_HIGH_RISK_TABLE}: renal failure, unable to be dialysed (hyperkalaemia and fluid"
    " overload)"
)
INTOXICATED_TRAUMA = (
    f"{ESI_B_HIGH_RISK_TABLE}: alcohol (ETOH) with trauma; intoxication masks head and other"
    " injuries"
)
INHALATION_INJURY = (
    "ATLS 10th edition (American College of Surgeons 2018), thermal injuries: smoke"
    " exposure with hoarseness, stridor, soot in the airway or singed facial hair signals"
    " airway injury that needs early intubation; airway support is a life-saving"
    f" intervention at {ESI_A}"
)
PREGNANCY = (
    f"{ESI_B_HIGH_RISK_TABLE}: ectopic pregnancy (pregnant, severe lower quadrant pain),"
    " pre-eclampsia (headache, visual changes, swelling, seizure in pregnancy) and labour"
    " signs (contractions, leaking fluid, decreased fetal movement)"
)
REDUCED_FETAL_MOVEMENTS = (
    "RCOG Green-top Guideline 57 (reduced fetal movements, 2011): a well mother with"
    " movements felt less often has a CTG within two hours of arrival and an obstetric"
    " review; perceived absent movements, or pre-eclampsia or labour signs with them,"
    f" stay high-risk ({ESI_B_HIGH_RISK_TABLE})"
)
PREGNANCY_PAIN_OR_BLEEDING = (
    f"{ESI_B_HIGH_RISK_TABLE}: ectopic pregnancy (pregnant, severe lower quadrant pain) and"
    " spontaneous abortion (bleeding and tachycardia); missing data never lowers acuity"
)
POSSIBLE_ECTOPIC = (
    "NICE NG126 (ectopic pregnancy and miscarriage, 2023): pain low in the abdomen, often on"
    " one side, in early pregnancy is an ectopic until a scan shows an intrauterine"
    f" pregnancy; CTAS: pain of 4/10 or more is not mild; {ESI_B_HIGH_RISK_TABLE}"
)
CHEMICAL_EYE = (
    f"{ESI_B_HIGH_RISK_TABLE}: chemical splash to the eye (irrigation before anything else)"
)
OPEN_GLOBE = (
    "CTAS (Bullard et al., CJEM 2017): a penetrating eye injury is a level-2 presentation,"
    f" vision-threatening within hours; a high-risk situation at {ESI_B}"
)
LIMB_ISCHAEMIA = (
    "ESC 2017 guidelines on peripheral arterial disease: acute limb ischaemia (the cold,"
    " pulseless limb) needs revascularisation within hours; a level-2 presentation in CTAS"
    f" (Bullard et al., CJEM 2017) and a high-risk situation at {ESI_B}"
)
AMPUTATION = (
    "ATLS 10th edition (American College of Surgeons 2018), musculoskeletal trauma: a"
    " traumatic amputation needs haemorrhage control and time-critical replantation; CTAS"
    f" (Bullard et al., CJEM 2017) grades it level 1-2; a high-risk situation at {ESI_B}"
)
DENTAL_AVULSION = (
    "IADT 2020 guidelines for avulsion of permanent teeth: replant within the hour, a"
    f" simple procedure; {ESI_C}"
)
ALCOHOL_WITHDRAWAL = (
    "ASAM Clinical Practice Guideline on Alcohol Withdrawal Management (2020): tremor,"
    " agitation and sweating in a drinker are withdrawal, which can progress to seizures and"
    f" delirium tremens; a high-risk situation at {ESI_B}"
)
AUTONOMIC_DYSREFLEXIA = (
    "Consortium for Spinal Cord Medicine, Acute management of autonomic dysreflexia (2020):"
    " a pounding headache, flushing or sweating above the level of a spinal cord injury at"
    " T6 or above is a hypertensive emergency until the trigger is found; a high-risk"
    f" situation at {ESI_B}"
)
VENTRICULAR_ASSIST_DEVICE = (
    "ISHLT guidelines for mechanical circulatory support (Feldman et al., J Heart Lung"
    " Transplant 2013): an LVAD alarm, low flow or new symptoms may be pump thrombosis,"
    f" bleeding or arrhythmia and needs the VAD team now; a high-risk situation at {ESI_B}"
)
POST_TONSILLECTOMY_BLEED = (
    "ENT UK, Post-tonsillectomy haemorrhage (2019): any bleeding after a tonsillectomy can"
    " herald a larger one that threatens the airway, and needs ENT assessment now; a"
    f" high-risk situation at {ESI_B}"
)
POSTPARTUM_PSYCHOSIS = (
    "NICE CG192 (antenatal and postnatal mental health, 2020) and RCPsych: psychosis in the"
    " weeks after birth is a psychiatric emergency, with risk to mother and baby; a"
    f" high-risk situation at {ESI_B}"
)
HIGH_PRESSURE_INJECTION = (
    "BOAST / BSSH Standards for the management of open fractures and hand trauma (2016):"
    " a high-pressure injection injury looks minor but needs emergency surgical"
    f" debridement to save the digit; a high-risk situation at {ESI_B}"
)
UNRECORDABLE_BP = (
    f"{_ESI}, chapter 3 (decision point A): a blood pressure that cannot be recorded is"
    " hypotension with hypoperfusion, which needs haemodynamic support now"
)
MENINGITIS = (
    "NICE NG240 (meningitis and meningococcal disease, 2024): a stiff neck with a fever,"
    " headache, photophobia or a rash is bacterial meningitis until shown otherwise, and"
    " a sudden headache with a stiff neck is a subarachnoid haemorrhage; a high-risk"
    f" situation at {ESI_B}"
)
ACHILLES_RUPTURE = (
    "British Orthopaedic Foot and Ankle Society, Achilles tendon rupture standard (2022) and"
    " NICE CKS: the diagnosis is clinical (Simmonds' triad, a palpable gap); the patient is"
    " referred to orthopaedics, with an ultrasound only when the examination is equivocal"
)
MENINGITIC_HEADACHE = (
    "NICE NG240 (meningitis and meningococcal disease, 2024): fever, headache and"
    " photophobia are symptoms of bacterial meningitis, and neck stiffness may come late or"
    f" not at all; a high-risk situation at {ESI_B}"
)
NEUROMUSCULAR_WEAKNESS = (
    "Willison et al., Lancet 2016 (Guillain-Barre syndrome) and the Association of British"
    " Neurologists' myasthenia guidance (2015): rising weakness with lost reflexes, or"
    " myasthenia with swallowing or breathing trouble, can reach respiratory failure within"
    f" hours; a high-risk situation at {ESI_B}"
)
HAEMORRHAGIC_SHOCK = (
    "ATLS 10th edition (American College of Surgeons 2018), shock: bleeding with pale,"
    " cool, clammy skin is haemorrhagic shock (class III-IV) and needs blood now; a"
    " life-saving intervention at ESI v4 decision point A"
)
ECTOPIC_SIGNS = (
    "NICE NG126 (ectopic pregnancy and miscarriage, 2019): shoulder-tip pain in early"
    " pregnancy is blood under the diaphragm until shown otherwise, a sign of ectopic"
    f" pregnancy; a high-risk situation at {ESI_B}"
)
ECZEMA_HERPETICUM = (
    "NICE CKS, eczema herpeticum (2023): clustered punched-out sores on eczema need same-day"
    " antiviral treatment, and an ophthalmologist when near the eye; a high-risk situation"
    f" at {ESI_B}"
)
SHUNT_MALFUNCTION = (
    "Garton, Kestle and Drake, BMJ 2001 (ventricular shunt malfunction): headache,"
    " vomiting or drowsiness in a patient with a shunt is shunt failure until shown"
    f" otherwise; a high-risk situation at {ESI_B}"
)
DECOMPRESSION_ILLNESS = (
    "UHMS / Divers Alert Network guidance on decompression illness (2018): numbness,"
    " weakness, breathlessness or confusion after a dive needs oxygen and recompression"
    f" now; a high-risk situation at {ESI_B}"
)
INFANT_BRUISING = (
    "NICE CG89 (child maltreatment, 2017): bruising in a child who is not yet mobile"
    f" (under about 6 months) suggests maltreatment; a high-risk situation at {ESI_B}"
)
OTTAWA_RULES = (
    "Ottawa ankle and foot rules (Stiell et al., JAMA 1993) and knee rule (Stiell et al., JAMA"
    " 1996): no X-ray without bony tenderness at the rules' points or an inability to bear"
    f" weight; the knee rule X-rays every patient aged 55 or more; {ESI_C}"
)
SUSPECTED_ABUSE = (
    "NICE PH50 (domestic violence and abuse, 2014) and NICE CG89 (child maltreatment):"
    " injuries of different ages, grip-mark bruising or a patient afraid of a companion are"
    f" asked about and acted on before the patient leaves; a high-risk situation at {ESI_B}"
)
HIGH_VOLTAGE = (
    "American Burn Association burn centre referral criteria (2006): electrical burns,"
    " including lightning; a high-voltage injury (1,000 V or more) damages muscle, nerve and"
    f" heart beneath small skin wounds; a high-risk situation at {ESI_B}"
)
UNCOMPLICATED_CYSTITIS = (
    "NICE NG109 (lower urinary tract infection, 2018) and UKHSA, Diagnosis of urinary tract"
    " infections (2020): a non-pregnant woman under 65 is treated on her symptoms and a"
    f" bedside dipstick, without a culture; point-of-care tests are not resources ({ESI_C})"
)
EPISTAXIS_STOPPED = (
    "NICE CKS, Epistaxis (nosebleeds), 2024: bleeding that has stopped needs first-aid advice,"
    f" and an antiseptic cream if it recurs, nothing an ED counts as a resource; {ESI_C}"
)
CARBON_MONOXIDE = (
    "NICE CKS, Carbon monoxide poisoning (2023): symptoms with a likely source, or others in"
    " the household affected, need urgent assessment, high-flow oxygen and a"
    f" carboxyhaemoglobin level; a high-risk situation at {ESI_B}"
)
NARROW_MARGIN_DOSE = (
    "UK National Poisons Information Service (TOXBASE): an extra dose of digoxin, lithium,"
    " an anticoagulant, an anticonvulsant, a beta-blocker, a calcium-channel blocker, a"
    f" tricyclic or an SSRI is assessed with a level, an INR or an ECG; {ESI_C}"
)
INCARCERATED_HERNIA = (
    "NICE CKS, Inguinal hernia (2023): an irreducible hernia with signs of strangulation"
    " (a red or dusky lump, obstruction, an infant who cannot be settled) needs emergency"
    f" surgery; {ESI_B}"
)
INFANT_HERNIA = (
    "British Association of Paediatric Surgeons and NICE CKS, Inguinal hernia (2023): an"
    " infant's irreducible hernia strangulates, and threatens the testis, most often in the"
    f" first year of life and is reduced urgently; {ESI_B}"
)
IRREDUCIBLE_HERNIA = (
    "NICE CKS, Inguinal hernia (2023): an irreducible hernia without signs of strangulation"
    f" is referred for urgent surgical review, with bloods and often a scan; {ESI_C}"
)
GASTRO_DRINKING = (
    "NICE CG84 (diarrhoea and vomiting in children) and NICE CKS, Gastroenteritis: without"
    f" clinical dehydration, oral fluids and no routine blood tests; {ESI_C}"
)
BACK_PAIN_NO_RED_FLAGS = (
    "NICE NG59 (low back pain and sciatica, 2016): no routine imaging without suspected"
    " serious pathology; Chou et al., Ann Intern Med 2007 (ACP/APS): no imaging or other"
    f" diagnostic tests for nonspecific low back pain; {ESI_C}"
)
CANADIAN_CSPINE_RULE = (
    "Stiell et al., JAMA 2001 (Canadian C-spine rule): no imaging for an alert patient under"
    " 65 after a simple rear-end collision without paraesthesia who can turn the neck 45"
    " degrees each way; NICE CKS (neck pain, whiplash injury, 2023): oral analgesia;"
    f" {ESI_C}"
)
HEAD_INJURY_NO_CT = (
    "NICE NG232 (head injury, 2023): the indications for a CT head scan in adults and"
    " children; Stiell et al., Lancet 2001 (Canadian CT head rule) and Kuppermann et al.,"
    " Lancet 2009 (PECARN); ACEP clinical policy, Jagoda et al., Ann Emerg Med 2008 (a scan"
    f" considered at 65 or over); {ESI_C}"
)
ALREADY_IMAGED = (
    "ESI v4 handbook, chapter 5: resources are those the patient is expected to need in this"
    " visit; an X-ray already done and normal is not repeated for an unchanged injury"
)
CHRONIC_JOINT_PAIN = (
    "NICE NG226 (osteoarthritis, 2022): diagnosed clinically without investigations;"
    f" imaging only for atypical features or a suspected other diagnosis; {ESI_C}"
)
FEVER_MINOR_FOCUS = (
    "NICE NG143 (fever in under 5s, 2019): a child with only green features is cared for at"
    " home without tests; NICE NG84 (sore throat) and NG91 (otitis media): clinical"
    f" diagnoses, no tests; {ESI_C}"
)
LOW_RISK_CHEST_PAIN = (
    "ESI v4 handbook, chapter 3: chest pain is high-risk when it is suspicious for acute"
    " coronary syndrome; Six et al., Neth Heart J 2008 (HEART score: under 45 scores no point"
    " for age); Kline et al., J Thromb Haemost 2004 (the PERC rule)"
)
SUPERFICIAL_CUT = (
    "ESI v4 handbook, chapter 5: simple wound care is not a resource, a laceration repair is;"
    " NICE CKS, Lacerations: a superficial wound whose edges come together is closed with"
    f" adhesive strips; {ESI_C}"
)
HYPERTENSIVE_EMERGENCY = (
    "ACC/AHA 2017 hypertension guideline (Whelton et al.): a hypertensive crisis is above"
    " 180/120 mmHg, an emergency with new organ damage; ESI v4 handbook, chapter 5: 188/124"
    f" with a headache is a high-risk situation; {ESI_B}"
)
TOURNIQUET = (
    "ATLS 10th edition and JRCALC: a tourniquet applied for haemorrhage pressure could not"
    f" control needs surgical control, and the limb's ischaemic time counts; {ESI_B}"
)
TYPICAL_SEIZURE = (
    "NICE NG217 (epilepsies, 2022) and JRCALC: a person with known epilepsy who has had a"
    f" typical seizure and recovered fully needs no emergency investigation; {ESI_C}"
)
REFLEX_SYNCOPE = (
    "NICE CG109 (transient loss of consciousness): an uncomplicated faint, with posture, a"
    " trigger and a warning, needs a 12-lead ECG and no further tests; ESC 2018 syncope"
    f" guideline (low-risk features); {ESI_C}"
)
BURN_REFERRAL = (
    "National Network for Burn Care, referral guidance (2012): partial-thickness burns of 3%"
    " of the body surface or more in adults (2% in children) are discussed with a burns"
    f" service; {ESI_C}"
)
CAUSTIC_INGESTION = (
    "UK National Poisons Information Service (TOXBASE): liquid laundry and dishwasher"
    " capsules and alkalis in the mouth can burn the airway and oesophagus; drooling,"
    " vomiting or stridor predict serious injury (Crain et al., Am J Dis Child 1984);"
    f" high-risk at {ESI_B}"
)
SUBMERSION = (
    "Szpilman et al., NEJM 2012 (drowning): after a submersion, a cough or breathing"
    " symptoms call for hospital observation, as lung injury can worsen hours later;"
    f" European Resuscitation Council guidelines 2021 (drowning); high-risk at {ESI_B}"
)
STABLE_GI_BLEED = (
    "Blatchford et al., Lancet 2000 (Glasgow-Blatchford score; NICE CG141, 2012): a heart"
    " rate of 100 or more, a systolic pressure under 110 and syncope mark a risky upper GI"
    " bleed; BSG guideline on lower GI bleeding (Oakland et al., Gut 2019): unstable when"
    f" the shock index exceeds 1; {ESI_B}"
)
ADULT_BILIOUS_VOMITING = (
    "NICE CKS and ESI v4 handbook, chapter 5: an adult with green vomiting and a swollen"
    " abdomen, stable, has a possible bowel obstruction worked up with blood tests, CT and"
    " intravenous fluids, two or more resources; shock or peritonism makes it high-risk"
)
QUINSY = (
    "NICE CKS, Sore throat (acute), and ENT UK: a quinsy (a bulging tonsil, a deviated uvula,"
    " trismus, a hot-potato voice) is drained with antibiotics; a food bolus is scoped;"
    " stridor, a tripod posture or floor-of-mouth swelling is an airway threat"
)
LOCAL_STING_REACTION = (
    "BSACI guideline on venom allergy (Krishna et al., Clin Exp Allergy 2011): swelling"
    " contiguous with the sting site is a large local reaction; Resuscitation Council UK"
    " (2021): anaphylaxis needs an airway, breathing or circulation problem"
)
DEGLOVING = (
    "BSSH Hand Trauma Standards (2019): hand and digit injuries are seen by the hand surgery"
    " service, the same day when the digit is perfused; a dusky or pale digit, a mangled hand"
    " or an amputation is an emergency"
)
NAIL_BED_INJURY = (
    "BSSH Hand Trauma Standards (2019) and NICE CKS, Fingertip injuries: a nail bed laceration"
    " or an avulsed nail is X-rayed for a distal phalanx (tuft) fracture and the nail bed"
    " repaired; ESI v4 handbook, chapter 5: an X-ray and a simple procedure are two resources"
)
ASTHMA_TIGHT_CHEST = (
    "BTS/SIGN 158 (British guideline on the management of asthma, 2019): wheeze,"
    " breathlessness, chest tightness and cough are the symptoms of asthma; its severity is"
    " graded by peak flow, speech, heart and respiratory rate and saturation"
)
SHINGLES = (
    "NICE CKS, Shingles: a painful dermatomal vesicular rash is diagnosed clinically and"
    " treated with oral antivirals and analgesia; ESI v4 handbook, chapter 5: oral"
    " medication is not a resource"
)
CHEST_BLOW = (
    "ESI v4 handbook, chapter 4: chest pain is a high-risk situation when it is suspicious for"
    " acute coronary syndrome; ATLS (10th edition): blunt chest injury is imaged with a chest"
    " X-ray and, with a high-energy mechanism, CT"
)
CLAVICLE_FRACTURE = (
    "NICE NG38 (fractures, non-complex, 2016) and BOA: a closed clavicle fracture with the"
    " skin intact is treated in a sling with oral analgesia and followed in fracture clinic;"
    " ESI v4 handbook, chapter 5: a sling is not a resource, the X-ray is one"
)
OPEN_FRACTURE = (
    "BOAST 4 (British Orthopaedic Association and BAPRAS, open fractures, 2017) and NICE"
    " NG37 (fractures, complex, 2016): intravenous antibiotics within an hour of injury and"
    f" joint orthopaedic and plastic surgical care; high-risk at {ESI_B}"
)
PREGNANCY_TRAUMA = (
    "RCOG Green-top Guideline 63 (antepartum haemorrhage) and ACOG: after trauma to a"
    " pregnancy of 20 weeks or more, placental abruption is looked for with at least four"
    f" hours of fetal monitoring; high-risk at {ESI_B}"
)
UNCOMPLICATED_ALCOHOL_WITHDRAWAL = (
    "ASAM Clinical Practice Guideline on Alcohol Withdrawal Management (2020) and NICE CG100:"
    " the risk of complicated withdrawal lies in hallucinations, disorientation and a"
    " history of withdrawal seizures or delirium tremens; an orientated patient without"
    f" them is treated (benzodiazepine, thiamine) at decision point C; {ESI_C}"
)
BRUE = (
    "AAP clinical practice guideline (Tieder et al., Pediatrics 2016): a brief resolved"
    " unexplained event (cyanosis or pallor, altered tone, absent or irregular breathing,"
    " now well) is observed with cardiorespiratory monitoring; a high-risk situation at"
    f" {ESI_B}"
)
PULMONARY_EMBOLISM = (
    "NICE NG158 (venous thromboembolic diseases, 2020): a suspected pulmonary embolism is"
    f" imaged at once, with anticoagulation meanwhile; {ESI_B}"
)
INFECTED_OBSTRUCTED_KIDNEY = (
    "EAU guidelines on urolithiasis (2023): an obstructed kidney with signs of infection is"
    f" a urological emergency, decompressed urgently; {ESI_B}"
)
HAND_BURN = (
    "National Network for Burn Care, referral guidance (2012): all burns to the hands, feet,"
    f" face, perineum or genitalia prompt a discussion with a burns service; {ESI_C}"
)
HIP_FRACTURE = (
    "NICE CG124 (hip fracture): analgesia on presentation and an X-ray within the hour;"
    f" severe pain 8/10 or more in a frail older patient, {ESI_B}"
)
SPLENIC_INJURY = (
    "ATLS (10th edition): after blunt trauma, left upper abdominal pain with pain referred to"
    " the left shoulder tip (Kehr's sign) suggests a splenic injury bleeding under the"
    f" diaphragm; high-risk at {ESI_B}"
)
ANTICOAGULATED_FALL = (
    "ESI v4 handbook, chapter 4: patients taking warfarin who fall are at high risk of"
    f" internal bleeding; {ESI_B}"
)
HIVES_ONLY = (
    "NICE CKS, Urticaria: hives without angioedema or systemic features are treated with an"
    f" oral non-sedating antihistamine; {ESI_C}"
)
SEVERE_HYPERTHERMIA = (
    "Bouchama and Knochel, N Engl J Med 2002 (heat stroke: core temperature above 40 C with"
    " central nervous system dysfunction) and the ACSM consensus on exertional heat illness"
    " (2023): whole-body cooling at once is life-saving; the same holds for serotonin and"
    f" sympathomimetic toxicity; {ESI_A}"
)
STIMULANT_TOXICITY = (
    "UK National Poisons Information Service (TOXBASE), cocaine and amphetamine-type"
    " stimulants: tachycardia, hypertension, hyperthermia and agitation mark sympathomimetic"
    " toxicity, which needs cardiac monitoring, an ECG and benzodiazepines; an overdose is a"
    f" high-risk situation at {ESI_B}"
)
SCROTAL_PAIN = (
    "EAU Guidelines on Urological Infections (2023) and NICE CKS, Scrotal pain and swelling"
    " (2022): torsion starts suddenly, often with vomiting; pain that came on gradually, or"
    " with dysuria or fever, is epididymo-orchitis, and a swollen scrotum after a blow is an"
    " injury to image; neither is a torsion's emergency"
)
INJURED_CHEST_WALL = (
    "ESI v4 handbook, chapter 3: chest pain is high-risk when it is suspicious for acute"
    " coronary syndrome; pain over tender ribs after a blow or a fall, without a cardiac"
    " feature or breathlessness, is a chest wall injury, imaged for a rib fracture"
)
RECOVERED_HYPOGLYCAEMIA = (
    "JBDS-IP, The hospital management of hypoglycaemia in adults with diabetes (2023):"
    " recovery is a glucose above 4.0 mmol/L and a normal conscious level; a sulphonylurea"
    " can outlast the treatment, so it is watched with a glucose infusion"
)
OXYGEN_TARGET = (
    "BTS guideline for oxygen use in healthcare and emergency settings (O'Driscoll et al.,"
    " Thorax 2017): a patient at risk of hypercapnic respiratory failure is given a target"
    " SpO2 of 88-92%; below it, oxygen now; RCP NEWS2 (2017) scores such a patient on"
    f" SpO2 scale 2; {ESI_A}"
)
HYPERVENTILATION = (
    "Gardner, Chest 1996 (the pathophysiology of hyperventilation disorders): tingling"
    " round the mouth and in the hands from overbreathing, a diagnosis of exclusion; Kline"
    " et al., J Thromb Haemost 2004 (the PERC items a note can state)"
)
SPONTANEOUS_PNEUMOTHORAX = (
    "ESI v4 handbook, chapter 3: chest pain is high-risk when it is suspicious for acute"
    " coronary syndrome; BTS guideline for pleural disease (Roberts et al., Thorax 2023): a"
    " primary spontaneous pneumothorax in a tall, thin young adult; Kline et al., J Thromb"
    " Haemost 2004 (the PERC items a note can state)"
)
PLEURITIC_CHEST_PAIN = (
    "ESI v4 handbook, chapter 3: chest pain is high-risk when it is suspicious for acute"
    " coronary syndrome; ESC 2015 guidelines on pericardial diseases (sharp pain eased by"
    " sitting forward); Kline et al., J Thromb Haemost 2004 (the PERC items a note can state)"
)
ELECTRICAL_INJURY = (
    "Searle et al., Cardiac monitoring in patients with electrical injuries (Dtsch Arztebl"
    " Int 2013): after a low-voltage shock without loss of consciousness, ECG changes or"
    " burns an ECG suffices, and tingling in the limb the current crossed is expected;"
    " a shock with loss of consciousness, or a high voltage, is monitored"
)
KNOWN_EPILEPSY_SEIZURE = (
    "NICE NG217, Epilepsies in children, young people and adults (2022): a person with"
    " known epilepsy whose seizure was typical and who has recovered needs no emergency"
    " imaging; drug levels and adherence are checked"
)
RAISED_ICP = (
    "NICE NG127, Suspected neurological conditions (2019), and RCPCH HeadSmart (2016): a"
    " headache on waking with vomiting or a new visual change suggests raised intracranial"
    f" pressure and needs imaging the same day; a high-risk situation at {ESI_B}"
)
VERTIGO_ATAXIA = (
    "Kattah et al., Stroke 2009 (HINTS), and Carmona et al., Front Neurol 2016: acute"
    " vertigo with a gait the patient cannot manage unaided suggests a central (posterior"
    f" circulation) cause; a high-risk situation at {ESI_B}"
)
ORAL_STING = (
    "NICE CKS, Insect bites and stings (2021): a sting in the mouth or throat can swell the"
    f" airway and needs urgent assessment; a high-risk situation at {ESI_B}"
)
BRONCHIOLITIS_FEEDING = (
    "NICE NG9, Bronchiolitis in children (2021): fluid intake of 50-75% of usual or less is"
    " a reason to refer, and feeding support (nasogastric) a reason to admit"
)
