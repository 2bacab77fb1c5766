#!/usr/bin/env python3
"""Generate Thistle's synthetic Fife demo place into sample-data/fife/.

Everything this writes is made up. The place names are Fife's real towns and
villages, but every population is approximate, every person is fictional (names
are first names and surnames drawn at random from generic lists), every
address and postcode is synthetic, every phone number is in Ofcom's drama range
(01632 960xxx) and every email and website is under example.org.

Standard library only, no network, one fixed seed: running it twice writes
byte-identical files. It ends by reading the files back and checking every rule
the app relies on (references resolve, counts, need and referral consistency),
then prints a one-line summary of the counts.

    python3 scripts/make-sample-data.py
"""

import csv
import io
import json
import math
import re
import random
import sys
from datetime import date, datetime, timedelta
from pathlib import Path

SEED = 20261124
ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "sample-data" / "fife"

# The demo's "now": every time in the files is at or before this instant.
NOW = datetime(2026, 11, 23, 17, 0)
TODAY = NOW.date()
FIRST_OPEN_DAY = date(2025, 12, 1)
LAST_OPEN_DAY = date(2026, 11, 20)
HOLIDAYS = {date(2025, 12, 25), date(2025, 12, 26), date(2026, 1, 1), date(2026, 1, 2)}
ONE_DAY = timedelta(days=1)
WORK_START = 8 * 60 + 30
WORK_END = 17 * 60

RESIDENT_COUNT = 400
CASE_COUNT = 600
CLOSED_CASES = 180          # 30%
TRIAGE_CASES = 105          # 25% of open cases have a need awaiting triage
RETURNED_CASES = 42         # 10% of open cases have a returned need


def slug(text):
    text = text.lower().replace("'", "").replace("\u2019", "")
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")


def iso(moment):
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")


def parse_iso(text):
    return datetime.strptime(text, "%Y-%m-%dT%H:%M:%SZ")


# ---------------------------------------------------------------------------
# Places: Fife Council, its seven areas and 58 of their towns and villages.
# (name, population, postcode district). Populations are rounded, approximate
# and synthetic; every postcode is KY-shaped, even where the real one is not.

AREAS = [
    ("Cowdenbeath", [
        ("Ballingry", 4900, "KY5"), ("Cardenden", 5700, "KY5"), ("Cowdenbeath", 14600, "KY4"),
        ("Crosshill", 1300, "KY5"), ("Kelty", 6400, "KY4"), ("Lochgelly", 7200, "KY5"),
        ("Lochore", 2300, "KY5"),
    ]),
    ("City of Dunfermline", [
        ("Crossford", 2700, "KY12"), ("Duloch", 9800, "KY11"), ("Dunfermline", 49800, "KY12"),
        ("Halbeath", 1600, "KY11"), ("Townhill", 2400, "KY12"), ("Wellwood", 1500, "KY12"),
    ]),
    ("Glenrothes", [
        ("Coaltown of Balgonie", 1100, "KY7"), ("Glenrothes", 40500, "KY7"), ("Kinglassie", 1700, "KY5"),
        ("Leslie", 3100, "KY6"), ("Markinch", 2500, "KY7"), ("Milton of Balgonie", 900, "KY7"),
        ("Thornton", 2100, "KY1"),
    ]),
    ("Kirkcaldy", [
        ("Auchtertool", 300, "KY2"), ("Burntisland", 6300, "KY3"), ("Chapel", 800, "KY2"),
        ("Dysart", 3300, "KY1"), ("Kinghorn", 2900, "KY3"), ("Kirkcaldy", 49700, "KY1"),
    ]),
    ("Levenmouth", [
        ("Buckhaven", 6400, "KY8"), ("Coaltown of Wemyss", 600, "KY1"), ("East Wemyss", 1900, "KY1"),
        ("Kennoway", 5100, "KY8"), ("Leven", 9900, "KY8"), ("Lower Largo", 1000, "KY8"),
        ("Lundin Links", 1300, "KY8"), ("Methil", 9000, "KY8"), ("Methilhill", 3300, "KY8"),
        ("Windygates", 1600, "KY8"),
    ]),
    ("North East Fife", [
        ("Anstruther", 3800, "KY10"), ("Auchtermuchty", 2200, "KY14"), ("Crail", 1800, "KY10"),
        ("Cupar", 9900, "KY15"), ("Leuchars", 3100, "KY16"), ("Newburgh", 2200, "KY14"),
        ("Newport-on-Tay", 4400, "KY16"), ("Pittenweem", 1700, "KY10"), ("St Andrews", 19200, "KY16"),
        ("St Monans", 1500, "KY10"), ("Tayport", 4200, "KY16"), ("Wormit", 2700, "KY16"),
    ]),
    ("South West Fife", [
        ("Aberdour", 1900, "KY3"), ("Cairneyhill", 2800, "KY12"), ("Dalgety Bay", 10500, "KY11"),
        ("High Valleyfield", 3300, "KY12"), ("Inverkeithing", 5000, "KY11"), ("Kincardine", 3500, "KY12"),
        ("North Queensferry", 1100, "KY11"), ("Oakley", 3000, "KY12"), ("Rosyth", 14200, "KY11"),
        ("Torryburn", 2000, "KY12"),
    ]),
]

# Where each area's agencies have their main and second offices.
AREA_TOWNS = {
    "Cowdenbeath": ("Cowdenbeath", "Lochgelly"),
    "City of Dunfermline": ("Dunfermline", "Duloch"),
    "Glenrothes": ("Glenrothes", "Leslie"),
    "Kirkcaldy": ("Kirkcaldy", "Burntisland"),
    "Levenmouth": ("Methil", "Leven"),
    "North East Fife": ("Cupar", "St Andrews"),
    "South West Fife": ("Rosyth", "Dalgety Bay"),
}

# Cases per head of population, relative to the rest of Fife (deprivation skew).
CASE_SKEW = {
    "place-levenmouth": 3.6, "place-kirkcaldy": 2.6, "place-cowdenbeath": 1.6, "place-glenrothes": 1.1,
    "place-city-of-dunfermline": 0.6, "place-south-west-fife": 0.6, "place-north-east-fife": 0.5,
}

POSTCODE_UNIT_LETTERS = "ABDEFGHJLNPQRSTUWXYZ"


def pid(name):
    return "place-" + slug(name)


AREA_NAMES = {area for area, _ in AREAS}


def community_id(name):
    """A town that shares its area's name (Cowdenbeath, Glenrothes, Kirkcaldy) gets a -town id."""
    return pid(name) + ("-town" if name in AREA_NAMES else "")


def build_places():
    places = []
    districts = {}
    areas = []
    for area_name, communities in AREAS:
        area = {"id": pid(area_name), "name": area_name, "kind": "area", "parent": "place-fife",
                "population": sum(c[1] for c in communities)}
        kids = []
        for name, population, district in sorted(communities):
            kids.append({"id": community_id(name), "name": name, "kind": "community", "parent": area["id"],
                         "population": population})
            districts[community_id(name)] = district
        areas.append((area, kids))
    council = {"id": "place-fife", "name": "Fife", "kind": "council", "parent": None,
               "population": sum(a["population"] for a, _ in areas), "retentionYears": 6,
               "dataSharingAgreement": "FIFE-ISP-2026 (synthetic information sharing protocol)"}
    places.append(council)
    for area, kids in areas:
        places.append(area)
        places.extend(kids)
    return places, districts


# ---------------------------------------------------------------------------
# Agencies. The public bodies have descriptive names; the housing association
# and the charities are invented.

AGENCIES = [
    ("agency-fife-council-social-work", "Fife Council Social Work", "council",
     "Statutory social work for children and families, adults at risk and community justice across Fife."),
    ("agency-fife-council-housing", "Fife Council Housing Services", "council",
     "Council tenancies, homelessness assessment, housing options, rent support and home adaptations."),
    ("agency-nhs-fife", "NHS Fife", "nhs",
     "The health board for Fife: community mental health, addictions, health visiting and school nursing."),
    ("agency-fife-hscp", "Fife Health and Social Care Partnership", "hscp",
     "Integrated adult health and social care: community nursing, occupational therapy, care at home, "
     "social prescribing and carers' support plans."),
    ("agency-police-scotland-fife", "Police Scotland Fife Division", "police",
     "Community policing, public protection, domestic abuse investigation and youth diversion in Fife."),
    ("agency-sfrs-fife", "Scottish Fire and Rescue Service Fife", "fire-and-rescue",
     "Home fire safety visits, community safety work and youth engagement across Fife."),
    ("agency-kingdom-homes", "Kingdom Homes Association", "housing",
     "A (fictional) registered social landlord with homes across Fife, offering tenancy sustainment, "
     "energy advice and supported living."),
    ("agency-fife-third-sector-interface", "Fife Third Sector Interface", "third-sector",
     "The (fictional) interface for Fife's voluntary sector: volunteering, befriending, community hubs "
     "and peer recovery networks."),
    ("agency-forthside-advice", "Forthside Money and Rights Advice", "charity",
     "A (fictional) independent advice charity: debt, benefits, energy and appeals advice."),
    ("agency-shared-table-fife", "Shared Table Fife", "charity",
     "A (fictional) food charity running food banks, community pantries, fridges and fuel vouchers."),
    ("agency-kingdom-carers-network", "Kingdom Carers Network", "charity",
     "A (fictional) charity for unpaid carers of all ages: short breaks, groups, young carers and advice."),
    ("agency-pathway-fife-youth-trust", "Pathway Fife Youth Trust", "charity",
     "A (fictional) youth work and employability charity: mentoring, drop-ins, skills and apprenticeships."),
]
SW, HOUSING, NHS, HSCP, POLICE, SFRS, KHA, TSI, ADVICE, FOOD, CARERS, YOUTH = [a[0] for a in AGENCIES]


def build_agencies():
    return [{"id": i, "name": n, "kind": k, "description": d,
             "website": "https://example.org/" + i.removeprefix("agency-")} for i, n, k, d in AGENCIES]


# ---------------------------------------------------------------------------
# Need categories: the fixed keys every Thistle team shares.

NEED_CATEGORIES = [
    ("money-debt", "Money and debt",
     "Income, benefits, debt, arrears and budgeting; crisis grants when money runs out."),
    ("housing", "Housing",
     "Homelessness or the risk of it, tenancy problems, poor or unsuitable housing and adaptations."),
    ("mental-health", "Mental health",
     "Low mood, anxiety, distress, self-harm and longer-term mental illness."),
    ("physical-health", "Physical health",
     "Long-term conditions, falls, mobility, recovery from illness and missed health care."),
    ("substance-use", "Alcohol and drugs",
     "Harmful alcohol or drug use, recovery support and harm reduction."),
    ("employment-skills", "Employment and skills",
     "Getting into or back to work, training, qualifications, volunteering and digital skills."),
    ("child-wellbeing", "Child wellbeing",
     "A child's or young person's wellbeing against the SHANARRI indicators (Getting it right for every "
     "child): safe, healthy, achieving, nurtured, active, respected, responsible and included."),
    ("social-isolation", "Social isolation",
     "Loneliness and lack of contact; connecting people with groups, befrienders and their community."),
    ("safety", "Safety",
     "Domestic abuse, harm or exploitation, adult support and protection, fire and home safety, scams."),
    ("food", "Food",
     "Not having enough to eat: food banks, pantries, emergency parcels and cooking skills."),
    ("fuel", "Fuel and energy",
     "Cold homes, energy debt, prepayment meters running out and energy efficiency."),
    ("caring", "Caring",
     "Unpaid carers of any age, including young carers: support plans, breaks and advice."),
    ("community-justice", "Community justice",
     "People in contact with the justice system: court, community orders, release from prison, diversion."),
]
CATEGORY_KEYS = [c[0] for c in NEED_CATEGORIES]


def build_need_categories():
    return [{"key": k, "name": n, "description": d} for k, n, d in NEED_CATEGORIES]


# ---------------------------------------------------------------------------
# Members of the place team (fictional). The first, who is also first by name
# (the order the app lists members in), is a Levenmouth frontline worker.

MEMBERS = [
    ("Aileen Baxter", SW, "frontline", ["Levenmouth"]),
    ("Ross Menzies", NHS, "frontline", ["Levenmouth", "Kirkcaldy"]),
    ("Shona Paterson", KHA, "frontline", ["Kirkcaldy"]),
    ("Gregor Lindsay", POLICE, "frontline", ["Kirkcaldy", "Glenrothes"]),
    ("Kirsty Drummond", HOUSING, "frontline", ["Cowdenbeath"]),
    ("Fraser Millar", ADVICE, "frontline", ["City of Dunfermline", "South West Fife"]),
    ("Ailsa Munro", HSCP, "frontline", ["North East Fife"]),
    ("Jamie Robertson", YOUTH, "frontline", ["Glenrothes"]),
    ("Catriona Wallace", SW, "frontline", ["South West Fife"]),
    ("Duncan Fairbairn", SFRS, "frontline", ["Fife"]),
    ("Niamh Gallacher", FOOD, "frontline", ["Levenmouth", "North East Fife"]),
    ("Lewis Cairns", CARERS, "frontline", ["City of Dunfermline", "Cowdenbeath"]),
    ("Morven Sinclair", HSCP, "lead", ["Levenmouth", "Glenrothes"]),
    ("Alasdair Kerr", SW, "lead", ["Kirkcaldy", "Cowdenbeath"]),
    ("Fiona Hutchison", HOUSING, "lead", ["City of Dunfermline", "South West Fife"]),
    ("Iain Brodie", NHS, "lead", ["North East Fife"]),
    ("Moira Donaldson", TSI, "lead", ["Fife"]),
    ("Euan Mackie", HSCP, "analyst", ["Fife"]),
    ("Rhona Lennox", NHS, "analyst", ["Fife"]),
    ("Graham Anderson", TSI, "admin", ["Fife"]),
]


def build_members():
    return [{"id": "member-" + slug(name), "name": name, "agency": agency, "role": role,
             "places": [pid(p) for p in places]} for name, agency, role, places in MEMBERS]


# ---------------------------------------------------------------------------
# Services. Templates are (agency, name, needs, description, wait, accepts referrals,
# location names, core). `core` services stay active so every need has a
# council-wide fallback. `wait` is (low, high) days, or None when not known.

FIFE_SERVICES = [
    (SW, "Fife Adult Support and Protection", ["safety"],
     "Duty inquiries and investigations where an adult may be at risk of harm, under the Adult Support "
     "and Protection (Scotland) Act.", (0, 2), True, ["Glenrothes Social Work Office"], True),
    (SW, "Fife Children and Families Duty Team", ["child-wellbeing", "safety"],
     "First point of contact for concerns about a child's safety or wellbeing.", (0, 3), True,
     ["Glenrothes Social Work Office"], True),
    (SW, "Fife Justice Social Work", ["community-justice"],
     "Court reports, community payback orders and throughcare for people leaving custody.", (3, 15), True,
     ["Kirkcaldy Justice Centre"], True),
    (SW, "Fife Unpaid Work and Other Activity", ["community-justice", "employment-skills"],
     "Supervised unpaid work and learning activity as part of a community payback order.", (5, 20), True,
     ["Kirkcaldy Justice Centre"], False),
    (SW, "Fife Kinship Care Support", ["child-wellbeing", "caring"],
     "Advice, allowances and group support for relatives bringing up a child who cannot live at home.",
     (7, 28), True, [], False),
    (SW, "Fife Family Group Decision Making", ["child-wellbeing"],
     "Independent coordinators who bring a wider family together to make a plan for a child.", (10, 35),
     True, [], False),
    (HOUSING, "Fife Homelessness Assessment Team", ["housing"],
     "Homelessness assessments, temporary accommodation and housing advice for anyone at risk of "
     "losing their home.", (0, 2), True, ["Glenrothes Housing Hub"], True),
    (HOUSING, "Fife Tenancy Sustainment Service", ["housing", "money-debt"],
     "Visiting support for council tenants at risk of losing their tenancy.", (5, 21), True, [], False),
    (HOUSING, "Fife Rent Arrears Early Help", ["money-debt", "housing"],
     "Early contact and repayment plans when council rent arrears start to build.", (2, 10), True, [], False),
    (HOUSING, "Fife Council Warm Homes Advice", ["fuel", "housing"],
     "Home energy checks, insulation and heating grants, and help with energy suppliers.", (5, 25), True,
     [], True),
    (HOUSING, "Fife Crisis Grants", ["money-debt", "food", "fuel"],
     "Same-day crisis grants for food, fuel and essentials, and community care grants for setting up home.",
     (0, 2), True, [], False),
    (HOUSING, "Fife Housing Adaptations Service", ["housing", "physical-health"],
     "Ramps, level-access showers, stairlifts and other adaptations for council tenants.", (20, 60), True,
     [], False),
    (NHS, "NHS Fife Addictions Service", ["substance-use"],
     "Assessment, prescribing and psychosocial support for people with alcohol or drug problems.",
     (3, 21), True, ["Kirkcaldy Community Health Centre"], True),
    (NHS, "NHS Fife Psychological Therapies", ["mental-health"],
     "Talking therapies for anxiety, depression and trauma, by referral from health and care staff.",
     (30, 60), True, [], True),
    (NHS, "NHS Fife Health Visiting", ["child-wellbeing", "physical-health"],
     "Health visitors supporting families with children from birth to school age.", (0, 10), True, [], False),
    (NHS, "NHS Fife Keep Well Health Checks", ["physical-health"],
     "Health checks and follow-up for adults at higher risk of heart disease and diabetes.", (7, 28), True,
     [], True),
    (NHS, "NHS Fife Stop Smoking Service", ["physical-health", "substance-use"],
     "Weekly support and free nicotine replacement to stop smoking.", (0, 7), True, [], False),
    (NHS, "NHS Fife School Nursing", ["child-wellbeing", "physical-health", "mental-health"],
     "School nurses supporting pupils' emotional health, substance use and sexual health.", (5, 20), True,
     [], False),
    (NHS, "NHS Fife Child and Adolescent Mental Health", ["mental-health", "child-wellbeing"],
     "Specialist mental health care for children and young people up to 18.", (30, 60), True, [], False),
    (NHS, "NHS Fife Distress Brief Intervention", ["mental-health"],
     "Contact within a day and up to 14 days of practical and emotional support for people in distress.",
     (0, 1), True, [], False),
    (HSCP, "Fife Community Occupational Therapy", ["physical-health"],
     "Assessment and equipment to help people stay safe and independent at home.", (10, 45), True, [], True),
    (HSCP, "Fife Adult Carer Support Plans", ["caring"],
     "Adult carer support plans and access to short breaks and carer budgets.", (7, 30), True, [], True),
    (HSCP, "Fife Care at Home Reablement", ["physical-health", "caring"],
     "Up to six weeks of care at home to rebuild everyday skills after illness or a hospital stay.",
     (2, 14), True, [], False),
    (HSCP, "Fife Falls Prevention Service", ["physical-health", "safety"],
     "Strength and balance programmes and home hazard checks for people who have fallen.", (10, 35), True,
     [], False),
    (POLICE, "Police Scotland Fife Domestic Abuse Unit", ["safety"],
     "Specialist officers investigating domestic abuse and supporting people at risk.", (0, 2), True, [], True),
    (POLICE, "Fife Youth Diversion Scheme", ["community-justice", "child-wellbeing"],
     "Early and effective intervention for young people in trouble, instead of prosecution.", (5, 20), True,
     [], True),
    (POLICE, "Fife Scam and Fraud Prevention", ["safety", "money-debt"],
     "Visits and call blockers for people targeted by doorstep, phone and online scams.", (3, 14), True,
     [], False),
    (SFRS, "Home Fire Safety Visits Fife", ["safety", "physical-health"],
     "Free home fire safety visits with smoke and heat alarm checks, prioritising people at higher risk.",
     (1, 14), True, ["Kirkcaldy Community Fire Station"], True),
    (SFRS, "Fife Fire Reach Youth Programme", ["child-wellbeing", "employment-skills"],
     "A week-long course at a fire station building confidence, teamwork and skills for 12 to 18 year olds.",
     (14, 60), True, ["Kirkcaldy Community Fire Station"], False),
    (KHA, "Kingdom Homes Tenancy Support", ["housing", "money-debt"],
     "Support for Kingdom Homes tenants to settle in, manage money and keep their tenancy.", (3, 14), True,
     ["Kingdom Homes Head Office"], False),
    (KHA, "Kingdom Homes Energy Advice", ["fuel"],
     "Energy advisers helping tenants with bills, meters, debt to suppliers and keeping warm.", (2, 10),
     True, ["Kingdom Homes Head Office"], True),
    (KHA, "Kingdom Homes Supported Living", ["housing", "mental-health"],
     "Supported flats with on-site staff for people recovering from mental ill health.", (30, 60), True,
     [], False),
    (KHA, "Kingdom Homes Young Persons' Housing", ["housing"],
     "Supported tenancies and tenancy skills for 16 to 25 year olds leaving home or care.", (14, 45), True,
     [], False),
    (TSI, "Fife Volunteer Centre", ["employment-skills", "social-isolation"],
     "Matches people with volunteering roles that build skills, confidence and connections.", (3, 14), True,
     ["Glenrothes Community Hub"], True),
    (TSI, "Fife Befriending Network", ["social-isolation", "mental-health"],
     "Weekly visits or calls from a trained volunteer befriender.", (14, 45), True, [], True),
    (TSI, "Fife Community Sheds", ["social-isolation"],
     "Workshop spaces where people meet, share skills and make things together; just turn up.", None,
     False, [], False),
    (TSI, "Fife Peer Recovery Network", ["substance-use", "social-isolation"],
     "Peer support from people with lived experience of recovery from alcohol and drugs.", (0, 7), True,
     [], False),
    (ADVICE, "Fife Debt Helpline", ["money-debt"],
     "Telephone debt advice, debt payment programmes and help with creditors.", (2, 10), True, [], True),
    (ADVICE, "Fife Benefits Appeals Service", ["money-debt"],
     "Help to challenge benefit decisions, from mandatory reconsideration to tribunal.", (5, 21), True,
     [], False),
    (ADVICE, "Fife Energy Debt Advice", ["fuel", "money-debt"],
     "Advice on energy debt, prepayment meters, supplier hardship funds and grants.", (2, 10), True, [], True),
    (ADVICE, "Fife Prison Leavers Advice", ["community-justice", "money-debt", "housing"],
     "Benefits, housing and money advice arranged before and after release from custody.", (2, 14), True,
     [], False),
    (FOOD, "Fife Fuel Bank Vouchers", ["fuel", "food"],
     "Emergency top-up vouchers for prepayment meters, issued with food parcels.", (0, 2), True, [], True),
    (FOOD, "Fife Cook and Eat Sessions", ["food", "social-isolation"],
     "Group sessions cooking cheap, healthy meals and eating together.", (7, 28), True, [], False),
    (FOOD, "Fife Emergency Food Parcel Delivery", ["food"],
     "Food parcels delivered to people who cannot get to a food bank.", (0, 3), True, [], True),
    (CARERS, "Fife Carers Short Breaks", ["caring"],
     "Short breaks and replacement care so unpaid carers can take time for themselves.", (14, 45), True,
     [], True),
    (CARERS, "Fife Young Carers Service", ["caring", "child-wellbeing"],
     "Young carer statements, groups and trips for carers aged 8 to 18.", (7, 28), True, [], True),
    (CARERS, "Fife Carers Money Advice", ["caring", "money-debt"],
     "Benefit checks and money advice for unpaid carers, including Carer Support Payment.", (3, 14), True,
     [], False),
    (YOUTH, "Fife Modern Apprenticeship Pathways", ["employment-skills"],
     "Pre-apprenticeship training and matching with local employers for 16 to 24 year olds.", (14, 45),
     True, [], True),
    (YOUTH, "Fife Digital Skills Classes", ["employment-skills", "social-isolation"],
     "Small-group classes in using a phone, email, online forms and job sites.", (7, 28), True, [], False),
    (YOUTH, "Fife Youth Mentoring", ["child-wellbeing", "employment-skills"],
     "One-to-one volunteer mentors for young people aged 12 to 19.", (14, 60), True, [], False),
    (YOUTH, "Fife Justice Employability Support", ["community-justice", "employment-skills"],
     "Employability keyworkers for people with convictions, including on community orders.", (5, 21), True,
     [], True),
]

# Per-area templates; {area} is the area's name, {town}/{town2} its office towns.
AREA_SERVICES = [
    (ADVICE, "{area} Money Advice Drop-in", ["money-debt", "fuel"],
     "Drop-in and booked appointments in {area} for debt, benefit checks, budgeting and energy advice.",
     (0, 7), True, ["{town} Advice Centre", "{town2} Community Room"]),
    (NHS, "{area} Community Mental Health Team", ["mental-health"],
     "Assessment and treatment for adults in {area} with moderate to severe mental illness.", (14, 45),
     True, ["{town} Health Centre"]),
    (HSCP, "{area} Social Prescribing Link Workers", ["social-isolation", "mental-health"],
     "Link workers in {area} GP practices connecting people with local groups, activities and support.",
     (5, 21), True, ["{town} Health and Care Centre"]),
    (HSCP, "{area} Community Nursing Team", ["physical-health"],
     "District nurses caring for housebound adults in {area}.", (0, 5), True, ["{town} Health and Care Centre"]),
    (POLICE, "{area} Community Policing Team", ["safety", "community-justice"],
     "Local officers in {area} dealing with antisocial behaviour, vulnerable people and community concerns.",
     (0, 7), True, ["{town} Police Office"]),
    (YOUTH, "{area} Employability Hub", ["employment-skills"],
     "Keyworker support into work, training or college for people in {area}.", (3, 14), True,
     ["{town} Youth and Employability Hub"]),
    (CARERS, "{area} Carers Support Group", ["caring", "social-isolation"],
     "A monthly peer group and one-to-one support for unpaid carers in {area}.", (7, 21), True,
     ["{town} Carers Centre"]),
    (HOUSING, "{area} Housing Options Surgery", ["housing"],
     "Housing options interviews in {area}: council and housing association lists, private renting "
     "and preventing homelessness.", (2, 14), True, ["{town} Local Office"]),
    (TSI, "{area} Recovery Cafe", ["substance-use", "social-isolation"],
     "A weekly recovery cafe in {area} run by and for people in recovery.", (0, 7), True,
     ["{town} Community Hub"]),
    (SW, "{area} Family Support Team", ["child-wellbeing"],
     "Family support workers in {area} helping parents with routines, school attendance and children's "
     "wellbeing.", (7, 30), True, ["{town} Social Work Office"]),
]

# Local services: (agency, name, needs, communities, description, wait, accepts referrals, location).
LOCAL_SERVICES = [
    (FOOD, "Methil Community Pantry", ["food"], ["Methil", "Methilhill"],
     "A membership pantry: a weekly shop of fresh and store-cupboard food for a small fee.", (0, 7), True),
    (FOOD, "Buckhaven Food Bank", ["food"], ["Buckhaven"],
     "Emergency food parcels by referral, with advice on hand at every session.", (0, 2), True),
    (FOOD, "Leven Community Pantry", ["food"], ["Leven"],
     "A membership pantry: a weekly shop of fresh and store-cupboard food for a small fee.", (0, 7), True),
    (FOOD, "Kennoway Food Share", ["food"], ["Kennoway", "Windygates"],
     "Surplus food shared twice a week from the community centre.", (0, 3), True),
    (FOOD, "Wemyss Villages Pantry", ["food"], ["East Wemyss", "Coaltown of Wemyss"],
     "A small pantry serving the Wemyss villages.", (0, 7), True),
    (FOOD, "Kirkcaldy Food Bank", ["food"], ["Kirkcaldy"],
     "Emergency food parcels by referral, with advice on hand at every session.", (0, 2), True),
    (FOOD, "Dysart Community Fridge", ["food"], ["Dysart"],
     "An open community fridge; take what you need, no referral needed.", None, False),
    (FOOD, "Burntisland and Kinghorn Food Share", ["food"], ["Burntisland", "Kinghorn"],
     "Surplus food shared weekly in Burntisland and Kinghorn.", (0, 3), True),
    (FOOD, "Glenrothes Food Bank", ["food"], ["Glenrothes"],
     "Emergency food parcels by referral, with advice on hand at every session.", (0, 2), True),
    (FOOD, "Leslie Community Pantry", ["food"], ["Leslie"],
     "A membership pantry: a weekly shop of fresh and store-cupboard food for a small fee.", (0, 7), True),
    (FOOD, "Cowdenbeath Food Bank", ["food"], ["Cowdenbeath"],
     "Emergency food parcels by referral, with advice on hand at every session.", (0, 2), True),
    (FOOD, "Lochgelly Community Pantry", ["food"], ["Lochgelly"],
     "A membership pantry: a weekly shop of fresh and store-cupboard food for a small fee.", (0, 7), True),
    (FOOD, "Benarty Food Share", ["food"], ["Ballingry", "Lochore", "Crosshill"],
     "Surplus food shared weekly across the Benarty villages.", (0, 3), True),
    (FOOD, "Kelty Community Fridge", ["food"], ["Kelty"],
     "An open community fridge; take what you need, no referral needed.", None, False),
    (FOOD, "Dunfermline Food Bank", ["food"], ["Dunfermline", "Duloch"],
     "Emergency food parcels by referral, with advice on hand at every session.", (0, 2), True),
    (FOOD, "Rosyth Community Pantry", ["food"], ["Rosyth"],
     "A membership pantry: a weekly shop of fresh and store-cupboard food for a small fee.", (0, 7), True),
    (FOOD, "Inverkeithing Food Share", ["food"], ["Inverkeithing", "North Queensferry"],
     "Surplus food shared weekly from the church hall.", (0, 3), True),
    (FOOD, "High Valleyfield Pantry", ["food"], ["High Valleyfield", "Torryburn"],
     "A small pantry serving the West Fife villages.", (0, 7), True),
    (FOOD, "Cupar Food Bank", ["food"], ["Cupar"],
     "Emergency food parcels by referral, with advice on hand at every session.", (0, 2), True),
    (FOOD, "St Andrews Community Fridge", ["food"], ["St Andrews"],
     "An open community fridge; take what you need, no referral needed.", None, False),
    (FOOD, "East Neuk Food Share", ["food"], ["Anstruther", "Pittenweem", "St Monans"],
     "Surplus food shared weekly across the East Neuk.", (0, 3), True),
    (FOOD, "Tayport and Newport Pantry", ["food"], ["Tayport", "Newport-on-Tay", "Wormit"],
     "A pantry serving the Tay coast villages.", (0, 7), True),
    (TSI, "Leven Lunch Club", ["social-isolation", "food"], ["Leven"],
     "A hot two-course lunch and company every Tuesday and Thursday.", (0, 7), True),
    (TSI, "Kirkcaldy Lunch Club", ["social-isolation", "food"], ["Kirkcaldy"],
     "A hot two-course lunch and company every Wednesday.", (0, 7), True),
    (TSI, "Cowdenbeath Lunch Club", ["social-isolation", "food"], ["Cowdenbeath"],
     "A hot lunch and company every Monday and Friday.", (0, 7), True),
    (TSI, "Cupar Lunch Club", ["social-isolation", "food"], ["Cupar"],
     "A hot lunch and company every Thursday.", (0, 7), True),
    (TSI, "Dalgety Bay Lunch Club", ["social-isolation", "food"], ["Dalgety Bay", "Aberdour"],
     "A hot lunch and company every Tuesday.", (0, 7), True),
    (TSI, "Kirkcaldy Safe Space Drop-in", ["safety", "mental-health"], ["Kirkcaldy"],
     "An evening drop-in with trained volunteers for anyone feeling unsafe or in distress.", None, False),
    (YOUTH, "Methil Youth Drop-in", ["child-wellbeing", "social-isolation"], ["Methil", "Buckhaven"],
     "Evening youth work sessions for 11 to 18 year olds.", (0, 7), True),
    (YOUTH, "Kirkcaldy Youth Drop-in", ["child-wellbeing", "social-isolation"], ["Kirkcaldy"],
     "Evening youth work sessions for 11 to 18 year olds.", (0, 7), True),
    (YOUTH, "Lochgelly Youth Drop-in", ["child-wellbeing", "social-isolation"], ["Lochgelly", "Cowdenbeath"],
     "Evening youth work sessions for 11 to 18 year olds.", (0, 7), True),
    (CARERS, "Glenrothes Young Carers Group", ["caring", "child-wellbeing"], ["Glenrothes"],
     "A fortnightly group and trips for young carers.", (7, 21), True),
    (ADVICE, "Methil Energy Advice Surgery", ["fuel", "money-debt"], ["Methil", "Methilhill", "Buckhaven"],
     "A weekly surgery on energy bills, meters and grants.", (0, 7), True),
]

NOT_ACTIVE = {
    "Fife Digital Skills Classes": "inactive",
    "Wemyss Villages Pantry": "inactive",
    "North East Fife Employability Hub": "inactive",
    "Inverkeithing Food Share": "inactive",
    "Fife Family Group Decision Making": "defunct",
    "Cowdenbeath Lunch Club": "defunct",
    "South West Fife Recovery Cafe": "defunct",
    "Dalgety Bay Lunch Club": "temporarily closed",
    "Kirkcaldy Youth Drop-in": "temporarily closed",
    "Kennoway Food Share": "temporarily closed",
    "Cowdenbeath Community Mental Health Team": "temporarily closed",
}

STREETS = ["High Street", "Main Street", "Station Road", "Church Street", "Bank Street", "School Road",
           "Mill Road", "Park Road", "Victoria Road", "North Street", "South Street", "Commercial Street",
           "Bridge Street", "Shore Road", "Hall Street", "Croft Road"]


def postcode(rng, district):
    return f"{district} 9Z{rng.choice(POSTCODE_UNIT_LETTERS)}"


def build_services(rng, places, districts):
    by_name = {p["name"]: p for p in places if p["kind"] == "community"}
    locations = {}  # (agency, name) -> location

    def location(agency, name, town):
        key = (agency, name)
        if key not in locations:
            place = by_name[town]
            locations[key] = {
                "id": f"location-{len(locations) + 1}", "name": name,
                "address": f"{rng.randint(1, 120)} {rng.choice(STREETS)}, {town}",
                "postcode": postcode(rng, districts[place["id"]]), "place": place["id"]}
        return locations[key]

    def town_of(location_name):
        for town in sorted(districts_by_name, key=len, reverse=True):
            if location_name.startswith(town + " "):
                return town
        return "Glenrothes"

    districts_by_name = [p["name"] for p in places if p["kind"] == "community"]
    raw = []  # (service dict, core)
    for agency, name, needs, desc, wait, accepts, locs, core in FIFE_SERVICES:
        raw.append((dict(agency=agency, name=name, needs=needs, places=["place-fife"], description=desc,
                         wait=wait, accepts=accepts,
                         locations=[location(agency, n, town_of(n)) for n in locs]), core))
    for area_name, _ in AREAS:
        town, town2 = AREA_TOWNS[area_name]
        for agency, name, needs, desc, wait, accepts, locs in AREA_SERVICES:
            fill = dict(area=area_name, town=town, town2=town2)
            loc_list = []
            for i, n in enumerate(locs):
                n = n.format(**fill)
                loc_list.append(location(agency, n, town if i == 0 else town2))
            raw.append((dict(agency=agency, name=name.format(**fill), needs=needs, places=[pid(area_name)],
                             description=desc.format(**fill), wait=wait, accepts=accepts,
                             locations=loc_list), False))
    for agency, name, needs, communities, desc, wait, accepts in LOCAL_SERVICES:
        town = communities[0]
        kind = {FOOD: "Hall", TSI: "Community Hub", YOUTH: "Youth Centre", CARERS: "Carers Centre",
                ADVICE: "Advice Centre"}[agency]
        loc_name = name if agency == FOOD else f"{town} {kind}"
        raw.append((dict(agency=agency, name=name, needs=needs, places=[community_id(c) for c in communities],
                         description=desc, wait=wait, accepts=accepts,
                         locations=[location(agency, loc_name, town)]), False))

    # A few services are no longer (or not currently) running; never a core one.
    status = {}
    for i, (s, core) in enumerate(raw):
        if s["name"] in NOT_ACTIVE:
            assert not core, s["name"]
            status[i] = NOT_ACTIVE[s["name"]]
    assert len(status) == len(NOT_ACTIVE)

    phones = rng.sample(range(1, 1000), len(raw))
    services = []
    for i, (s, core) in enumerate(raw):
        sid = "service-" + slug(s["name"])
        wait = s["wait"]
        if wait is not None and rng.random() < 0.08:
            wait = None  # not known
        services.append({
            "id": sid,
            "name": s["name"],
            "agency": s["agency"],
            "description": s["description"],
            "status": status.get(i, "active"),
            "needs": list(s["needs"]),
            "places": s["places"],
            "acceptsReferrals": s["accepts"],
            "typicalWaitDays": None if wait is None else rng.randint(*wait),
            "email": slug(s["name"]) + "@example.org",
            "phone": f"01632 960{phones[i]:03d}",
            "locations": [dict(loc) for loc in s["locations"]],
        })
    services.sort(key=lambda s: s["id"])
    return services


# ---------------------------------------------------------------------------
# Residents: generic given names and surnames combined at random.

GIVEN_NAMES = [
    "Aileen", "Alan", "Alison", "Amy", "Andrew", "Angela", "Archie", "Ava", "Brian", "Callum", "Carol",
    "Chloe", "Christine", "Colin", "Craig", "Daniel", "David", "Dawn", "Derek", "Donna", "Elaine", "Ellie",
    "Emily", "Emma", "Erin", "Finlay", "Gary", "Gillian", "Grace", "Hannah", "Harris", "Heather", "Isla",
    "Jack", "Jacqueline", "James", "Jean", "Jennifer", "Joanne", "John", "Karen", "Katie", "Keith",
    "Kenneth", "Laura", "Leah", "Linda", "Lisa", "Logan", "Lucy", "Margaret", "Mark", "Martin", "Mia",
    "Michael", "Nicola", "Noah", "Olivia", "Paul", "Rachel", "Robert", "Ruby", "Ryan", "Sandra", "Scott",
    "Sophie", "Stephen", "Steven", "Stuart", "Susan", "Thomas", "Tracey", "William", "Zoe",
]
FAMILY_NAMES = [
    "Adamson", "Aitken", "Allan", "Anderson", "Bell", "Black", "Boyle", "Brown", "Buchanan", "Burns",
    "Cameron", "Campbell", "Clark", "Crawford", "Cunningham", "Davidson", "Dickson", "Docherty", "Donald",
    "Duncan", "Ferguson", "Fleming", "Forbes", "Fraser", "Gibson", "Gilmour", "Gordon", "Graham", "Grant",
    "Gray", "Hamilton", "Harvey", "Henderson", "Hunter", "Hutton", "Jamieson", "Johnston", "Kelly",
    "Kennedy", "Laing", "Lamb", "Lawson", "Macdonald", "MacKenzie", "McIntosh", "McKay", "McLean",
    "Marshall", "Martin", "Miller", "Mitchell", "Moffat", "Muir", "Murray", "Neil", "O'Brien", "Ogilvie",
    "Reid", "Ritchie", "Ross", "Scott", "Simpson", "Smith", "Stewart", "Taylor", "Thomson", "Watson",
    "Watt", "White", "Wilson", "Wright", "Young",
]

AGE_BANDS = [((0, 4), 5), ((5, 11), 7), ((12, 17), 8), ((18, 29), 15), ((30, 49), 27), ((50, 69), 23),
             ((70, 95), 15)]


def age_on(birth, day):
    return day.year - birth.year - ((day.month, day.day) < (birth.month, birth.day))


def build_residents(rng, places, districts):
    communities = [p for p in places if p["kind"] == "community"]
    weights = [p["population"] for p in communities]
    residents = []
    for n in range(1, RESIDENT_COUNT + 1):
        place = rng.choices(communities, weights)[0]
        (low, high), = rng.choices([b for b, _ in AGE_BANDS], [w for _, w in AGE_BANDS])
        age = rng.randint(low, high)
        latest = date(TODAY.year - age, TODAY.month, TODAY.day)
        earliest = date(TODAY.year - age - 1, TODAY.month, TODAY.day) + ONE_DAY
        birth = date.fromordinal(rng.randint(earliest.toordinal(), latest.toordinal()))
        residents.append({
            "id": f"res-{n:04d}", "givenName": rng.choice(GIVEN_NAMES), "familyName": rng.choice(FAMILY_NAMES),
            "dateOfBirth": birth.isoformat(), "postcode": postcode(rng, districts[place["id"]]),
            "place": place["id"]})
    return residents


# ---------------------------------------------------------------------------
# Working-day time helpers. Every staff action happens on a weekday between
# 08:30 and 17:00, on a five-minute boundary.

def workday(day):
    while day.weekday() >= 5 or day in HOLIDAYS:
        day += ONE_DAY
    return day


def at_work(rng, day, after=None, before=None):
    low, high = WORK_START, WORK_END
    if after is not None and after.date() == day:
        low = max(low, after.hour * 60 + after.minute + 5)
    if before is not None and before.date() == day:
        high = min(high, before.hour * 60 + before.minute)
    low = -(-low // 5) * 5
    if low > high:
        return None
    minute = rng.randrange(low, high + 1, 5)
    return datetime(day.year, day.month, day.day, minute // 60, minute % 60)


def later(rng, previous, days):
    """A working moment `days` calendar days after `previous` (or the next working day), strictly later."""
    day = workday(previous.date() + timedelta(days=days))
    while True:
        moment = at_work(rng, day, after=previous)
        if moment is not None:
            return moment
        day = workday(day + ONE_DAY)


def between(rng, low, high):
    """A working moment strictly after `low` and at or before `high`, or None."""
    days = []
    day = workday(low.date())
    while day <= high.date():
        days.append(day)
        day = workday(day + ONE_DAY)
    rng.shuffle(days)
    for day in days:
        moment = at_work(rng, day, after=low, before=high)
        if moment is not None:
            return moment
    return None


# ---------------------------------------------------------------------------
# Cases, needs and referrals.

ADULT_NEED_WEIGHTS = {
    "money-debt": 16, "housing": 12, "mental-health": 12, "physical-health": 9, "substance-use": 6,
    "employment-skills": 6, "child-wellbeing": 5, "social-isolation": 7, "safety": 6, "food": 9, "fuel": 8,
    "caring": 5, "community-justice": 3,
}
CHILD_NEED_WEIGHTS = {
    "child-wellbeing": 10, "safety": 4, "mental-health": 3, "physical-health": 4, "social-isolation": 2,
    "food": 3, "fuel": 1, "caring": 2, "substance-use": 2, "community-justice": 2, "employment-skills": 3,
    "housing": 2,
}
CHILD_MIN_AGE = {"mental-health": 8, "social-isolation": 8, "caring": 8, "substance-use": 12,
                 "community-justice": 12, "employment-skills": 16, "housing": 16}

ADULT_PHRASES = {
    "money-debt": ["has rent and council tax arrears after a drop in income",
                   "is behind on several credit and catalogue debts",
                   "is waiting on a benefits claim and has no money for essentials",
                   "has had benefits cut by deductions and is falling behind on bills",
                   "has debts building up after months off work sick"],
    "housing": ["has been served notice to leave a private let",
                "is sofa-surfing with friends after a relationship ended",
                "is living in a flat with serious damp and mould",
                "needs adaptations at home to manage safely",
                "is at risk of losing a tenancy over arrears"],
    "mental-health": ["has low mood and has stopped leaving the house",
                      "is struggling with anxiety and panic attacks",
                      "has felt hopeless since a bereavement",
                      "reports poor sleep and rising stress",
                      "has a history of depression and has lost touch with services"],
    "physical-health": ["has a long-term condition that is not being managed",
                        "has had two falls at home this year",
                        "has missed several hospital appointments",
                        "is finding stairs and daily tasks hard to manage",
                        "is recovering from surgery with little help at home"],
    "substance-use": ["is drinking heavily most days",
                      "has relapsed after a period in recovery",
                      "is using street benzodiazepines",
                      "wants help to cut down on drinking",
                      "is missing doses of a substitute prescription"],
    "employment-skills": ["wants to get back into work after a long gap",
                          "has been made redundant and needs help with job search",
                          "has no qualifications and wants to build skills",
                          "needs help with a CV and interview practice",
                          "wants to volunteer to build confidence before work"],
    "child-wellbeing": ["is worried about a child's school attendance",
                        "is finding a toddler's behaviour hard to cope with",
                        "has children who are often missing meals",
                        "needs support with parenting after a family breakdown"],
    "social-isolation": ["lives alone and has little contact with anyone",
                         "has lost touch with friends since retiring",
                         "has not been out of the house for weeks",
                         "moved to the area recently and knows nobody"],
    "safety": ["has disclosed domestic abuse by a former partner",
               "has been targeted by doorstep scammers",
               "has no working smoke alarm and smokes indoors",
               "is being harassed by neighbours",
               "is being financially exploited by a relative"],
    "food": ["has been skipping meals to pay bills",
             "runs out of food before each payment",
             "has no cooking facilities in temporary accommodation",
             "relies on food parcels most weeks"],
    "fuel": ["is rationing heating with a prepayment meter close to empty",
             "has self-disconnected from a prepayment meter",
             "has energy debt and cannot afford to top up",
             "lives in a cold, poorly insulated home"],
    "caring": ["is the main carer for a partner with dementia",
               "cares for an adult son with a learning disability",
               "is caring for a parent and close to breaking point",
               "is juggling work and caring for a disabled child"],
    "community-justice": ["has recently been released from prison",
                          "is on a community payback order",
                          "is due in court and has no support in place",
                          "has a history of offending and wants to make a change"],
}
CHILD_PHRASES = {
    "child-wellbeing": ["has poor school attendance and seems withdrawn",
                        "is often arriving at school hungry and tired",
                        "is struggling at school and needs more support at home",
                        "has moved home and school several times this year"],
    "mental-health": ["is anxious and has stopped going to school",
                      "has been self-harming, according to school staff",
                      "has had very low mood since a family bereavement"],
    "physical-health": ["has missed several health appointments",
                        "has an untreated dental problem",
                        "has a long-term condition that is not being managed at home"],
    "safety": ["has been missing from home overnight",
               "is spending time with older people who may be exploiting them",
               "has witnessed domestic abuse at home"],
    "social-isolation": ["has few friends and spends most time alone",
                         "has been isolated since changing schools"],
    "food": ["is often hungry at school", "lives in a household that regularly runs out of food"],
    "fuel": ["lives in a cold home where the heating is rationed"],
    "caring": ["is caring for a parent with a long-term illness", "looks after younger siblings most evenings"],
    "substance-use": ["has been drinking with older friends at weekends", "has been using cannabis regularly"],
    "community-justice": ["has been charged with a minor offence and could be diverted from prosecution",
                          "has been involved in antisocial behaviour in the area"],
    "employment-skills": ["has left school with no plans for work or training",
                          "wants help to find an apprenticeship"],
    "housing": ["has been asked to leave the family home"],
}
ADULT_CONTEXT = {
    SW: ["Raised by the social work duty team", "Picked up at a social work review",
         "Raised by social work after a concern from a neighbour"],
    HOUSING: ["Raised by a housing officer after a tenancy visit", "Came in through a housing options interview",
              "Flagged by the rent team"],
    NHS: ["Flagged at a GP practice appointment", "Raised by a community nurse",
          "Raised by the hospital discharge team"],
    HSCP: ["Raised by a link worker", "Came up during a care needs assessment", "Raised by the care at home team"],
    POLICE: ["Raised by police after a welfare check", "Passed on by community police officers",
             "Raised by police following a call to the address"],
    SFRS: ["Identified during a home fire safety visit", "Raised by fire crews after a callout"],
    KHA: ["Raised by a housing association tenancy officer", "Flagged during an annual tenancy check"],
    TSI: ["Raised by a community connector", "Came in through a volunteer befriender"],
    ADVICE: ["Came in at a money advice drop-in", "Self-referred to the advice line"],
    FOOD: ["Came in at a community pantry", "Raised by food bank volunteers"],
    CARERS: ["Raised by a carers' support worker", "Came in at a carers' group"],
    YOUTH: ["Raised by an employability keyworker", "Came in at the employability hub"],
}
CHILD_CONTEXT = {
    SW: ["Raised by social work after a concern from school", "Raised by the children and families duty team"],
    HOUSING: ["Raised by a housing officer after a family tenancy visit"],
    NHS: ["Raised by the school nursing team", "Raised by a health visitor", "Flagged at a GP appointment"],
    HSCP: ["Raised by a link worker supporting the family"],
    POLICE: ["Raised by police after a concern for a child", "Passed on by a school-based police officer"],
    SFRS: ["Raised after a home fire safety visit to the family"],
    KHA: ["Raised by a housing association officer visiting the family"],
    TSI: ["Raised by a community connector working with the family"],
    ADVICE: ["Raised by an adviser helping the family"],
    FOOD: ["Raised by pantry volunteers who know the family"],
    CARERS: ["Raised by the young carers worker"],
    YOUTH: ["Raised by a youth worker", "Came in at a youth drop-in"],
}

DECLINE_REASONS = ["Outside our catchment for this address", "At capacity; the waiting list is closed",
                   "Does not meet the service's eligibility criteria",
                   "Already open to another team for this need",
                   "The referral did not include enough information to assess"]
DECLINE_SUGGEST_REASONS = ["Better met by the suggested service", "Needs a more specialist service; see suggestion",
                           "Our sessions do not fit; the suggested service runs locally"]
WITHDRAW_REASONS = ["Resident no longer wants this referral", "Sent to the wrong service in error",
                    "Family are now helping with this", "Resident moved address before the first contact"]
UNSUCCESSFUL_REASONS = ["Did not attend three offered appointments", "Could not make contact after several attempts",
                        "Support ended before the goal was reached", "Resident stopped engaging after two sessions"]
NEED_CLOSE_REASONS = ["Resident declined support for this need", "No longer needed", "Resolved without a referral",
                      "Resident moved out of the area", "Could not make contact after several attempts"]
CASE_CLOSE_ALL_MET = ["All needs met", "All needs met; support no longer needed"]
CASE_CLOSE_OTHER = ["Resident declined further support", "Resident moved out of Fife",
                    "No contact after repeated attempts", "Needs resolved or closed; no further action"]


class World:
    def __init__(self, places, members, services, residents):
        self.places = {p["id"]: p for p in places}
        self.members = members
        self.services = services
        self.residents = residents

    def chain(self, place_id):
        out = []
        while place_id is not None:
            out.append(place_id)
            place_id = self.places[place_id]["parent"]
        return out

    def area_of(self, place_id):
        return next(p for p in self.chain(place_id) if self.places[p]["kind"] == "area")

    def serves(self, member, place_id):
        chain = self.chain(place_id)
        return any(p in chain for p in member["places"])

    def covers(self, service, place_id):
        chain = self.chain(place_id)
        return any(p in chain for p in service["places"])


def pick_needs(rng, age, count):
    if age < 18:
        weights = {k: w for k, w in CHILD_NEED_WEIGHTS.items() if age >= CHILD_MIN_AGE.get(k, 0)}
    else:
        weights = dict(ADULT_NEED_WEIGHTS)
        if age >= 70:
            for k in ["employment-skills", "community-justice", "child-wellbeing"]:
                weights.pop(k)
            weights["social-isolation"] *= 2.5
            weights["physical-health"] *= 2
            weights["substance-use"] *= 0.3
        elif age >= 60:
            weights.pop("child-wellbeing")
    chosen = []
    keys = [k for k in CATEGORY_KEYS if k in weights]
    while len(chosen) < min(count, len(keys)):
        k = rng.choices(keys, [weights[x] for x in keys])[0]
        if k not in chosen:
            chosen.append(k)
    return chosen


def summary(rng, door_agency, age, categories):
    if age < 18:
        subject = "child" if age < 12 else "young person"
        context = rng.choice(CHILD_CONTEXT[door_agency])
        phrases = [rng.choice(CHILD_PHRASES[c]) for c in categories[:2]]
    else:
        subject = "resident"
        context = rng.choice(ADULT_CONTEXT[door_agency])
        phrases = [rng.choice(ADULT_PHRASES[c]) for c in categories[:2]]
    return f"{context}: {subject} {', and '.join(phrases)}."


def pick_member(rng, candidates, weight):
    return rng.choices(candidates, [weight(m) for m in candidates])[0]


def build_cases(rng, world):
    members = world.members
    services = world.services
    agency_needs = {}
    for s in services:
        agency_needs.setdefault(s["agency"], set()).update(s["needs"])
    ages = {r["id"]: age_on(date.fromisoformat(r["dateOfBirth"]), TODAY) for r in world.residents}

    # When each case opened: working moments spread over the year, numbered in order.
    days = []
    day = workday(FIRST_OPEN_DAY)
    while day <= LAST_OPEN_DAY:
        days.append(day)
        day = workday(day + ONE_DAY)
    opened = sorted(at_work(rng, rng.choice(days)) for _ in range(CASE_COUNT))

    # Which resident each case is for: skewed towards deprived areas, at most 3 each.
    counts = {r["id"]: 0 for r in world.residents}
    skew = {r["id"]: CASE_SKEW[world.area_of(r["place"])] for r in world.residents}
    case_residents = []
    for _ in range(CASE_COUNT):
        factor = {0: 2.0, 1: 1.0, 2: 0.6, 3: 0.0}
        resident = rng.choices(world.residents, [skew[r["id"]] * factor[counts[r["id"]]]
                                                 for r in world.residents])[0]
        counts[resident["id"]] += 1
        case_residents.append(resident)

    # Which cases are closed (older cases more likely) and what the open ones look like.
    age_days = [(NOW - t).days for t in opened]
    pool = [i for i in range(CASE_COUNT) if age_days[i] >= 21]
    closed = set()
    while len(closed) < CLOSED_CASES:
        i = rng.choices(pool, [age_days[j] for j in pool])[0]
        closed.add(i)
        pool.remove(i)
    open_cases = [i for i in range(CASE_COUNT) if i not in closed]
    profile = {i: "progress" for i in open_cases}
    pool = list(open_cases)
    for name, count in [("triage", TRIAGE_CASES), ("returned", RETURNED_CASES)]:
        for _ in range(count):
            i = rng.choices(pool, [3.0 if age_days[j] < 21 or name == "returned" else 1.0 for j in pool])[0]
            profile[i] = name
            pool.remove(i)

    cases = []
    for i in range(CASE_COUNT):
        resident = case_residents[i]
        age = ages[resident["id"]]
        place = resident["place"]
        is_closed = i in closed
        kind = "closed" if is_closed else profile[i]
        n_needs = rng.choices([1, 2, 3, 4], [35, 35, 20, 10])[0]
        # In an older case, the need awaiting triage or just returned is a recent addition.
        recent_last = (kind == "triage" and age_days[i] > 30) or (kind == "returned" and age_days[i] > 60)
        if recent_last:
            n_needs = max(n_needs, 2)
        categories = pick_needs(rng, age, n_needs)

        staff = [m for m in members if m["role"] in ("frontline", "lead") and world.serves(m, place)]

        def door_weight(m):
            w = 3.0 if m["role"] == "frontline" else 1.0
            if "place-fife" in m["places"]:
                w *= 0.3
            if categories[0] in agency_needs.get(m["agency"], ()):
                w *= 3
            if age < 18 and m["agency"] in (ADVICE, FOOD, HOUSING, KHA):
                w *= 0.2
            return w

        door = pick_member(rng, staff, door_weight)
        # The door usually keeps the case; police and fire crews usually hand it on.
        lead = door
        keep = 0.25 if door["agency"] in (POLICE, SFRS) else 0.7
        others = [m for m in staff if m is not door and m["agency"] not in (POLICE, SFRS)]
        if rng.random() > keep and others:
            lead = pick_member(rng, others, lambda m: (2.0 if m["role"] == "lead" else 1.0)
                               * (0.3 if "place-fife" in m["places"] else 1.0))

        case = {
            "id": f"case-{i + 1:04d}", "resident": resident["id"], "place": place,
            "doorAgency": door["agency"], "doorMember": door["id"], "lead": lead["id"],
            "status": "closed" if is_closed else "open", "openedAt": opened[i],
            "closedAt": None, "closedBy": None, "closedReason": None,
            "summary": summary(rng, door["agency"], age, categories), "needs": [],
        }
        build_needs(rng, world, case, categories, kind, door, lead, recent_last)
        cases.append(case)

    for case in cases:
        case["openedAt"] = iso(case["openedAt"])
    return cases


def needs_targets(rng, kind, n, recent_last):
    """The end state of each need in a case of the given kind."""
    def progress():
        return rng.choices(["accepted", "sent", "met", "closed"], [45, 20, 25, 10])[0]

    if kind == "closed":
        return [rng.choices(["met", "closed"], [70, 30])[0] for _ in range(n)]
    targets = [progress() for _ in range(n)]
    if kind == "triage":
        targets[-1] = "triage"
    elif kind == "returned":
        targets[n - 1 if recent_last else rng.randrange(n)] = "returned"
    if not any(t in ("accepted", "sent") for t in targets) and kind == "progress":
        targets[rng.randrange(n)] = rng.choice(["accepted", "sent"])
    return targets


def referral_plan(rng, target):
    fail = lambda: rng.choices(["declined", "withdrawn", "unsuccessful"], [50, 20, 30])[0]
    lead_in = [fail()] if rng.random() < 0.2 else []
    if target == "triage":
        return []
    if target == "returned":
        return [fail() for _ in range(rng.choices([1, 2], [75, 25])[0])]
    if target in ("sent", "accepted"):
        return lead_in + [target]
    if target == "met":
        return lead_in + ["successful"]
    if target == "closed":
        return [fail() for _ in range(rng.choices([0, 1, 2], [40, 45, 15])[0])]
    raise ValueError(target)


TRIAGE_DAYS = {"urgent": (0, 1), "soon": (0, 4), "routine": (1, 12)}
RESPONSE_DAYS = {"accepted": (0, 5), "declined": (1, 7), "withdrawn": (2, 21), "successful": (14, 70),
                 "unsuccessful": (14, 60)}


def schedule(rng, start, gaps, bound):
    """Times after `start` separated by roughly `gaps` days, all at or before `bound`, or None."""
    for scale in (1, 0.5, 0.25, 0.1, 0):
        times, previous = [], start
        for gap in gaps:
            previous = later(rng, previous, int(gap * scale))
            times.append(previous)
        if not times or times[-1] <= bound:
            return times
    return None


def build_needs(rng, world, case, categories, kind, door, lead, recent_last):
    place = case["place"]
    opened = case["openedAt"]
    bound = NOW if kind != "closed" else NOW - timedelta(days=12)
    targets = needs_targets(rng, kind, len(categories), recent_last)

    # When each need was raised: the first at the door, others with it or later.
    created = [opened]
    for n in range(1, len(categories)):
        if recent_last and n == len(categories) - 1:
            window = 21 if targets[n] == "triage" else 60
            created.append(between(rng, max(created[-1], NOW - timedelta(days=window)), NOW - timedelta(days=1)))
        elif rng.random() < 0.5:
            created.append(created[-1])
        else:
            limit = bound - timedelta(days=3)
            moment = later(rng, created[-1], rng.randint(1, 45))
            created.append(moment if moment <= limit else created[-1])

    last_times = [opened]
    for n, category in enumerate(categories, start=1):
        target = targets[n - 1]
        urgency = rng.choices(["urgent", "soon", "routine"], [15, 35, 50])[0]
        plan = referral_plan(rng, target)
        need = {"id": f"need-{case['id'][5:]}-{n}", "category": category, "urgency": urgency,
                "state": None, "returned": False, "createdAt": created[n - 1], "closedAt": None,
                "closedBy": None, "closedReason": None, "referrals": []}
        # Steps: send, then the service's response; a closed need ends with its closing.
        gaps = []
        for k, outcome in enumerate(plan):
            gaps.append(rng.randint(*TRIAGE_DAYS[urgency]) if k == 0 else rng.randint(0, 7))
            if outcome != "sent":
                gaps.append(rng.randint(*RESPONSE_DAYS[outcome]))
        if target == "closed":
            gaps.append(rng.randint(1, 14))
        times = schedule(rng, need["createdAt"], gaps, bound)
        assert times is not None, (case["id"], n)
        # A referral still waiting for an answer was sent recently.
        if plan and plan[-1] == "sent" and times[-1] < NOW - timedelta(days=14):
            previous = times[-2] if len(times) > 1 else need["createdAt"]
            times[-1] = between(rng, max(previous, NOW - timedelta(days=14)), NOW) or times[-1]

        step = iter(times)
        previous_service = None
        suggested = None
        for k, outcome in enumerate(plan, start=1):
            in_flight = outcome in ("sent", "accepted")
            service = None
            if suggested is not None and rng.random() < 0.7:
                service = suggested
            if service is None:
                service = pick_service(rng, world, category, place, in_flight, previous_service)
            sent_by = lead if rng.random() < 0.75 else door
            referral = {"id": f"ref-{case['id'][5:]}-{n}-{k}", "service": service["id"],
                        "state": outcome if outcome not in ("successful", "unsuccessful") else "completed",
                        "sentAt": next(step), "sentBy": sent_by["id"], "respondedAt": None,
                        "respondedBy": None, "reason": None, "suggestedService": None, "outcome": None}
            suggested = None
            if outcome != "sent":
                referral["respondedAt"] = next(step)
                if outcome == "withdrawn":
                    referral["respondedBy"] = sent_by["id"]
                    referral["reason"] = rng.choice(WITHDRAW_REASONS)
                else:
                    referral["respondedBy"] = responder(rng, world, service, place)["id"]
                if outcome == "declined":
                    alternative = None
                    if rng.random() < 0.4:
                        alternative = pick_service(rng, world, category, place, True, service, strict=True)
                    if alternative is not None:
                        referral["suggestedService"] = alternative["id"]
                        referral["reason"] = rng.choice(DECLINE_SUGGEST_REASONS)
                        suggested = alternative
                    else:
                        referral["reason"] = rng.choice(DECLINE_REASONS)
                if outcome in ("successful", "unsuccessful"):
                    referral["outcome"] = outcome
                    if outcome == "unsuccessful":
                        referral["reason"] = rng.choice(UNSUCCESSFUL_REASONS)
            need["referrals"].append(referral)
            previous_service = service

        if target == "triage":
            need["state"] = "open"
        elif target == "returned":
            need["state"], need["returned"] = "open", True
        elif target in ("sent", "accepted"):
            need["state"] = "routed"
        elif target == "met":
            need["state"] = "met"
        else:
            need["state"] = "closed"
            need["closedAt"] = next(step)
            need["closedBy"] = case["lead"]
            need["closedReason"] = rng.choice(NEED_CLOSE_REASONS)
        last_times.append(times[-1] if times else need["createdAt"])
        case["needs"].append(need)

    if kind == "closed":
        end = max(last_times)
        closed_at = later(rng, end, rng.randint(1, 10))
        if closed_at > NOW:
            closed_at = later(rng, end, 0)
        case["closedAt"] = iso(closed_at)
        case["closedBy"] = case["lead"]
        all_met = all(need["state"] == "met" for need in case["needs"])
        case["closedReason"] = rng.choice(CASE_CLOSE_ALL_MET if all_met else CASE_CLOSE_OTHER)

    for need in case["needs"]:
        for key in ("createdAt", "closedAt"):
            if isinstance(need[key], datetime):
                need[key] = iso(need[key])
        for referral in need["referrals"]:
            for key in ("sentAt", "respondedAt"):
                if isinstance(referral[key], datetime):
                    referral[key] = iso(referral[key])


def pick_service(rng, world, category, place, in_flight, avoid, strict=False):
    def candidates(exclude):
        return [s for s in world.services
                if category in s["needs"] and s["acceptsReferrals"] and world.covers(s, place)
                and (s["status"] == "active" or not in_flight) and s is not exclude]
    options = candidates(avoid)
    if not options:
        if strict:
            return None
        options = candidates(None)

    def weight(s):
        level = world.places[s["places"][0]]["kind"]
        w = {"community": 3.0, "area": 2.0, "council": 1.0}[level]
        return w if s["status"] == "active" else w * 0.25
    return rng.choices(options, [weight(s) for s in options])[0]


def responder(rng, world, service, place):
    staff = [m for m in world.members if m["agency"] == service["agency"]]
    for pool in ([m for m in staff if m["role"] in ("frontline", "lead") and world.serves(m, place)],
                 [m for m in staff if m["role"] in ("frontline", "lead")], staff):
        if pool:
            return rng.choice(pool)
    raise ValueError(f"no member of {service['agency']}")


# ---------------------------------------------------------------------------
# Writing.

def json_text(value):
    return json.dumps(value, indent=2, ensure_ascii=False) + "\n"


def residents_csv(residents):
    buffer = io.StringIO()
    writer = csv.writer(buffer, quoting=csv.QUOTE_MINIMAL, lineterminator="\n")
    columns = ["id", "givenName", "familyName", "dateOfBirth", "postcode", "place"]
    writer.writerow(columns)
    for r in residents:
        writer.writerow([r[c] for c in columns])
    return buffer.getvalue()


def build_triage_targets():
    """Hours to first routing per urgency: Fife's defaults, and two areas
    with a locally agreed tighter target for urgent needs."""
    targets = [
        {"place": "place-fife", "urgency": "urgent", "hours": 24},
        {"place": "place-fife", "urgency": "soon", "hours": 72},
        {"place": "place-fife", "urgency": "routine", "hours": 336},
        {"place": "place-levenmouth", "urgency": "urgent", "hours": 12},
        {"place": "place-kirkcaldy", "urgency": "urgent", "hours": 12},
    ]
    return targets


# An agency that is not on Thistle: the lead records its answers on its
# behalf. Added after the cases are built, so no generated case refers to it
# and the random draws for everything else are unchanged.
OFF_THISTLE = ("agency-levenmouth-credit-union", "Levenmouth Credit Union", "charity",
               "A (fictional) community credit union: savings, affordable loans and help out of high-cost credit. "
               "It is not on Thistle: the lead records its answers.")


def add_agency_off_thistle(agencies, services):
    agency, name, kind, description = OFF_THISTLE
    agencies.append({"id": agency, "name": name, "kind": kind, "description": description,
                     "website": "https://example.org/" + agency.removeprefix("agency-")})
    used = {loc["id"] for s in services for loc in s["locations"]}
    services.append({
        "id": "service-levenmouth-credit-union-affordable-loans",
        "name": "Levenmouth Credit Union Affordable Loans",
        "agency": agency,
        "description": "Small loans at a fair rate and a way out of doorstep and payday debt, with a savings "
                       "account alongside.",
        "status": "active",
        "needs": ["money-debt"],
        "places": [pid("Levenmouth")],
        "acceptsReferrals": True,
        "typicalWaitDays": 5,
        "email": "levenmouth-credit-union-affordable-loans@example.org",
        "phone": "01632 960000",  # the drama range; 000 is never drawn
        "locations": [{"id": f"location-{len(used) + 1}", "name": "Levenmouth Credit Union",
                       "address": "14 High Street, Leven", "postcode": "KY8 4ZZ", "place": community_id("Leven")}],
    })
    services.sort(key=lambda s: s["id"])

# ---------------------------------------------------------------------------
# Prevention: national outcomes, indicators and their values, scorecards, the
# areas' plans, Place Standard assessments, evidence, funding pots and
# learning. Built after everything above, each from its own generator (never
# the cases' one), so the files above stay byte-identical. Every figure, plan,
# quote, score and pound is synthetic; a `source` names only the shape of the
# real data a figure imitates.

PREVENTION_SEEDS = {"indicator-values": SEED + 4, "plans": SEED + 5, "place-standard": SEED + 6,
                    "evidence": SEED + 7, "pots": SEED + 8, "learning": SEED + 9}

# Scotland's National Performance Framework national outcomes; the
# descriptions are ours.
OUTCOMES = [
    ("children-and-young-people", "Children and Young People",
     "Children and young people are safe, loved and listened to, and get the support they need to do well."),
    ("communities", "Communities",
     "People live in welcoming, safe and strong communities and have a real say in what happens there."),
    ("culture", "Culture",
     "People take part in and enjoy a rich and varied cultural life, and their heritage is valued."),
    ("economy", "Economy",
     "The economy is sustainable and inclusive, so that what it creates reaches everyone."),
    ("education", "Education",
     "People are well educated and skilled, and can keep learning throughout their lives."),
    ("environment", "Environment",
     "The natural environment is valued, protected and improved, and everyone can enjoy it."),
    ("fair-work-and-business", "Fair Work and Business",
     "Businesses thrive and everyone can get secure, fair work that pays enough to live on."),
    ("health", "Health",
     "People are healthy and active, and the gap in health between richer and poorer areas is closing."),
    ("human-rights", "Human Rights",
     "Everyone's human rights are respected and fulfilled, and people live free from discrimination."),
    ("international", "International",
     "Scotland is open and connected and makes a positive contribution to the wider world."),
    ("poverty", "Poverty",
     "Wealth, income and power are shared more fairly, and fewer people live in poverty."),
]
OUTCOME_KEYS = [o[0] for o in OUTCOMES]


def build_outcomes():
    return [{"key": k, "name": n, "description": d} for k, n, d in OUTCOMES]


# Indicators: (name, unit, polarity, kind, per, target, source, model). The
# model is synthetic: `base` is the Fife-wide level (a rate in its displayed
# unit, a count per 1,000 people per quarter, or a mean), `dep` how strongly it
# follows deprivation (an exponent for rates and counts, points for a mean),
# `trend` the change per quarter (relative, or points for a mean), `season`
# the factor (or points) for quarters 1..4, `denominator` the population base.
HIGHER, LOWER = "higher-is-better", "lower-is-better"
INDICATORS = [
    ("Child poverty", "% of children", LOWER, "rate", 100, 18,
     "Synthetic, in the shape of DWP Children in Low Income Families (relative, before housing costs)",
     dict(base=22.0, dep=0.35, trend=0.004, denominator="children")),
    ("Claimant count", "% of working-age people", LOWER, "rate", 100, 3.0,
     "Synthetic, in the shape of the ONS claimant count",
     dict(base=3.2, dep=0.45, trend=-0.006, season=(1.05, 1.0, 0.97, 0.98), denominator="working-age")),
    ("Emergency admissions", "per 1,000 people", LOWER, "rate", 1000, 24,
     "Synthetic, in the shape of Public Health Scotland emergency hospital admissions",
     dict(base=25.0, dep=0.22, trend=0.003, season=(1.1, 0.95, 0.92, 1.05), denominator="people")),
    ("Antisocial behaviour", "incidents", LOWER, "count", None, None,
     "Synthetic, in the shape of Police Scotland antisocial behaviour incident logs",
     dict(base=11.0, dep=0.6, trend=-0.01, season=(0.85, 1.05, 1.15, 1.0))),
    ("Deliberate fires", "incidents", LOWER, "count", None, None,
     "Synthetic, in the shape of Scottish Fire and Rescue Service deliberate fire statistics",
     dict(base=0.6, dep=0.8, trend=-0.008, season=(0.75, 1.5, 0.9, 1.15))),
    ("Adults physically active", "% of adults", HIGHER, "rate", 100, 68,
     "Synthetic, in the shape of Scottish Health Survey small-area estimates",
     dict(base=64.0, dep=-0.08, trend=0.002, denominator="adults")),
    ("Greenspace visits", "% of adults visiting weekly", HIGHER, "rate", 100, 60,
     "Synthetic, in the shape of the Scottish Household Survey greenspace questions",
     dict(base=56.0, dep=-0.12, trend=0.002, season=(0.88, 1.05, 1.1, 0.97), denominator="adults")),
    ("Fuel poverty", "% of households", LOWER, "rate", 100, 18,
     "Synthetic, in the shape of Scottish House Condition Survey fuel poverty estimates",
     dict(base=24.0, dep=0.22, trend=0.004, denominator="households")),
    ("Food bank parcels", "parcels", LOWER, "count", None, None,
     "Synthetic, in the shape of food bank network parcel returns",
     dict(base=6.0, dep=0.7, trend=0.012, season=(1.1, 0.9, 0.95, 1.15))),
    ("School attendance", "%", HIGHER, "mean", None, 92.0,
     "Synthetic, in the shape of school attendance returns (the mean of local schools' attendance)",
     dict(base=90.8, dep=-1.6, trend=0.05, season=(-0.8, 0.4, 0.6, -0.3), noise=0.5)),
    ("Drug-related deaths", "deaths", LOWER, "count", None, None,
     "Synthetic, in the shape of National Records of Scotland drug-related deaths",
     dict(base=0.035, dep=0.9, trend=0.0)),
    ("Volunteering", "% of adults", HIGHER, "rate", 100, 26,
     "Synthetic, in the shape of Scottish Household Survey volunteering estimates",
     dict(base=24.0, dep=-0.2, trend=0.004, denominator="adults")),
    ("Delayed discharge", "bed days", LOWER, "count", None, None,
     "Synthetic, in the shape of Public Health Scotland delayed discharge bed days",
     dict(base=28.0, dep=0.15, trend=0.01, season=(1.15, 0.95, 0.9, 1.0))),
    ("Homelessness applications", "applications", LOWER, "count", None, None,
     "Synthetic, in the shape of Scottish Government homelessness (HL1) applications",
     dict(base=1.8, dep=0.5, trend=0.008)),
]
INDICATOR_IDS = ["indicator-" + slug(i[0]) for i in INDICATORS]

# Shares of a community's population that a rate is out of (synthetic).
DENOMINATOR_SHARES = {"children": 0.18, "working-age": 0.62, "people": 1.0, "adults": 0.80, "households": 0.45}

PERIODS = ["2024-Q4", "2025-Q1", "2025-Q2", "2025-Q3", "2025-Q4", "2026-Q1", "2026-Q2", "2026-Q3"]

# How much more or less deprived a community is than its area (synthetic,
# loosely following the public picture; added to the log of the area's CASE_SKEW).
COMMUNITY_TILT = {
    "Lundin Links": -0.9, "Lower Largo": -0.8, "Methil": 0.3, "Buckhaven": 0.3,
    "St Andrews": -0.3, "Newport-on-Tay": -0.3, "Wormit": -0.3,
    "Dalgety Bay": -0.4, "Aberdour": -0.5, "North Queensferry": -0.5, "High Valleyfield": 0.6,
    "Crossford": -0.3, "Kinghorn": -0.4, "Burntisland": -0.2, "Dysart": 0.2, "Kirkcaldy": 0.1,
    "Ballingry": 0.5, "Lochore": 0.3, "Lochgelly": 0.4, "Cowdenbeath": 0.1,
    "Coaltown of Balgonie": -0.2, "Glenrothes": 0.1,
}

# Area-specific levels (exponents, or points for a mean) and trends (per
# quarter) on top of the indicator's model: rural fuel poverty and housing
# pressure in North East Fife, Levenmouth's child poverty rising while its
# claimant count falls, and so on. They match the plans' RAG reasons.
INDICATOR_AREA_TILT = {
    ("indicator-fuel-poverty", "place-north-east-fife"): 0.35,
    ("indicator-homelessness-applications", "place-north-east-fife"): 0.5,
    ("indicator-delayed-discharge", "place-north-east-fife"): 0.3,
    ("indicator-delayed-discharge", "place-kirkcaldy"): 0.2,
    ("indicator-antisocial-behaviour", "place-kirkcaldy"): 0.15,
}
INDICATOR_AREA_TREND = {
    ("indicator-child-poverty", "place-levenmouth"): 0.012,
    ("indicator-claimant-count", "place-levenmouth"): -0.012,
    ("indicator-deliberate-fires", "place-levenmouth"): -0.03,
    ("indicator-antisocial-behaviour", "place-glenrothes"): -0.03,
    ("indicator-school-attendance", "place-glenrothes"): 0.1,
    ("indicator-drug-related-deaths", "place-kirkcaldy"): 0.06,
    ("indicator-delayed-discharge", "place-kirkcaldy"): 0.025,
    ("indicator-food-bank-parcels", "place-kirkcaldy"): -0.015,
    ("indicator-homelessness-applications", "place-north-east-fife"): 0.03,
}

# Deliberate gaps in indicator-values.csv: a return that never came in, so the
# parent's roll-up for that period is incomplete. (indicator, community, period):
#   school attendance, Kinglassie, 2025-Q3          (Glenrothes, mid-series)
#   adults physically active, Auchtertool, 2026-Q1  (Kirkcaldy: too few survey answers)
#   claimant count, Wormit, 2025-Q2                 (North East Fife)
#   fuel poverty, Crosshill, 2026-Q2                (Cowdenbeath)
#   food bank parcels, Methilhill, 2026-Q3          (Levenmouth's latest quarter is incomplete)
INDICATOR_GAPS = [
    ("indicator-school-attendance", "Kinglassie", "2025-Q3"),
    ("indicator-adults-physically-active", "Auchtertool", "2026-Q1"),
    ("indicator-claimant-count", "Wormit", "2025-Q2"),
    ("indicator-fuel-poverty", "Crosshill", "2026-Q2"),
    ("indicator-food-bank-parcels", "Methilhill", "2026-Q3"),
]


def build_indicators():
    return [{"id": iid, "name": name, "unit": unit, "polarity": polarity, "source": source, "kind": kind,
             "per": per, "target": target}
            for iid, (name, unit, polarity, kind, per, target, source, _) in zip(INDICATOR_IDS, INDICATORS)]


def poisson(rng, mean):
    if mean <= 0:
        return 0
    if mean > 30:
        return max(0, round(rng.gauss(mean, mean ** 0.5)))
    limit, k, product = math.exp(-mean), 0, rng.random()
    while product > limit:
        k += 1
        product *= rng.random()
    return k


def area_deprivation(area_id):
    return math.log(CASE_SKEW[area_id])


def build_indicator_values(places):
    """One row per indicator, community and quarter, but for INDICATOR_GAPS.
    Every draw is made even for a gap, so the gaps do not shift other values."""
    rng = random.Random(PREVENTION_SEEDS["indicator-values"])
    communities = [p for p in places if p["kind"] == "community"]
    areas = [p for p in places if p["kind"] == "area"]
    deprivation = {c["id"]: area_deprivation(c["parent"]) + COMMUNITY_TILT.get(c["name"], 0.0) + rng.gauss(0, 0.15)
                   for c in communities}
    gaps = {(i, community_id(c), p) for i, c, p in INDICATOR_GAPS}
    rows = []
    for iid, (_, _, _, kind, per, _, _, model) in zip(INDICATOR_IDS, INDICATORS):
        mean_kind = kind == "mean"
        trend = {a["id"]: model["trend"] + INDICATOR_AREA_TREND.get((iid, a["id"]), 0.0)
                 + rng.gauss(0, 0.04 if mean_kind else 0.004) for a in areas}
        season = model.get("season", (0.0,) * 4 if mean_kind else (1.0,) * 4)
        for c in communities:
            # A community's own quirks; a big town's average out.
            quirk = (0.6 if mean_kind else 0.1) / math.sqrt(1 + c["population"] / 3000)
            level = model["dep"] * deprivation[c["id"]] + INDICATOR_AREA_TILT.get((iid, c["parent"]), 0.0) \
                + rng.gauss(0, quirk)
            denominator = round(c["population"] * DENOMINATOR_SHARES[model["denominator"]]) \
                if kind == "rate" else None
            for t, period in enumerate(PERIODS):
                quarter = int(period[-1])
                row = {"indicator": iid, "place": c["id"], "period": period,
                       "value": "", "numerator": "", "denominator": ""}
                if mean_kind:
                    value = model["base"] + level + trend[c["parent"]] * t + season[quarter - 1] \
                        + rng.gauss(0, model["noise"])
                    row["value"] = f"{min(98.5, max(80.0, value)):.1f}"
                else:
                    expected = model["base"] * math.exp(level) * (1 + trend[c["parent"]]) ** t * season[quarter - 1]
                    if kind == "count":
                        row["value"] = str(poisson(rng, expected * c["population"] / 1000))
                    elif per == 100:
                        share = min(0.95, max(0.005, expected / 100))
                        spread = (denominator * share * (1 - share)) ** 0.5
                        numerator = round(rng.gauss(denominator * share, spread))
                        row["numerator"] = str(min(denominator, max(0, numerator)))
                        row["denominator"] = str(denominator)
                    else:
                        row["numerator"] = str(min(denominator, poisson(rng, expected / per * denominator)))
                        row["denominator"] = str(denominator)
                if (iid, c["id"], period) not in gaps:
                    rows.append(row)
    return rows


INDICATOR_VALUE_COLUMNS = ["indicator", "place", "period", "value", "numerator", "denominator"]


def indicator_values_csv(rows):
    buffer = io.StringIO()
    writer = csv.writer(buffer, quoting=csv.QUOTE_MINIMAL, lineterminator="\n")
    writer.writerow(INDICATOR_VALUE_COLUMNS)
    for r in rows:
        writer.writerow([r[c] for c in INDICATOR_VALUE_COLUMNS])
    return buffer.getvalue()


# The prevention scorecard: Fife's and each area's (indicator names, slugged).
SCORECARDS = [
    ("Fife", ["child-poverty", "claimant-count", "emergency-admissions", "fuel-poverty", "school-attendance",
              "drug-related-deaths"]),
    ("Cowdenbeath", ["child-poverty", "claimant-count", "antisocial-behaviour", "fuel-poverty",
                     "drug-related-deaths"]),
    ("City of Dunfermline", ["claimant-count", "emergency-admissions", "adults-physically-active",
                             "greenspace-visits", "volunteering", "food-bank-parcels"]),
    ("Glenrothes", ["school-attendance", "antisocial-behaviour", "claimant-count", "emergency-admissions",
                    "greenspace-visits"]),
    ("Kirkcaldy", ["antisocial-behaviour", "fuel-poverty", "child-poverty", "drug-related-deaths",
                   "delayed-discharge", "food-bank-parcels", "school-attendance"]),
    ("Levenmouth", ["child-poverty", "claimant-count", "fuel-poverty", "food-bank-parcels", "drug-related-deaths",
                    "deliberate-fires", "emergency-admissions"]),
    ("North East Fife", ["volunteering", "fuel-poverty", "food-bank-parcels", "homelessness-applications",
                         "school-attendance", "emergency-admissions"]),
    ("South West Fife", ["child-poverty", "claimant-count", "school-attendance", "emergency-admissions",
                         "greenspace-visits", "adults-physically-active"]),
]


def build_scorecards():
    return [{"place": pid(place), "indicators": ["indicator-" + i for i in ids]} for place, ids in SCORECARDS]


# ---------------------------------------------------------------------------
# Plans (fictional): each area's 2026-27 prevention plan. A priority is
# (title, description, lead agency, partners, outcomes, indicators, RAG,
# RAG reason, actions); indicators are slugged names. Owners, due dates,
# statuses and RAG dates are drawn.

PLAN_PERIOD = "2026-27"
PLANS = {
    "Cowdenbeath": (
        "Cowdenbeath's towns and villages, from Kelty to Benarty, are places where families have enough money, "
        "young people have somewhere to go and nobody reaches a crisis alone.", [
            ("Put more money in families' pockets",
             "Benefit checks and income maximisation for families with children, starting in Benarty and "
             "Lochgelly where take-up is lowest.",
             ADVICE, [HOUSING, SW], ["poverty", "children-and-young-people"], ["child-poverty", "claimant-count"],
             "amber", "Benefit checks are up by a third, but Scottish Child Payment take-up in Benarty is still "
                      "below the Fife rate.",
             ["Benefit checks at every nursery and primary in Benarty", "Money advice sessions in Lochgelly",
              "Monthly referral figures shared with advice partners"]),
            ("Somewhere to go on a Friday night",
             "Evening youth work and diversion in Kelty, Lochgelly and Cardenden, so young people have somewhere "
             "to be and fewer end up in trouble.",
             YOUTH, [POLICE, SFRS], ["children-and-young-people", "communities"],
             ["antisocial-behaviour", "deliberate-fires"],
             "amber", "The Kelty drop-in is running, but Cardenden still has no venue after the hall roof failed.",
             ["Open a Friday drop-in in Kelty", "Find an evening venue in Cardenden",
              "Fire Reach course for Lochgelly pupils", "Agree detached youth work routes with community police"]),
            ("Warm homes this winter",
             "Insulation, heating repairs and energy advice for the coldest council and housing association homes "
             "before the winter.",
             HOUSING, [ADVICE, FOOD], ["poverty", "health"], ["fuel-poverty"],
             "green", "Every home on the priority list has had an energy check, and fuel vouchers are ready at "
                      "every food share.",
             ["Energy checks for older council homes in Cardenden", "Fuel vouchers at every food share",
              "Publish the winter warm spaces list"]),
            ("Support unpaid carers before they burn out",
             "Find carers early through GP practices and schools, and give them a break before caring breaks them.",
             CARERS, [HSCP, TSI], ["health", "communities"], ["emergency-admissions", "delayed-discharge"],
             "red", "The short-break waiting list has doubled since the summer and two respite beds have closed.",
             ["Carer check-ins at every GP practice", "Recruit volunteer sitters for short breaks",
              "Young carers group at the high school"]),
            ("Recovery that lasts",
             "Keep people alive and in recovery: naloxone everywhere, quicker prescribing and peer support that "
             "does not stop at five o'clock.",
             NHS, [TSI, SW], ["health", "human-rights"], ["drug-related-deaths"],
             "amber", "Naloxone is now in twelve venues; the same-day prescribing pilot is waiting for staff.",
             ["Naloxone kits in every community venue", "Peer recovery cafe in Lochgelly",
              "Same-day prescribing pilot"]),
        ]),
    "City of Dunfermline": (
        "A growing city where new neighbourhoods feel like communities, older people stay connected and nobody "
        "is left behind by the growth.", [
            ("Make the new estates feel like home",
             "Help people moving into Duloch and Halbeath meet neighbours, find local groups and shape their "
             "streets.",
             TSI, [HOUSING, KHA], ["communities"], ["volunteering", "greenspace-visits"],
             "green", "Residents' groups now meet in both estates and the community room is booked most evenings.",
             ["Start a residents' group in Duloch", "Open the Halbeath community room in the evenings",
              "Welcome pack for new tenants"]),
            ("Connect isolated older people",
             "Find older people who are lonely, through GPs, pharmacies and neighbours, and link them with "
             "befrienders, lunch clubs and transport.",
             HSCP, [TSI, CARERS], ["health", "communities"], ["emergency-admissions", "volunteering"],
             "amber", "Befriender numbers are up, but people still wait eight weeks for a match.",
             ["Befriender recruitment drive", "Lunch club in Townhill", "Loneliness question at every care review",
              "Community transport to lunch clubs"]),
            ("Fewer people reaching crisis with debt",
             "Spot money trouble early, from rent arrears to council tax, and get people to advice before the "
             "letters turn into court action.",
             ADVICE, [HOUSING], ["poverty", "economy"], ["claimant-count", "food-bank-parcels"],
             "amber", "Early-contact letters are going out, but food bank parcels in the city are still rising.",
             ["Rewrite the rent arrears letter with tenants", "Debt advice at the Dunfermline food bank",
              "Credit union savings at local workplaces"]),
            ("More people moving more",
             "Walking, swimming and park activities that are free, local and welcoming for people who are not "
             "active now.",
             NHS, [TSI, YOUTH], ["health", "environment"], ["adults-physically-active", "greenspace-visits"],
             "green", "Led walks run from every GP practice and the free family swim is full each week.",
             ["Led walks from every GP practice", "Free family swim sessions",
              "Walking route maps for the city parks"]),
            ("Young people into work",
             "Apprenticeships, placements and mentoring with city employers for 16 to 24 year olds who are not "
             "in work or learning.",
             YOUTH, [ADVICE, SW], ["fair-work-and-business", "education", "economy"],
             ["claimant-count", "school-attendance"],
             "red", "Two of the five partner employers have withdrawn their placements this year.",
             ["Recruit three new placement employers", "Mentors for care-experienced young people",
              "Jobs fair with the college"]),
        ]),
    "Glenrothes": (
        "A new town that looks after its neighbourhoods: safe streets, good work, and children in school "
        "ready to learn.", [
            ("Children in school, every day",
             "Work with families whose children are missing school, finding out why and fixing the practical "
             "things first: transport, uniform, mornings and worries.",
             SW, [YOUTH, NHS], ["education", "children-and-young-people"], ["school-attendance", "child-poverty"],
             "amber", "Attendance is up at two of the three secondaries but down at the third.",
             ["Family support worker in each secondary", "Walking bus for the Pitteuchar primaries",
              "Uniform and kit bank", "Attendance check-ins before the winter break"]),
            ("Safer streets around the town centre",
             "Evening patrols, youth work and better lighting around the town centre and the bus station.",
             POLICE, [YOUTH, SFRS], ["communities"], ["antisocial-behaviour", "deliberate-fires"],
             "green", "Antisocial behaviour calls around the bus station are down for the third quarter running.",
             ["Joint evening patrols with youth workers", "Lighting survey of the town centre paths",
              "Bonfire season plan with the fire service"]),
            ("Good work for people on benefits",
             "Keyworker support into fair, local work for people who have been out of work for a long time, "
             "with volunteering as a first step.",
             YOUTH, [ADVICE, TSI], ["fair-work-and-business", "economy", "poverty"],
             ["claimant-count", "volunteering"],
             "amber", "Job starts are on track, but too few people are still in work after six months.",
             ["In-work support for six months after a job start", "Better-off calculations before every job offer",
              "Volunteering taster days"]),
            ("Mental health help without the wait",
             "Somewhere to go the same day for people in distress, and support while they wait for therapy.",
             HSCP, [NHS, TSI], ["health"], ["emergency-admissions"],
             "red", "The wait for psychological therapies has reached 30 weeks and the evening crisis space has "
                    "no funding after March.",
             ["Same-day distress drop-in at the health centre", "Peer support while waiting for therapy",
              "Find funding for the evening crisis space"]),
            ("Greener neighbourhoods",
             "Look after the parks and paths people already use, and help groups take on the green spaces "
             "near them.",
             TSI, [HOUSING], ["environment", "health"], ["greenspace-visits", "adults-physically-active"],
             "green", "Four friends-of groups now look after local green spaces and park events are well attended.",
             ["Support friends-of groups for local parks", "Community growing space in Leslie",
              "Path repairs on the river walk"]),
        ]),
    "Kirkcaldy": (
        "A Kirkcaldy where the town centre is busy and safe, homes are warm and families get help early, "
        "before things go wrong.", [
            ("Safer streets around the town centre",
             "Make the High Street and the Esplanade feel safe in the evenings, with patrols, youth work and a "
             "safe space to go.",
             POLICE, [YOUTH, TSI], ["communities"], ["antisocial-behaviour"],
             "amber", "Calls are down on the High Street but up around the bus station since the summer.",
             ["Evening safe space open three nights a week", "Street pastors on Friday and Saturday nights",
              "Youth workers alongside weekend patrols"]),
            ("Warm homes this winter",
             "Insulation, heating and energy debt advice for the coldest homes, starting with tenants on "
             "prepayment meters.",
             KHA, [HOUSING, ADVICE], ["poverty", "health", "environment"], ["fuel-poverty"],
             "amber", "Insulation work is behind after the contractor changed; energy advice is on track.",
             ["Energy advice visit for every tenant on a prepayment meter", "External wall insulation in Templehall",
              "Warm spaces in four community venues"]),
            ("Help families early",
             "Family support before things reach social work: help with money, routines, school and health in "
             "one plan.",
             SW, [NHS, YOUTH], ["children-and-young-people", "education"], ["child-poverty", "school-attendance"],
             "amber", "The early help team is recruited, but most referrals still come at crisis point.",
             ["One family plan shared by health visitors and social work",
              "Family support drop-in at the children's centre", "Train school staff to spot money worries"]),
            ("Fewer drug deaths",
             "Keep people alive: naloxone, quick treatment after a non-fatal overdose and recovery support that "
             "reaches people where they are.",
             NHS, [TSI, POLICE], ["health", "human-rights"], ["drug-related-deaths", "emergency-admissions"],
             "red", "Suspected drug deaths rose this year, and follow-up within a day of a non-fatal overdose "
                    "reaches only half of people.",
             ["Follow-up within a day of every non-fatal overdose", "Naloxone carried by community police officers",
              "Recovery cafe open at weekends"]),
            ("Home from hospital without the wait",
             "Get people home as soon as they are well, with care, adaptations or a suitable home ready.",
             HSCP, [HOUSING, KHA], ["health"], ["delayed-discharge"],
             "red", "Delayed discharge bed days are at their highest for two years, and care at home has 40 "
                    "unfilled hours a week.",
             ["Step-down flats with Kingdom Homes", "Recruit care at home staff locally",
              "Fast-track adaptations for people in hospital"]),
            ("No one hungry in Kirkcaldy",
             "Move from emergency parcels to pantries and cash-first help, with advice at every food bank session.",
             FOOD, [ADVICE], ["poverty"], ["food-bank-parcels"],
             "green", "The new pantry has 180 members and cash-first grants are paid within a day.",
             ["Cash-first crisis grants at the food bank", "Second community pantry in the east of the town",
              "Advice worker at every food bank session"]),
        ]),
    "Levenmouth": (
        "Levenmouth, where children grow up free from poverty, the railway brings good work within reach and "
        "every family knows where to turn.", [
            ("Reduce child poverty in Levenmouth",
             "Put money in families' pockets: benefit take-up, affordable childcare and one place to ask for "
             "help, starting in Methil and Buckhaven.",
             ADVICE, [SW, NHS, FOOD], ["poverty", "children-and-young-people"], ["child-poverty", "food-bank-parcels"],
             "red", "Child poverty rose again in the latest figures and Scottish Child Payment take-up has stalled.",
             ["Benefit checks by health visitors at every family visit", "Money advice in every Levenmouth primary",
              "Affordable childcare places for working parents", "One front door for family help in Methil"]),
            ("Jobs from the rail link",
             "Help people into the work the reopened railway brings within reach, with travel and childcare "
             "sorted.",
             YOUTH, [TSI], ["fair-work-and-business", "economy"], ["claimant-count"],
             "amber", "Job starts are up, but the first train is too late for many early shifts.",
             ["Travel passes for the first month in a new job", "Employer open days at Leven station",
              "Make the case for an earlier first train"]),
            ("Warm homes this winter",
             "Energy checks, repairs and fuel vouchers for the coldest homes, and warm spaces across Levenmouth.",
             HOUSING, [KHA, ADVICE, FOOD], ["poverty", "health"], ["fuel-poverty"],
             "amber", "Vouchers and warm spaces are ready, but 60 homes are still waiting for heating repairs.",
             ["Clear the heating repairs backlog", "Fuel vouchers at every pantry", "Warm spaces map for Levenmouth"]),
            ("Fewer drug deaths in Methil and Buckhaven",
             "Reach people who are not in treatment: outreach where overdoses happen, same-day treatment and "
             "peer support.",
             NHS, [TSI, SW, POLICE], ["health", "human-rights"], ["drug-related-deaths"],
             "red", "Near-fatal overdoses are clustering in two streets, and most people there are not known to "
                    "services.",
             ["Outreach in the two streets with the most overdoses", "Same-day treatment at the Methil clinic",
              "Peer navigators at the hospital front door"]),
            ("Connect isolated older people",
             "Lunch clubs, befriending and transport so older people in the villages see someone every week.",
             HSCP, [TSI, FOOD], ["health", "communities"], ["emergency-admissions", "volunteering"],
             "green", "The Leven lunch club has doubled and every village now has a befriending contact.",
             ["Second sitting at the Leven lunch club", "Befriending contact in every village",
              "Volunteer drivers for Kennoway and Windygates"]),
            ("Safer shore and parks",
             "Fewer fires and less damage on the shorefront and in the parks, with young people helping to look "
             "after them.",
             SFRS, [POLICE, YOUTH], ["communities", "environment"], ["deliberate-fires", "antisocial-behaviour"],
             "green", "Deliberate fires are down on last year and the youth ranger group has 20 members.",
             ["Youth ranger group for the shorefront", "Clear fly-tipping before bonfire season"]),
        ]),
    "North East Fife": (
        "Towns and villages where rural poverty is seen and tackled, older people stay connected and it is "
        "possible to get around without a car.", [
            ("Connect isolated older people in the East Neuk",
             "Befriending, carers' groups and phone support for older people in the coastal villages.",
             HSCP, [TSI, CARERS], ["communities", "health"], ["volunteering", "emergency-admissions"],
             "amber", "Befriending reaches Anstruther and Crail, but not yet the smaller villages.",
             ["Befriending in Pittenweem and St Monans", "Carers' coffee morning in Crail",
              "Phone befriending for people who cannot get out"]),
            ("Find hidden rural poverty",
             "Reach people who struggle quietly in a well-off area: older homeowners in cold houses, seasonal "
             "workers and families in tied housing.",
             ADVICE, [FOOD, HOUSING], ["poverty"], ["fuel-poverty", "food-bank-parcels"],
             "amber", "Outreach has found more need than expected; advice appointments are booked three weeks "
                      "ahead.",
             ["Advice surgeries in village halls", "Help with heating oil and LPG costs",
              "Benefit checks for seasonal workers"]),
            ("Homes local people can afford",
             "More affordable homes for people who work locally, and less time in temporary accommodation.",
             HOUSING, [KHA], ["communities", "economy"], ["homelessness-applications"],
             "red", "Homelessness applications are rising and there are no temporary flats east of Cupar.",
             ["Bring empty homes in the East Neuk back into use", "Temporary flats in the East Neuk",
              "Housing options surgery in St Andrews"]),
            ("Young people's mental health",
             "Help for young people early, in school and online, before they need a specialist service.",
             NHS, [YOUTH, SW], ["health", "children-and-young-people"], ["school-attendance"],
             "amber", "School counselling is in place; the wait for specialist help is still too long.",
             ["Counsellor in every secondary", "Peer mentors in each secondary",
              "Online chat support in the evenings"]),
            ("Getting around without a car",
             "Community transport and volunteer drivers so people can get to appointments, shops and groups.",
             TSI, [HSCP], ["communities", "environment"], ["volunteering", "adults-physically-active"],
             "green", "The dial-a-ride pilot covers the Howe of Fife and volunteer driver numbers are up.",
             ["Dial-a-ride pilot in the Howe of Fife", "Recruit volunteer drivers", "Bike library in Cupar"]),
        ]),
    "South West Fife": (
        "Towns and villages where the West Fife villages share in the area's prosperity, carers get a break and "
        "people feel safe at home.", [
            ("Close the gap in the West Fife villages",
             "Focus help on High Valleyfield, Oakley and Torryburn, where child poverty is far higher than in the "
             "rest of the area.",
             SW, [ADVICE, YOUTH], ["poverty", "children-and-young-people"], ["child-poverty", "school-attendance"],
             "amber", "A family hub has opened in High Valleyfield; take-up in Oakley is still low.",
             ["Family hub in High Valleyfield", "Outreach to families in Oakley",
              "Holiday food and activities in the villages"]),
            ("Fewer people reaching crisis with debt",
             "Early advice on rent, council tax and energy arrears, close to home.",
             ADVICE, [HOUSING, FOOD], ["poverty"], ["claimant-count", "food-bank-parcels"],
             "green", "Most people referred are seen within a week and rent arrears cases are down.",
             ["Advice at the Rosyth pantry", "Early contact on council tax arrears"]),
            ("Carers get a break",
             "Short breaks that carers can reach, and carer support offered at the moments that matter.",
             CARERS, [HSCP], ["health"], ["emergency-admissions"],
             "amber", "Short breaks are available, but carers in Kincardine struggle to get to them.",
             ["Short breaks closer to Kincardine", "Carer support plans offered at hospital discharge",
              "Young carers identified in every school"]),
            ("Safe at home",
             "Home fire safety, falls checks and scam blockers for people living alone, in one visit.",
             SFRS, [HSCP, POLICE], ["communities", "health"], ["emergency-admissions"],
             "green", "Joint visits are running and every referral has been seen within two weeks.",
             ["Joint fire and falls visits", "Call blockers for people targeted by scams",
              "Share referrals between fire, police and care"]),
            ("Green space and active travel in Rosyth",
             "Better paths, safe routes to school and more reasons to use the green spaces people have.",
             TSI, [HOUSING], ["environment", "health"], ["greenspace-visits", "adults-physically-active"],
             "amber", "The path audit is finished but the repairs are not yet funded.",
             ["Path audit of Rosyth green spaces", "Safe routes to school for two primaries",
              "Community orchard in Dalgety Bay"]),
        ]),
}

ACTION_STATUSES = ["not-started", "in-progress", "done", "blocked"]
FIRST_DUE, LAST_DUE = date(2026, 6, 1), date(2027, 9, 30)


def area_slug(area_id):
    return area_id.removeprefix("place-")


def serving_members(area_name, roles=("lead", "frontline")):
    """(id, agency, role, Fife-wide) of the members whose places include the area or all of Fife."""
    return [("member-" + slug(name), agency, role, places == ["Fife"]) for name, agency, role, places in MEMBERS
            if role in roles and (area_name in places or "Fife" in places)]


def action_status(rng, due, rag):
    if due < TODAY:
        weights = {"done": 45, "in-progress": 25, "blocked": 30} if rag == "red" else \
            {"done": 70, "in-progress": 18, "blocked": 12}
    elif due <= TODAY + timedelta(days=120):
        weights = {"not-started": 20, "in-progress": 65, "done": 10, "blocked": 5}
    else:
        weights = {"not-started": 60, "in-progress": 35, "blocked": 5}
    return rng.choices(list(weights), list(weights.values()))[0]


def recent_weekday(rng, days_back):
    day = TODAY - timedelta(days=rng.randint(0, days_back))
    while day.weekday() >= 5:
        day -= ONE_DAY
    return day


def build_plans():
    rng = random.Random(PREVENTION_SEEDS["plans"])
    plans = []
    for area_name, _ in AREAS:
        area = pid(area_name)
        s = area_slug(area)
        vision, priorities = PLANS[area_name]
        staff = serving_members(area_name)
        plan = {"id": f"plan-{s}", "place": area, "period": PLAN_PERIOD, "vision": vision, "priorities": []}
        for n, (title, description, lead, partners, outcomes, indicators, rag, reason, actions) \
                in enumerate(priorities, start=1):
            involved = {lead, *partners}
            weights = [(4 if agency in involved else 1) * (1 if fife_wide else 2) for _, agency, _, fife_wide in staff]
            span = (LAST_DUE - FIRST_DUE).days
            dues = sorted(FIRST_DUE + timedelta(days=rng.randint(0, span)) for _ in actions)
            items = []
            for m, (action, due) in enumerate(zip(actions, dues), start=1):
                owner = rng.choices(staff, weights)[0][0]
                items.append({"id": f"action-{s}-{n}-{m}", "title": action, "owner": owner,
                              "due": due.isoformat(), "status": action_status(rng, due, rag)})
            # A red priority has something blocked; a green one has nothing blocked.
            if rag == "red" and not any(a["status"] == "blocked" for a in items):
                stuck = [a for a in items if a["status"] != "done"] or items
                stuck[0]["status"] = "blocked"
            if rag == "green":
                for a in items:
                    if a["status"] == "blocked":
                        a["status"] = "in-progress"
            plan["priorities"].append({
                "id": f"priority-{s}-{n}", "title": title, "description": description, "leadAgency": lead,
                "partners": list(partners), "outcomes": list(outcomes),
                "indicators": ["indicator-" + i for i in indicators], "rag": rag, "ragReason": reason,
                "ragDate": recent_weekday(rng, 88).isoformat(), "actions": items})
        plans.append(plan)
    return plans


# ---------------------------------------------------------------------------
# Place Standard assessments (synthetic): two per area, scored 1 (a lot of
# room for improvement) to 7 (very little).

PLACE_STANDARD_THEMES = [
    "moving-around", "public-transport", "traffic-and-parking", "streets-and-spaces", "natural-space",
    "play-and-recreation", "facilities-and-amenities", "work-and-local-economy", "housing-and-community",
    "social-contact", "identity-and-belonging", "feeling-safe", "care-and-maintenance",
    "influence-and-sense-of-control",
]
# Fife-wide typical score for each theme (synthetic).
THEME_BASE = dict(zip(PLACE_STANDARD_THEMES, [4.6, 3.8, 3.6, 4.2, 5.3, 4.3, 4.4, 3.7, 4.2, 4.5, 4.9, 4.5, 3.8, 3.4]))
# Local differences (synthetic): rural transport in North East Fife, the
# Levenmouth rail link since the first assessment, Kirkcaldy's town centre.
THEME_AREA_TILT = {
    ("North East Fife", "public-transport"): -1.4, ("North East Fife", "traffic-and-parking"): -0.4,
    ("North East Fife", "natural-space"): 0.6, ("South West Fife", "public-transport"): -0.4,
    ("Kirkcaldy", "streets-and-spaces"): -0.4, ("Kirkcaldy", "facilities-and-amenities"): -0.3,
    ("City of Dunfermline", "work-and-local-economy"): 0.5, ("Levenmouth", "identity-and-belonging"): 0.5,
    ("Glenrothes", "natural-space"): 0.4, ("Cowdenbeath", "identity-and-belonging"): 0.4,
}
THEME_AREA_CHANGE = {("Levenmouth", "public-transport"): 1, ("Glenrothes", "feeling-safe"): 1,
                     ("North East Fife", "housing-and-community"): -1}
PLACE_STANDARD_GROUPS = [("Community panel", (12, 30)), ("Young people", (15, 60)),
                         ("Older people's forum", (12, 40)), ("Online survey", (80, 400))]
PLACE_STANDARD_ROUNDS = [(2024, 10, "1"), (2026, 9, "2")]


def build_place_standard():
    rng = random.Random(PREVENTION_SEEDS["place-standard"])
    assessments = []
    for area_name, _ in AREAS:
        area = pid(area_name)
        groups = rng.sample(PLACE_STANDARD_GROUPS, len(PLACE_STANDARD_ROUNDS))
        first = {}
        for theme in PLACE_STANDARD_THEMES:
            score = THEME_BASE[theme] - 0.8 * area_deprivation(area) + THEME_AREA_TILT.get((area_name, theme), 0) \
                + rng.gauss(0, 0.4)
            first[theme] = min(7, max(1, round(score)))
        for k, ((year, month, version), (group, (low, high))) in enumerate(zip(PLACE_STANDARD_ROUNDS, groups)):
            if k == 0:
                scores = first
            else:
                scores = {}
                for theme in PLACE_STANDARD_THEMES:
                    change = THEME_AREA_CHANGE.get((area_name, theme), max(-1, min(1, round(rng.gauss(0, 0.45)))))
                    scores[theme] = min(7, max(1, first[theme] + change))
            day = workday(date(year, month, rng.randint(1, 24)))
            assessments.append({"id": f"place-standard-{area_slug(area)}-{year}", "place": area,
                                "date": day.isoformat(), "group": group, "respondents": rng.randint(low, high),
                                "toolVersion": version, "scores": scores})
    return assessments


# ---------------------------------------------------------------------------
# Evidence (fictional): community voice and practitioners' notes per area.
# (kind, community or None for the whole area, source, text, themes, needs,
# author for a practitioner's note). Dates are drawn.

VOICE, PRACTITIONER = "community-voice", "practitioner"
EVIDENCE = {
    "Cowdenbeath": [
        (VOICE, "Ballingry", "community panel",
         "There's nothing for the young ones here after school. The bus to Lochgelly costs money they haven't "
         "got, so they hang about the shops.", ["play-and-recreation", "public-transport"], ["child-wellbeing"], None),
        (VOICE, "Cardenden", "survey",
         "Most people who answered said their home was hard to keep warm, and one in four had gone without "
         "heating to pay for food.", ["housing-and-community"], ["fuel", "food"], None),
        (VOICE, "Kelty", "consultation",
         "We used to have a bank, a post office and a proper doctor's surgery. Now you need a car for all of it.",
         ["facilities-and-amenities", "moving-around"], [], None),
        (VOICE, None, "community panel",
         "Carers on the panel said they only find out about help when they are already at breaking point.",
         ["influence-and-sense-of-control"], ["caring"], None),
        (PRACTITIONER, "Lochgelly", "practitioner",
         "More tenants in Lochgelly are falling into arrears after moving onto Universal Credit; most have never "
         "had a benefit check.", ["housing-and-community"], ["money-debt", "housing"], "Kirsty Drummond"),
        (PRACTITIONER, None, "practitioner",
         "Young carers are turning up through school attendance meetings rather than referrals; several are "
         "caring for a parent who drinks or uses drugs.", [], ["caring", "child-wellbeing", "substance-use"],
         "Lewis Cairns"),
        (PRACTITIONER, None, "practitioner",
         "Child protection referrals from the Benarty villages are up, and in most the family had asked for help "
         "with money months earlier.", [], ["child-wellbeing", "money-debt"], "Alasdair Kerr"),
    ],
    "City of Dunfermline": [
        (VOICE, "Duloch", "survey",
         "The houses are nice but there's nowhere to meet anyone. We've lived here three years and don't know "
         "our neighbours.", ["social-contact", "facilities-and-amenities"], ["social-isolation"], None),
        (VOICE, "Dunfermline", "consultation",
         "Parking near the hospital and the town centre came up again and again; people said it puts them off "
         "going to appointments.", ["traffic-and-parking"], ["physical-health"], None),
        (VOICE, "Townhill", "community panel",
         "Older people said the loch path is lovely, but the bus back up the hill stops running in the evening.",
         ["natural-space", "public-transport"], ["social-isolation"], None),
        (VOICE, None, "survey",
         "Young people told us they want jobs in the city, not just in Edinburgh, and a chance to try things "
         "out before committing.", ["work-and-local-economy"], ["employment-skills"], None),
        (PRACTITIONER, "Dunfermline", "practitioner",
         "Working households are the fastest-growing group at the debt clinic: mostly council tax and energy "
         "arrears, often with a second job.", [], ["money-debt", "fuel", "employment-skills"], "Fraser Millar"),
        (PRACTITIONER, "Halbeath", "practitioner",
         "New tenants in Halbeath say they were housed far from family with no furniture; several are already "
         "isolated.", ["housing-and-community", "social-contact"], ["housing", "social-isolation"],
         "Fiona Hutchison"),
    ],
    "Glenrothes": [
        (VOICE, "Glenrothes", "community panel",
         "The underpasses and paths by the bus station feel unsafe after dark. We go the long way round.",
         ["feeling-safe", "streets-and-spaces", "moving-around"], ["safety"], None),
        (VOICE, "Leslie", "survey",
         "Parents said mornings are the hardest part: getting children to school when the bus is unreliable and "
         "money is tight for uniforms.", ["public-transport"], ["child-wellbeing", "money-debt"], None),
        (VOICE, "Markinch", "consultation",
         "People value the park and the river walk, but said the paths are getting overgrown.",
         ["natural-space", "care-and-maintenance"], [], None),
        (VOICE, "Thornton", "community panel",
         "We get asked what we think, but nothing seems to change. Tell us what happened to what we said last "
         "time.", ["influence-and-sense-of-control"], [], None),
        (VOICE, None, "survey",
         "Over half of the people who answered said they had felt anxious or low for most of the last month and "
         "did not know where to go.", ["social-contact"], ["mental-health"], None),
        (PRACTITIONER, "Glenrothes", "practitioner",
         "The young people at the drop-in who are missing school mostly say the same thing: anxiety, and falling "
         "so far behind they can't face going back.", [], ["child-wellbeing", "mental-health"], "Jamie Robertson"),
        (PRACTITIONER, None, "practitioner",
         "Most evening calls about the town centre involve the same group of about fifteen young people; youth "
         "work alongside patrols has made a difference.", ["feeling-safe"], ["safety", "child-wellbeing"],
         "Gregor Lindsay"),
        (PRACTITIONER, None, "practitioner",
         "People are arriving at A&E in distress because the crisis space closes at five; most do not need "
         "admission.", [], ["mental-health"], "Morven Sinclair"),
    ],
    "Kirkcaldy": [
        (VOICE, "Kirkcaldy", "consultation",
         "The High Street has too many empty shops. It feels run down, and people don't come in the evenings.",
         ["facilities-and-amenities", "work-and-local-economy", "care-and-maintenance"], [], None),
        (VOICE, "Kirkcaldy", "community panel",
         "I love the Prom, but I wouldn't walk along it on my own at night.",
         ["feeling-safe", "streets-and-spaces"], ["safety"], None),
        (VOICE, "Dysart", "survey",
         "Most who answered said their home is damp or hard to heat; several said mould was affecting their "
         "children's health.", ["housing-and-community"], ["fuel", "housing", "physical-health"], None),
        (VOICE, "Burntisland", "community panel",
         "Older people feel part of the town and want to help, but there are fewer groups to join since the "
         "church hall closed.", ["identity-and-belonging", "social-contact"], ["social-isolation"], None),
        (PRACTITIONER, "Kirkcaldy", "practitioner",
         "Tenants on prepayment meters are self-disconnecting for days at a time; several have children under "
         "five.", [], ["fuel", "child-wellbeing"], "Shona Paterson"),
        (PRACTITIONER, "Kirkcaldy", "practitioner",
         "Half of the people discharged after a non-fatal overdose were not followed up within a week; most of "
         "those who were stayed in treatment.", [], ["substance-use"], "Ross Menzies"),
        (PRACTITIONER, None, "practitioner",
         "Families referred to social work in crisis have usually already been seen by three or four services "
         "that did not talk to each other.", ["influence-and-sense-of-control"], ["child-wellbeing"],
         "Alasdair Kerr"),
    ],
    "Levenmouth": [
        (VOICE, "Methil", "community panel",
         "Since the trains came back I can look for work in Edinburgh, but the first train is too late for an "
         "early shift.", ["public-transport", "work-and-local-economy"], ["employment-skills"], None),
        (VOICE, "Buckhaven", "survey",
         "A third of parents who answered said they had skipped meals in the last month so their children could "
         "eat.", [], ["food", "money-debt", "child-wellbeing"], None),
        (VOICE, "Leven", "consultation",
         "The prom is lovely in the day, but at night people don't feel safe walking back from the bus.",
         ["feeling-safe", "streets-and-spaces"], ["safety"], None),
        (VOICE, "Kennoway", "community panel",
         "For some of us the lunch club is the only time we see anyone all week, and the bus home stops at six.",
         ["social-contact", "public-transport"], ["social-isolation"], None),
        (VOICE, "East Wemyss", "survey",
         "We've the coast and the caves on our doorstep, but nowhere for the kids to play that isn't broken.",
         ["play-and-recreation", "care-and-maintenance", "natural-space"], ["child-wellbeing"], None),
        (PRACTITIONER, "Methil", "practitioner",
         "Three families this month were self-disconnecting overnight on prepayment meters; all had Universal "
         "Credit deductions for advance repayments.", [], ["fuel", "money-debt"], "Aileen Baxter"),
        (PRACTITIONER, "Leven", "practitioner",
         "Food bank volunteers are seeing more working parents than last winter, and many have never had a "
         "benefit check.", [], ["food", "money-debt", "employment-skills"], "Niamh Gallacher"),
        (PRACTITIONER, "Buckhaven", "practitioner",
         "Near-fatal overdoses are clustering in two streets in Buckhaven and Methil; most of the people involved "
         "are not known to the addictions service.", [], ["substance-use", "safety"], "Morven Sinclair"),
    ],
    "North East Fife": [
        (VOICE, "Crail", "community panel",
         "If you don't drive, you're stuck. The bus to Cupar takes over an hour and the last one back is at "
         "teatime.", ["public-transport", "moving-around"], ["social-isolation"], None),
        (VOICE, "St Andrews", "survey",
         "Young people who grew up here said they can't afford to rent in the town, and most expect to move away.",
         ["housing-and-community", "identity-and-belonging"], ["housing"], None),
        (VOICE, "Anstruther", "consultation",
         "Older residents said heating oil costs have doubled and they keep one room warm. They don't think of "
         "themselves as people who ask for help.", ["housing-and-community"], ["fuel", "money-debt"], None),
        (VOICE, "Auchtermuchty", "community panel",
         "The village is friendly, but there's little for teenagers and the nearest youth club is in Cupar.",
         ["play-and-recreation", "social-contact"], ["child-wellbeing"], None),
        (PRACTITIONER, "Anstruther", "practitioner",
         "Most of my housebound patients in the East Neuk see nobody but their carers; several have stopped "
         "eating proper meals.", [], ["social-isolation", "food", "physical-health"], "Ailsa Munro"),
        (PRACTITIONER, None, "practitioner",
         "Referrals to specialist child mental health from North East Fife schools are up; many could have been "
         "helped earlier in school.", [], ["mental-health", "child-wellbeing"], "Iain Brodie"),
        (PRACTITIONER, "Cupar", "practitioner",
         "People using the Cupar food bank for the first time are often seasonal workers between contracts, "
         "waiting for their first Universal Credit payment.", ["work-and-local-economy"],
         ["food", "money-debt", "employment-skills"], "Niamh Gallacher"),
    ],
    "South West Fife": [
        (VOICE, "High Valleyfield", "community panel",
         "People here feel forgotten next to Dalgety Bay. The shop shut, the bus is every two hours and the play "
         "park has been taped off for a year.",
         ["facilities-and-amenities", "public-transport", "play-and-recreation"], [], None),
        (VOICE, "Rosyth", "survey",
         "Parents said they would walk or cycle to school if the paths were lit and the crossing on the main road "
         "was safer.", ["moving-around", "traffic-and-parking", "feeling-safe"], [], None),
        (VOICE, "Kincardine", "consultation",
         "Carers said they can't use short breaks in Dunfermline because getting there takes half the break.",
         ["public-transport"], ["caring"], None),
        (VOICE, "Dalgety Bay", "community panel",
         "A lot of us live alone now the children have gone, and we'd like more ways to meet people that aren't "
         "just for pensioners.", ["social-contact"], ["social-isolation"], None),
        (PRACTITIONER, "High Valleyfield", "practitioner",
         "Families in the West Fife villages are reaching social work through school exclusions and police "
         "calls, not through early help.", [], ["child-wellbeing", "safety"], "Catriona Wallace"),
        (PRACTITIONER, "Rosyth", "practitioner",
         "More Rosyth clients are single men in private lets with rent arrears and no internet access to manage "
         "their Universal Credit.", [], ["money-debt", "housing", "employment-skills"], "Fraser Millar"),
        (PRACTITIONER, "Torryburn", "practitioner",
         "Home fire safety visits to people living alone keep finding the same things: no working smoke alarm, "
         "trip hazards and scam letters.", [], ["safety", "physical-health", "social-isolation"],
         "Duncan Fairbairn"),
    ],
}
EVIDENCE_FROM = date(2026, 1, 5)


def member_id(name):
    assert any(m[0] == name for m in MEMBERS), name
    return "member-" + slug(name)


def working_day_between(rng, first, last):
    day = workday(first + timedelta(days=rng.randint(0, (last - first).days)))
    return day if day <= last else workday(first)


def build_evidence():
    rng = random.Random(PREVENTION_SEEDS["evidence"])
    evidence = []
    for area_name, _ in AREAS:
        area = pid(area_name)
        entries = []
        for kind, community, source, text, themes, needs, by in EVIDENCE[area_name]:
            entries.append({"id": None, "kind": kind, "place": community_id(community) if community else area,
                            "source": source, "date": working_day_between(rng, EVIDENCE_FROM, TODAY).isoformat(),
                            "text": text, "themes": list(themes), "needs": list(needs),
                            "by": member_id(by) if by else None})
        entries.sort(key=lambda e: e["date"])
        for n, entry in enumerate(entries, start=1):
            entry["id"] = f"evidence-{area_slug(area)}-{n}"
        evidence.extend(entries)
    return evidence


# ---------------------------------------------------------------------------
# Funding pots (fictional amounts): three streams per area and allocations
# from them to the area's priorities. A stream `fits` the outcomes it may fund
# (None: any priority).

STREAMS = {
    "prevention": ("Fife Council prevention fund", (60_000, 160_000),
                   "For early help that stops problems reaching crisis; unspent money returns to the council on "
                   "31 March 2027.", "2027-03-31", None),
    "health": ("NHS Fife health improvement", (30_000, 110_000),
               "Must narrow health inequalities; spending is reported to the health improvement team every "
               "quarter.", "2028-03-31", {"health"}),
    "families": ("Scottish Government Whole Family Wellbeing Funding", (80_000, 240_000),
                 "Must be spent on families with children under 18; unspent money returns 31 March 2027.",
                 "2027-03-31", {"children-and-young-people", "education"}),
    "wellbeing": ("Communities Mental Health and Wellbeing Fund", (25_000, 90_000),
                  "For community groups' work on adults' mental wellbeing; grants are paid through the third "
                  "sector interface.", "2028-03-31", {"health", "communities"}),
    "employability": ("No One Left Behind employability funding", (40_000, 150_000),
                      "Only for employability support for people out of work; outcomes are reported to the local "
                      "employability partnership.", "2028-03-31", {"fair-work-and-business", "economy"}),
    "cost-of-living": ("Fife cost of living fund", (30_000, 120_000),
                       "For direct help with food, fuel and income; at least half must reach households through "
                       "partner charities.", "2027-03-31", {"poverty"}),
}
AREA_STREAMS = {
    "Cowdenbeath": ["prevention", "families", "cost-of-living"],
    "City of Dunfermline": ["prevention", "health", "employability"],
    "Glenrothes": ["prevention", "employability", "wellbeing"],
    "Kirkcaldy": ["prevention", "families", "health"],
    "Levenmouth": ["prevention", "families", "cost-of-living"],
    "North East Fife": ["prevention", "health", "wellbeing"],
    "South West Fife": ["prevention", "families", "health"],
}
ALLOCATIONS_FROM = date(2026, 4, 6)


def build_pots(plans):
    rng = random.Random(PREVENTION_SEEDS["pots"])
    plan_of = {p["place"]: p for p in plans}
    pots = []
    for area_name, _ in AREAS:
        area = pid(area_name)
        s = area_slug(area)
        priorities = plan_of[area]["priorities"]
        scale = 0.6 + 0.25 * CASE_SKEW[area]
        leads = serving_members(area_name, roles=("lead",))
        streams, allocations = [], []
        counts = [rng.choice([1, 2]) for _ in AREA_STREAMS[area_name]]
        for n, (key, count) in enumerate(zip(AREA_STREAMS[area_name], counts), start=1):
            name, (low, high), conditions, end, fits = STREAMS[key]
            amount = min(400_000, max(20_000, round(rng.uniform(low, high) * scale / 1000) * 1000))
            stream = {"id": f"stream-{s}-{n}", "name": name, "amount": amount, "conditions": conditions,
                      "endDate": end}
            streams.append(stream)
            eligible = [p for p in priorities if fits is None or fits & set(p["outcomes"])]
            assert eligible, (area, key)
            # Spread the money: priorities no stream has funded yet come first.
            rng.shuffle(eligible)
            funded = {a["priority"] for a in allocations}
            chosen = sorted(eligible, key=lambda p: p["id"] in funded)[:count]
            share = rng.uniform(0.62, 0.86)
            parts = [rng.uniform(1, 3) for _ in chosen]
            for priority, part in zip(chosen, parts):
                money = int(amount * share * part / sum(parts)) // 500 * 500
                open_actions = [a for a in priority["actions"] if a["status"] != "done"] or priority["actions"]
                action = rng.choice(open_actions)["id"] if rng.random() < 0.6 else None
                day = working_day_between(rng, ALLOCATIONS_FROM, TODAY)
                by = rng.choices(leads, [1 if fife_wide else 4 for *_, fife_wide in leads])[0][0]
                allocations.append({"id": None, "stream": stream["id"], "priority": priority["id"],
                                    "action": action, "amount": money, "by": by, "at": iso(at_work(rng, day))})
        allocations.sort(key=lambda a: a["at"])
        for n, allocation in enumerate(allocations, start=1):
            allocation["id"] = f"allocation-{s}-{n}"
        pots.append({"place": area, "streams": streams, "allocations": allocations})
    return pots


# ---------------------------------------------------------------------------
# Learning (fictional): what the place team tried that worked, and what got
# in the way. (kind, title, text, author).

LEARNING = {
    "Cowdenbeath": [
        ("innovation", "Benefit checks at the nursery door",
         "Advisers stood at nursery pick-up in Ballingry for a month. Parents who would never book an "
         "appointment stopped for a chat, and 40 benefit checks found on average £2,400 a year.", "Alasdair Kerr"),
        ("obstacle", "Respite beds closed without warning",
         "Two respite beds closed at a week's notice when the provider lost staff. We heard from carers, not "
         "from commissioning; we need an early warning.", "Lewis Cairns"),
    ],
    "City of Dunfermline": [
        ("innovation", "Tenants rewrote the arrears letter",
         "Five tenants who had been in arrears rewrote our first letter. It now starts with the help on offer, "
         "not what happens next, and contact within two weeks rose from a third to over half.", "Fiona Hutchison"),
        ("obstacle", "Employers pulled out of placements",
         "Two employers withdrew placements when their own budgets were cut. Relying on a few large employers "
         "left us exposed; smaller firms need help with the paperwork.", "Fraser Millar"),
    ],
    "Glenrothes": [
        ("innovation", "Youth workers on the evening patrol",
         "Pairing a youth worker with the evening patrol meant young people talked instead of running. Calls "
         "about the bus station fell three quarters in a row.", "Gregor Lindsay"),
        ("obstacle", "Crisis space funded a year at a time",
         "The evening crisis space has only ever had one year's funding. Staff leave because they cannot see "
         "past March, and the partners cannot agree who should pay.", "Morven Sinclair"),
        ("innovation", "A walking bus for school mornings",
         "Parents and volunteers walk a route past three streets to the primary each morning. Late arrivals "
         "have halved since it started.", "Jamie Robertson"),
    ],
    "Kirkcaldy": [
        ("innovation", "Cash first at the food bank",
         "Offering a same-day cash grant instead of a parcel, with advice alongside, cut repeat visits. People "
         "said it felt more dignified.", "Moira Donaldson"),
        ("obstacle", "Three services, three assessments",
         "Families in crisis had been assessed separately by health, housing and school. One shared family plan "
         "needs an information-sharing agreement we still do not have.", "Alasdair Kerr"),
        ("obstacle", "Care at home hours we cannot fill",
         "Forty hours a week of care at home cannot be filled, so people wait in hospital for a package. The pay "
         "does not compete with the supermarkets.", "Ross Menzies"),
    ],
    "Levenmouth": [
        ("innovation", "Health visitors asking about money",
         "Health visitors asked every family three questions about money and referred straight to advice. Half "
         "of the families referred were missing money they were entitled to.", "Ross Menzies"),
        ("obstacle", "The first train is too late",
         "Job starts in Edinburgh fall through when the shift begins at seven and the first train gets in after "
         "that. The timetable is set nationally, not locally.", "Morven Sinclair"),
        ("innovation", "Youth rangers on the shore",
         "Young people who were lighting fires on the shorefront now help look after it as youth rangers, and "
         "deliberate fires there are down by a third.", "Duncan Fairbairn"),
    ],
    "North East Fife": [
        ("innovation", "Advice in the village hall",
         "Monthly advice surgeries in village halls, alongside the coffee morning, reached older homeowners who "
         "would never go to an advice centre in Cupar.", "Niamh Gallacher"),
        ("obstacle", "No temporary flats east of Cupar",
         "Families made homeless in the East Neuk are placed in Kirkcaldy or Glenrothes, far from school and "
         "work. Several lost jobs while they were in temporary accommodation.", "Iain Brodie"),
    ],
    "South West Fife": [
        ("innovation", "One visit for fire, falls and scams",
         "Fire, care and police staff now share one visit for people living alone: a smoke alarm, a falls check "
         "and a call blocker without three appointments.", "Duncan Fairbairn"),
        ("obstacle", "Short breaks out of reach",
         "Carers in Kincardine cannot get to short breaks in Dunfermline and back in the time the break allows. "
         "Local sitters are the answer, but there are too few volunteers.", "Catriona Wallace"),
    ],
}
LEARNING_FROM = date(2026, 2, 2)


def build_learning():
    rng = random.Random(PREVENTION_SEEDS["learning"])
    learning = []
    for area_name, _ in AREAS:
        area = pid(area_name)
        entries = [{"id": None, "place": area, "kind": kind, "title": title, "text": text,
                    "date": working_day_between(rng, LEARNING_FROM, TODAY).isoformat(), "by": member_id(by)}
                   for kind, title, text, by in LEARNING[area_name]]
        entries.sort(key=lambda e: e["date"])
        for n, entry in enumerate(entries, start=1):
            entry["id"] = f"learning-{area_slug(area)}-{n}"
        learning.extend(entries)
    return learning


def generate():
    rng = random.Random(SEED)
    places, districts = build_places()
    agencies = build_agencies()
    categories = build_need_categories()
    members = build_members()
    services = build_services(rng, places, districts)
    residents = build_residents(rng, places, districts)
    world = World(places, members, services, residents)
    cases = build_cases(rng, world)
    add_agency_off_thistle(agencies, services)
    plans = build_plans()
    return {
        "places.json": json_text(places),
        "agencies.json": json_text(agencies),
        "need-categories.json": json_text(categories),
        "members.json": json_text(members),
        "services.json": json_text(services),
        "residents.csv": residents_csv(residents),
        "cases.json": json_text(cases),
        "triage-targets.json": json_text(build_triage_targets()),
        # Prevention: each builder has its own generator, so nothing above changes.
        "outcomes.json": json_text(build_outcomes()),
        "indicators.json": json_text(build_indicators()),
        "indicator-values.csv": indicator_values_csv(build_indicator_values(places)),
        "scorecards.json": json_text(build_scorecards()),
        "plans.json": json_text(plans),
        "place-standard.json": json_text(build_place_standard()),
        "evidence.json": json_text(build_evidence()),
        "pots.json": json_text(build_pots(plans)),
        "learning.json": json_text(build_learning()),
    }


# ---------------------------------------------------------------------------
# Checking: reads the files back and asserts every rule.

def check(directory):
    def load(name):
        text = (directory / name).read_text(encoding="utf-8")
        value = json.loads(text)
        assert text == json_text(value), f"{name} is not pretty-printed with indent 2 and a trailing newline"
        return value

    places = load("places.json")
    agencies = load("agencies.json")
    categories = load("need-categories.json")
    members = load("members.json")
    services = load("services.json")
    cases = load("cases.json")
    with open(directory / "residents.csv", newline="", encoding="utf-8") as f:
        residents = list(csv.DictReader(f))

    def keys(items, expected, what):
        for item in items:
            assert list(item) == expected, f"{what}: keys {list(item)}"

    def unique(items, key="id"):
        ids = [i[key] for i in items]
        assert len(ids) == len(set(ids)), f"duplicate ids in {ids[:3]}…"
        return {i[key]: i for i in items}

    # Places
    keys([p for p in places if p["kind"] != "council"], ["id", "name", "kind", "parent", "population"], "places")
    keys([p for p in places if p["kind"] == "council"],
         ["id", "name", "kind", "parent", "population", "retentionYears", "dataSharingAgreement"], "the council")
    place = unique(places)
    council = [p for p in places if p["kind"] == "council"]
    areas = [p for p in places if p["kind"] == "area"]
    communities = [p for p in places if p["kind"] == "community"]
    assert len(council) == 1 and council[0]["id"] == "place-fife" and council[0]["parent"] is None
    assert places[0] is council[0]
    assert [a["name"] for a in areas] == [a for a, _ in AREAS] and len(areas) == 7
    assert 50 <= len(communities) <= 60, len(communities)
    assert all(re.fullmatch(r"place-[a-z0-9-]+", p["id"]) for p in places)
    assert all(p["id"] == (community_id(p["name"]) if p["kind"] == "community" else pid(p["name"]))
               for p in places)
    assert all(a["parent"] == "place-fife" for a in areas)
    for a in areas:
        kids = [p for p in communities if p["parent"] == a["id"]]
        assert a["population"] == sum(k["population"] for k in kids)
        at = places.index(a)
        assert places[at + 1:at + 1 + len(kids)] == sorted(kids, key=lambda k: k["name"])
    assert all(place[c["parent"]]["kind"] == "area" for c in communities)
    assert council[0]["population"] == sum(a["population"] for a in areas)
    assert 360_000 <= council[0]["population"] <= 380_000, council[0]["population"]
    levenmouth = [c["name"] for c in communities if c["parent"] == "place-levenmouth"]
    for town in ["Methil", "Buckhaven", "Leven", "Kennoway", "Windygates", "East Wemyss"]:
        assert town in levenmouth
    nef = [c["name"] for c in communities if c["parent"] == "place-north-east-fife"]
    for town in ["St Andrews", "Cupar", "Tayport", "Newport-on-Tay", "Anstruther"]:
        assert town in nef

    def chain(pid_):
        out = []
        while pid_ is not None:
            out.append(pid_)
            pid_ = place[pid_]["parent"]
        return out

    def area_of(pid_):
        return next(p for p in chain(pid_) if place[p]["kind"] == "area")

    # Agencies and need categories
    keys(agencies, ["id", "name", "kind", "description", "website"], "agencies")
    agency = unique(agencies)
    assert len(agencies) == 13  # twelve on Thistle and one that is not
    kinds = {"council", "nhs", "hscp", "police", "fire-and-rescue", "housing", "third-sector", "charity"}
    assert all(a["kind"] in kinds and a["id"].startswith("agency-") for a in agencies)
    assert {a["kind"] for a in agencies} == kinds
    assert all(a["website"].startswith("https://example.org/") and a["description"] for a in agencies)
    keys(categories, ["key", "name", "description"], "need categories")
    assert [c["key"] for c in categories] == CATEGORY_KEYS
    shanarri = next(c for c in categories if c["key"] == "child-wellbeing")["description"].lower()
    for word in ["shanarri", "safe", "healthy", "achieving", "nurtured", "active", "respected",
                 "responsible", "included"]:
        assert word in shanarri, word

    # Members
    keys(members, ["id", "name", "agency", "role", "places"], "members")
    member = unique(members)
    assert len(members) == 20
    roles = [m["role"] for m in members]
    assert roles.count("lead") == 5 and roles.count("analyst") == 2 and roles.count("admin") == 1
    assert roles.count("frontline") == 12
    for m in members:
        assert m["id"] == "member-" + slug(m["name"]) and m["agency"] in agency
        assert m["places"] and all(p in place for p in m["places"])
    assert members[0]["role"] == "frontline" and "place-levenmouth" in members[0]["places"]
    assert members[0] == min(members, key=lambda m: (m["name"], m["id"])), "first in file and by name"
    assert {m["agency"] for m in members} == set(agency) - {OFF_THISTLE[0]}, "every agency but one has a member"

    def serves(m, pid_):
        return any(p in chain(pid_) for p in m["places"])

    for a in areas:
        for role in ("frontline", "lead"):
            assert any(m["role"] == role and serves(m, a["id"]) for m in members), (a["id"], role)

    # Services
    keys(services, ["id", "name", "agency", "description", "status", "needs", "places", "acceptsReferrals",
                    "typicalWaitDays", "email", "phone", "locations"], "services")
    service = unique(services)
    assert [s["id"] for s in services] == sorted(service)
    assert 140 <= len(services) <= 160, len(services)
    seen_locations = {}
    for s in services:
        assert re.fullmatch(r"service-[a-z0-9-]+", s["id"]) and s["agency"] in agency and s["name"]
        assert s["status"] in ("active", "inactive", "defunct", "temporarily closed")
        assert 1 <= len(s["needs"]) <= 3 and all(n in CATEGORY_KEYS for n in s["needs"])
        assert len(set(s["needs"])) == len(s["needs"])
        assert 1 <= len(s["places"]) <= 3 and all(p in place for p in s["places"])
        assert isinstance(s["acceptsReferrals"], bool)
        assert s["typicalWaitDays"] is None or (isinstance(s["typicalWaitDays"], int)
                                                and 0 <= s["typicalWaitDays"] <= 60)
        assert re.fullmatch(r"[a-z0-9.-]+@example\.org", s["email"])
        assert re.fullmatch(r"01632 960\d{3}", s["phone"])
        assert len(s["locations"]) <= 2
        for loc in s["locations"]:
            assert list(loc) == ["id", "name", "address", "postcode", "place"]
            assert re.fullmatch(r"location-\d+", loc["id"])
            assert place[loc["place"]]["kind"] == "community"
            assert re.fullmatch(r"KY\d{1,2} \d[A-Z]{2}", loc["postcode"])
            if loc["id"] in seen_locations:
                other, other_agency = seen_locations[loc["id"]]
                assert other == loc and other_agency == s["agency"], loc["id"]
            seen_locations[loc["id"]] = (loc, s["agency"])
    statuses = [s["status"] for s in services]
    for status in ("inactive", "defunct", "temporarily closed"):
        assert 2 <= statuses.count(status) <= 6, status
    assert statuses.count("active") > 0.9 * len(services)
    assert sum(s["acceptsReferrals"] for s in services) > 0.9 * len(services)
    usable = [s for s in services if s["status"] == "active" and s["acceptsReferrals"]]
    for key in CATEGORY_KEYS:
        assert sum(key in s["needs"] for s in usable) >= 5, key
        assert any(key in s["needs"] and s["places"] == ["place-fife"] for s in usable), key
    for a in areas:
        local = {a["id"]} | {c["id"] for c in communities if c["parent"] == a["id"]}
        met_locally = {n for s in services if s["status"] == "active" and set(s["places"]) & local
                       for n in s["needs"]}
        assert len(met_locally) >= 10, (a["id"], sorted(met_locally))

    # Residents
    with open(directory / "residents.csv", newline="", encoding="utf-8") as f:
        header = next(csv.reader(f))
    assert header == ["id", "givenName", "familyName", "dateOfBirth", "postcode", "place"]
    resident = unique(residents)
    csv_text = (directory / "residents.csv").read_text(encoding="utf-8")
    assert csv_text == residents_csv(residents), "residents.csv quotes only where RFC 4180 needs it"
    assert [r["id"] for r in residents] == [f"res-{n:04d}" for n in range(1, RESIDENT_COUNT + 1)]
    ages = {}
    for r in residents:
        assert r["givenName"] and r["familyName"] and place[r["place"]]["kind"] == "community"
        assert re.fullmatch(r"KY\d{1,2} \d[A-Z]{2}", r["postcode"])
        assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", r["dateOfBirth"])
        ages[r["id"]] = age_on(date.fromisoformat(r["dateOfBirth"]), TODAY)
        assert 0 <= ages[r["id"]] <= 95
    children = sum(a < 18 for a in ages.values())
    assert 0.12 * RESIDENT_COUNT <= children <= 0.3 * RESIDENT_COUNT, children

    # Cases, needs and referrals
    keys(cases, ["id", "resident", "place", "doorAgency", "doorMember", "lead", "status", "openedAt",
                 "closedAt", "closedBy", "closedReason", "summary", "needs"], "cases")
    unique(cases)
    assert [c["id"] for c in cases] == [f"case-{n:04d}" for n in range(1, CASE_COUNT + 1)]
    first_open, last_open = datetime.combine(FIRST_OPEN_DAY, datetime.min.time()), \
        datetime.combine(LAST_OPEN_DAY, datetime.max.time())
    need_ids, referral_ids = set(), set()
    counts = {"needs": 0, "referrals": 0, "triage": 0, "returned": 0, "urgency": {}, "states": {},
              "referral states": {}}
    per_resident = {}
    for c in cases:
        r = resident[c["resident"]]
        per_resident[r["id"]] = per_resident.get(r["id"], 0) + 1
        assert c["place"] == r["place"]
        door, lead = member[c["doorMember"]], member[c["lead"]]
        assert serves(door, c["place"]) and door["role"] in ("frontline", "lead")
        assert c["doorAgency"] == door["agency"]
        assert serves(lead, c["place"]) and lead["role"] in ("frontline", "lead")
        assert c["summary"].endswith(".") and len(c["summary"]) > 30
        opened = parse_iso(c["openedAt"])
        assert first_open <= opened <= last_open and opened <= NOW
        assert c["status"] in ("open", "closed")
        times = [opened]
        assert 1 <= len(c["needs"]) <= 4
        assert len({n["category"] for n in c["needs"]}) == len(c["needs"])
        for n_index, need in enumerate(c["needs"], start=1):
            assert list(need) == ["id", "category", "urgency", "state", "returned", "createdAt", "closedAt",
                                  "closedBy", "closedReason", "referrals"]
            assert need["id"] == f"need-{c['id'][5:]}-{n_index}" and need["id"] not in need_ids
            need_ids.add(need["id"])
            assert need["category"] in CATEGORY_KEYS
            assert need["urgency"] in ("urgent", "soon", "routine")
            assert need["state"] in ("open", "routed", "met", "closed")
            counts["urgency"][need["urgency"]] = counts["urgency"].get(need["urgency"], 0) + 1
            counts["states"][need["state"]] = counts["states"].get(need["state"], 0) + 1
            created = parse_iso(need["createdAt"])
            assert created >= opened
            previous = created
            refs = need["referrals"]
            for k, ref in enumerate(refs, start=1):
                assert list(ref) == ["id", "service", "state", "sentAt", "sentBy", "respondedAt", "respondedBy",
                                     "reason", "suggestedService", "outcome"]
                assert ref["id"] == f"ref-{c['id'][5:]}-{n_index}-{k}" and ref["id"] not in referral_ids
                referral_ids.add(ref["id"])
                counts["referral states"][ref["state"]] = counts["referral states"].get(ref["state"], 0) + 1
                s = service[ref["service"]]
                assert need["category"] in s["needs"] and s["acceptsReferrals"]
                assert any(p in chain(c["place"]) for p in s["places"]), "the service covers the place"
                assert ref["sentBy"] in member and serves(member[ref["sentBy"]], c["place"])
                in_flight = ref["state"] in ("sent", "accepted")
                if in_flight:
                    assert k == len(refs), "only the last referral may be in flight"
                    assert s["status"] == "active", "in-flight referrals go to active services"
                sent = parse_iso(ref["sentAt"])
                assert sent > previous or (k == 1 and sent >= previous)
                previous = sent
                if ref["state"] == "sent":
                    assert ref["respondedAt"] is None and ref["respondedBy"] is None
                else:
                    responded = parse_iso(ref["respondedAt"])
                    assert responded > sent
                    previous = responded
                    if ref["state"] == "withdrawn":
                        assert ref["respondedBy"] == ref["sentBy"]
                    else:
                        assert member[ref["respondedBy"]]["agency"] == s["agency"]
                failed = ref["state"] in ("declined", "withdrawn") or ref["outcome"] == "unsuccessful"
                assert (ref["reason"] is not None and ref["reason"].strip() != "") == failed
                if ref["state"] == "completed":
                    assert ref["outcome"] in ("successful", "unsuccessful")
                else:
                    assert ref["outcome"] is None
                if ref["suggestedService"] is not None:
                    assert ref["state"] == "declined"
                    alt = service[ref["suggestedService"]]
                    assert alt["id"] != s["id"] and need["category"] in alt["needs"]
                    assert alt["status"] == "active"
            last = refs[-1] if refs else None
            last_failed = last is not None and (last["state"] in ("declined", "withdrawn")
                                                or last["outcome"] == "unsuccessful")
            in_flight = last is not None and last["state"] in ("sent", "accepted")
            assert (need["state"] == "routed") == in_flight
            assert (need["state"] == "met") == (last is not None and last["outcome"] == "successful")
            assert need["returned"] == (need["state"] == "open" and last_failed)
            if need["state"] == "open":
                assert last is None or last_failed
            if need["state"] == "closed":
                assert need["closedAt"] and need["closedBy"] == c["lead"] and need["closedReason"]
                closed_at = parse_iso(need["closedAt"])
                assert closed_at > previous
                previous = closed_at
            else:
                assert need["closedAt"] is None and need["closedBy"] is None and need["closedReason"] is None
            assert previous <= NOW
            times.append(previous)
        states = [n["state"] for n in c["needs"]]
        if c["status"] == "closed":
            assert all(s in ("met", "closed") for s in states)
            assert c["closedBy"] == c["lead"] and c["closedReason"]
            assert max(times) < parse_iso(c["closedAt"]) <= NOW
        else:
            assert c["closedAt"] is None and c["closedBy"] is None and c["closedReason"] is None
            if any(n["state"] == "open" and not n["referrals"] for n in c["needs"]):
                counts["triage"] += 1
            if any(n["returned"] for n in c["needs"]):
                counts["returned"] += 1
        counts["needs"] += len(c["needs"])
        counts["referrals"] += sum(len(n["referrals"]) for n in c["needs"])

    # Mixes
    open_cases = [c for c in cases if c["status"] == "open"]
    assert 0.65 <= len(open_cases) / len(cases) <= 0.75
    assert 0.2 <= counts["triage"] / len(open_cases) <= 0.3, counts["triage"]
    assert 0.07 <= counts["returned"] / len(open_cases) <= 0.13, counts["returned"]
    share = {u: counts["urgency"].get(u, 0) / counts["needs"] for u in ("urgent", "soon", "routine")}
    assert 0.1 <= share["urgent"] <= 0.2 and 0.3 <= share["soon"] <= 0.4 and 0.45 <= share["routine"] <= 0.55, share
    assert max(per_resident.values()) <= 3 and sum(v >= 2 for v in per_resident.values()) >= 50
    assert set(per_resident) <= set(resident)
    assert {n["category"] for c in cases for n in c["needs"]} == set(CATEGORY_KEYS)
    for state in ("sent", "accepted", "declined", "withdrawn", "completed"):
        assert counts["referral states"].get(state, 0) > 0, state
    # Deprivation skew: more cases per head in Levenmouth and Kirkcaldy than across Fife.
    rate = lambda cs, pop: len(cs) / pop
    fife_rate = rate(cases, place["place-fife"]["population"])
    for a in ("place-levenmouth", "place-kirkcaldy"):
        assert rate([c for c in cases if area_of(c["place"]) == a], place[a]["population"]) > 1.4 * fife_rate

    # Outcomes and indicators
    outcomes = load("outcomes.json")
    keys(outcomes, ["key", "name", "description"], "outcomes")
    assert [(o["key"], o["name"]) for o in outcomes] == [
        ("children-and-young-people", "Children and Young People"), ("communities", "Communities"),
        ("culture", "Culture"), ("economy", "Economy"), ("education", "Education"), ("environment", "Environment"),
        ("fair-work-and-business", "Fair Work and Business"), ("health", "Health"),
        ("human-rights", "Human Rights"), ("international", "International"), ("poverty", "Poverty")]
    assert all(o["description"].endswith(".") for o in outcomes)
    outcome_keys = {o["key"] for o in outcomes}
    indicators = load("indicators.json")
    keys(indicators, ["id", "name", "unit", "polarity", "source", "kind", "per", "target"], "indicators")
    indicator = unique(indicators)
    assert len(indicators) >= 12
    for i in indicators:
        assert i["id"] == "indicator-" + slug(i["name"]) and i["unit"] and i["source"].startswith("Synthetic")
        assert i["polarity"] in ("higher-is-better", "lower-is-better")
        assert i["kind"] in ("count", "rate", "mean")
        assert (i["per"] in (100, 1000)) if i["kind"] == "rate" else i["per"] is None, i["id"]
        assert i["target"] is None or (isinstance(i["target"], (int, float)) and i["target"] > 0)
    indicator_kinds = [i["kind"] for i in indicators]
    assert indicator_kinds.count("mean") >= 1 and indicator_kinds.count("count") >= 3
    assert indicator_kinds.count("rate") >= 3
    assert sum(i["target"] is not None for i in indicators) > len(indicators) / 2
    for name in ("child-poverty", "claimant-count", "emergency-admissions", "antisocial-behaviour",
                 "deliberate-fires", "adults-physically-active", "greenspace-visits", "fuel-poverty",
                 "food-bank-parcels", "school-attendance", "drug-related-deaths", "volunteering"):
        assert "indicator-" + name in indicator, name
    attendance = indicator["indicator-school-attendance"]
    assert attendance["kind"] == "mean" and attendance["polarity"] == "higher-is-better"

    # Indicator values: every community, indicator and quarter but the deliberate gaps
    values_text = (directory / "indicator-values.csv").read_text(encoding="utf-8")
    with open(directory / "indicator-values.csv", newline="", encoding="utf-8") as f:
        header = next(csv.reader(f))
        f.seek(0)
        values = list(csv.DictReader(f))
    assert header == INDICATOR_VALUE_COLUMNS
    assert values_text == indicator_values_csv(values)
    assert len(PERIODS) == 8 and PERIODS[0] == "2024-Q4" and PERIODS[-1] == "2026-Q3"
    seen_values = {}
    for v in values:
        key = (v["indicator"], v["place"], v["period"])
        assert key not in seen_values, key
        seen_values[key] = v
        i = indicator[v["indicator"]]
        assert place[v["place"]]["kind"] == "community" and v["period"] in PERIODS
        if i["kind"] == "count":
            assert re.fullmatch(r"\d+", v["value"]) and v["numerator"] == v["denominator"] == "", key
        elif i["kind"] == "mean":
            assert re.fullmatch(r"\d{2}\.\d", v["value"]) and v["numerator"] == v["denominator"] == "", key
            assert 50 <= float(v["value"]) <= 100, key
        else:
            assert v["value"] == "" and re.fullmatch(r"\d+", v["numerator"]) and re.fullmatch(r"\d+", v["denominator"])
            assert 0 <= int(v["numerator"]) <= int(v["denominator"]) and int(v["denominator"]) > 0, key
    missing = {(i["id"], c["id"], p) for i in indicators for c in communities for p in PERIODS} - set(seen_values)
    assert len(seen_values) + len(missing) == len(indicators) * len(communities) * len(PERIODS)
    assert missing == {(i, community_id(c), p) for i, c, p in INDICATOR_GAPS} and 3 <= len(missing) <= 6, missing

    def rolled_rate(indicator_id, area_id, period):
        rows = [seen_values[(indicator_id, c["id"], period)] for c in communities
                if c["parent"] == area_id and (indicator_id, c["id"], period) in seen_values]
        return sum(int(r["numerator"]) for r in rows) / sum(int(r["denominator"]) for r in rows)

    # Deprivation shows: Levenmouth and Kirkcaldy worse than North East Fife and South West Fife.
    for indicator_id in ("indicator-child-poverty", "indicator-claimant-count", "indicator-fuel-poverty"):
        for deprived in ("place-levenmouth", "place-kirkcaldy"):
            for better_off in ("place-north-east-fife", "place-south-west-fife"):
                assert rolled_rate(indicator_id, deprived, PERIODS[-1]) > rolled_rate(indicator_id, better_off,
                                                                                     PERIODS[-1])
    assert rolled_rate("indicator-child-poverty", "place-levenmouth", PERIODS[-1]) > \
        rolled_rate("indicator-child-poverty", "place-levenmouth", PERIODS[0]), "Levenmouth's child poverty rises"

    # Scorecards
    scorecards = load("scorecards.json")
    keys(scorecards, ["place", "indicators"], "scorecards")
    assert [s["place"] for s in scorecards] == ["place-fife"] + [a["id"] for a in areas]
    for s in scorecards:
        assert 5 <= len(s["indicators"]) <= 7 and len(set(s["indicators"])) == len(s["indicators"])
        assert all(i in indicator for i in s["indicators"]), s["place"]

    # Plans, priorities and actions
    plans = load("plans.json")
    keys(plans, ["id", "place", "period", "vision", "priorities"], "plans")
    unique(plans)
    assert [p["place"] for p in plans] == [a["id"] for a in areas]
    priority, action = {}, {}
    counts["priorities"] = counts["actions"] = 0
    for p in plans:
        s = p["place"].removeprefix("place-")
        assert p["id"] == f"plan-{s}" and p["period"] == "2026-27" and p["vision"].endswith(".")
        assert 4 <= len(p["priorities"]) <= 6, p["id"]
        for n, pr in enumerate(p["priorities"], start=1):
            assert list(pr) == ["id", "title", "description", "leadAgency", "partners", "outcomes", "indicators",
                                "rag", "ragReason", "ragDate", "actions"]
            assert pr["id"] == f"priority-{s}-{n}" and pr["id"] not in priority
            priority[pr["id"]] = (p["place"], pr)
            assert pr["title"] and len(pr["title"]) <= 60 and pr["description"].endswith(".")
            assert pr["leadAgency"] in agency and pr["leadAgency"] not in pr["partners"]
            assert 1 <= len(pr["partners"]) <= 3 and len(set(pr["partners"])) == len(pr["partners"])
            assert all(a in agency for a in pr["partners"])
            assert pr["outcomes"] and all(o in outcome_keys for o in pr["outcomes"])
            assert pr["indicators"] and all(i in indicator for i in pr["indicators"])
            assert pr["rag"] in ("red", "amber", "green") and pr["ragReason"].endswith(".")
            assert TODAY - timedelta(days=92) <= date.fromisoformat(pr["ragDate"]) <= TODAY
            assert 2 <= len(pr["actions"]) <= 4, pr["id"]
            for m, a in enumerate(pr["actions"], start=1):
                assert list(a) == ["id", "title", "owner", "due", "status"]
                assert a["id"] == f"action-{s}-{n}-{m}" and a["id"] not in action
                action[a["id"]] = pr["id"]
                owner = member[a["owner"]]
                assert serves(owner, p["place"]) and owner["role"] in ("lead", "frontline"), a["id"]
                assert date(2026, 6, 1) <= date.fromisoformat(a["due"]) <= date(2027, 9, 30)
                assert a["status"] in ACTION_STATUSES and a["title"]
            blocked = any(a["status"] == "blocked" for a in pr["actions"])
            if pr["rag"] == "red":
                assert blocked, f"{pr['id']}: a red priority has a blocked action"
            if pr["rag"] == "green":
                assert not blocked, f"{pr['id']}: a green priority has no blocked action"
        counts["priorities"] += len(p["priorities"])
        counts["actions"] += sum(len(pr["actions"]) for pr in p["priorities"])
    rags = [pr["rag"] for _, pr in priority.values()]
    assert all(rags.count(r) >= 5 for r in ("red", "amber", "green")), rags

    # Place Standard
    assessments = load("place-standard.json")
    keys(assessments, ["id", "place", "date", "group", "respondents", "toolVersion", "scores"], "place standard")
    unique(assessments)
    assert len(assessments) == 2 * len(areas)
    mean_score = {}
    for a in areas:
        older, newer = [x for x in assessments if x["place"] == a["id"]]
        assert older["date"].startswith("2024-10-") and newer["date"].startswith("2026-09-")
        assert (older["toolVersion"], newer["toolVersion"]) == ("1", "2")
        for x in (older, newer):
            assert x["id"].startswith("place-standard-") and x["group"] and 12 <= x["respondents"] <= 400
            assert list(x["scores"]) == PLACE_STANDARD_THEMES
            assert all(isinstance(v, int) and 1 <= v <= 7 for v in x["scores"].values())
        assert all(abs(newer["scores"][t] - older["scores"][t]) <= 2 for t in PLACE_STANDARD_THEMES)
        mean_score[a["id"]] = sum(newer["scores"].values()) / len(PLACE_STANDARD_THEMES)
    assert mean_score["place-levenmouth"] < mean_score["place-north-east-fife"]
    assert mean_score["place-kirkcaldy"] < mean_score["place-south-west-fife"]

    # Evidence
    evidence = load("evidence.json")
    keys(evidence, ["id", "kind", "place", "source", "date", "text", "themes", "needs", "by"], "evidence")
    unique(evidence)
    for a in areas:
        mine = [e for e in evidence if area_of(e["place"]) == a["id"]]
        voices = [e for e in mine if e["kind"] == "community-voice"]
        notes = [e for e in mine if e["kind"] == "practitioner"]
        assert len(voices) + len(notes) == len(mine) and 3 <= len(voices) <= 5 and 2 <= len(notes) <= 3, a["id"]
        assert all(e["id"].startswith("evidence-" + a["id"].removeprefix("place-") + "-") for e in mine)
        for e in voices:
            assert e["source"] in ("community panel", "survey", "consultation") and e["by"] is None
        for e in notes:
            assert e["source"] == "practitioner" and serves(member[e["by"]], e["place"])
    for e in evidence:
        assert place[e["place"]]["kind"] in ("area", "community")
        assert date(2026, 1, 1) <= date.fromisoformat(e["date"]) <= TODAY and e["text"].endswith(".")
        assert all(t in PLACE_STANDARD_THEMES for t in e["themes"]) and all(n in CATEGORY_KEYS for n in e["needs"])
        assert e["themes"] or e["needs"], e["id"]

    # Funding pots and allocations
    pots = load("pots.json")
    keys(pots, ["place", "streams", "allocations"], "pots")
    assert [p["place"] for p in pots] == [a["id"] for a in areas]
    stream_ids, allocation_ids = set(), set()
    money = {"streams": 0, "allocated": 0, "allocations": 0}
    for pot in pots:
        assert len(pot["streams"]) == 3 and 3 <= len(pot["allocations"]) <= 7, pot["place"]
        stream = {}
        for st in pot["streams"]:
            assert list(st) == ["id", "name", "amount", "conditions", "endDate"]
            assert st["id"].startswith("stream-") and st["id"] not in stream_ids
            stream_ids.add(st["id"])
            stream[st["id"]] = st
            assert isinstance(st["amount"], int) and 20_000 <= st["amount"] <= 400_000
            assert st["name"] and st["conditions"].endswith(".") and st["endDate"] in ("2027-03-31", "2028-03-31")
        spent = {sid: 0 for sid in stream}
        for al in pot["allocations"]:
            assert list(al) == ["id", "stream", "priority", "action", "amount", "by", "at"]
            assert al["id"].startswith("allocation-") and al["id"] not in allocation_ids
            allocation_ids.add(al["id"])
            assert al["stream"] in stream and priority[al["priority"]][0] == pot["place"]
            assert al["action"] is None or action[al["action"]] == al["priority"]
            assert isinstance(al["amount"], int) and al["amount"] > 0
            by = member[al["by"]]
            assert by["role"] == "lead" and serves(by, pot["place"])
            assert re.fullmatch(r"2026-\d\d-\d\dT\d\d:\d\d:00Z", al["at"])
            assert parse_iso(al["at"]) < datetime(2026, 11, 24)
            spent[al["stream"]] += al["amount"]
        assert all(spent[sid] < stream[sid]["amount"] for sid in stream), pot["place"]
        total, allocated = sum(st["amount"] for st in pot["streams"]), sum(spent.values())
        assert 0.10 <= 1 - allocated / total <= 0.40, (pot["place"], allocated, total)
        money["streams"] += total
        money["allocated"] += allocated
        money["allocations"] += len(pot["allocations"])

    # Learning
    learning = load("learning.json")
    keys(learning, ["id", "place", "kind", "title", "text", "date", "by"], "learning")
    unique(learning)
    for a in areas:
        mine = [x for x in learning if x["place"] == a["id"]]
        assert 2 <= len(mine) <= 3, a["id"]
        for x in mine:
            assert x["id"].startswith("learning-" + a["id"].removeprefix("place-") + "-")
            assert x["kind"] in ("innovation", "obstacle") and x["title"] and x["text"].endswith(".")
            assert date(2026, 1, 1) <= date.fromisoformat(x["date"]) <= TODAY and serves(member[x["by"]], a["id"])
    assert len(learning) == sum(len(v) for v in LEARNING.values())

    locations = len(seen_locations)
    active = statuses.count("active")
    return (f"places {len(places)} (1 council, {len(areas)} areas, {len(communities)} communities) · "
            f"agencies {len(agencies)} · need categories {len(categories)} · members {len(members)} · "
            f"services {len(services)} ({active} active) · locations {locations} · residents {len(residents)} · "
            f"cases {len(cases)} ({len(open_cases)} open, {len(cases) - len(open_cases)} closed; "
            f"{counts['triage']} awaiting triage, {counts['returned']} with a returned need) · "
            f"needs {counts['needs']} · referrals {counts['referrals']} · "
            f"outcomes {len(outcomes)} · indicators {len(indicators)} · "
            f"indicator values {len(values)} ({len(missing)} gaps) · scorecards {len(scorecards)} · "
            f"plans {len(plans)} ({counts['priorities']} priorities, {counts['actions']} actions) · "
            f"place standard {len(assessments)} · evidence {len(evidence)} · "
            f"pots {len(pots)} ({len(stream_ids)} streams, {money['allocations']} allocations, "
            f"£{money['allocated']:,} of £{money['streams']:,} allocated) · learning {len(learning)}")


def main():
    files = generate()
    OUT.mkdir(parents=True, exist_ok=True)
    for name, text in files.items():
        with open(OUT / name, "w", encoding="utf-8", newline="") as f:
            f.write(text)
    print(check(OUT))


if __name__ == "__main__":
    sys.exit(main())
