#!/usr/bin/env python3
"""Writes the fictional Northdale County Council sample dataset (samples/northdale/).

Deterministic (fixed seed): running it again gives byte-identical files. The evidence mirrors a real
CQC finding on learning from feedback: 118 complaints received February 2023 to January 2024 with a
declining proportion upheld, specialist training in the mental health teams and little in
reablement, reflective supervision, and an Ombudsman uphold rate above similar authorities in
2022-23 that improves in 2023-24.
"""
import csv, datetime as dt, os, random

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "northdale")
rng = random.Random(20240131)
D = dt.date

def write(name, header, rows):
    with open(os.path.join(OUT, name), "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(header)
        for r in rows:
            w.writerow(["" if v is None else ("true" if v is True else "false" if v is False else v.isoformat() if isinstance(v, dt.date) else v) for v in r])

def months(start, n):
    y, m = start
    for _ in range(n):
        yield y, m
        m += 1
        if m == 13:
            y, m = y + 1, 1

def rand_day(y, m):
    last = (D(y + (m == 12), m % 12 + 1, 1) - dt.timedelta(days=1)).day
    return D(y, m, rng.randint(1, last))

def add_wd(d, n):
    while n:
        d += dt.timedelta(days=1)
        if d.weekday() < 5:
            n -= 1
    return d

# The data was taken from the case system on 31 March 2024 (coverage.md): nothing it records happened later.
EXTRACTED = D(2024, 3, 31)
write("authority.csv", ["code", "name", "council_type", "population", "extracted_on", "adult_population"],
      [["NDC", "Northdale County Council", "COUNTY", 612400, EXTRACTED, 497800]])

# --- complaints ---------------------------------------------------------------------------
AREAS = [("Older people", 35), ("Reablement", 20), ("Mental health", 15), ("Learning disability", 12), ("Physical disability", 10), ("Carers", 8)]
THEMES = ["COMMUNICATION", "DELAY", "CHARGING", "CARE_QUALITY", "ASSESSMENT", "STAFF_CONDUCT", "HOSPITAL_DISCHARGE"]
THEME_W = [30, 22, 14, 14, 10, 6, 4]
prev_counts = [8, 9, 10, 7, 9, 8, 10, 9, 8, 9, 8, 9]          # Feb 2022 - Jan 2023: 104
r12_counts = [9, 11, 8, 10, 12, 9, 10, 11, 8, 10, 12, 8]       # Feb 2023 - Jan 2024: 118
after_counts = [7, 9]                                          # Feb - Mar 2024, after the sample period
E = D(2024, 1, 31)
complaints, seq = [], 0
all_months = list(months((2022, 2), 26))
counts = prev_counts + r12_counts + after_counts
for i, ((y, m), n) in enumerate(zip(all_months, counts)):
    uphold_p = 0.62 - 0.022 * i                                # the proportion upheld falls month on month
    for _ in range(n):
        seq += 1
        received = rand_day(y, m)
        ack = add_wd(received, rng.choice([1, 1, 2, 2, 2, 3, 3, 3, 4, 5] if i < 12 else [1, 1, 2, 2, 2, 3, 3, 3, 3, 4]))
        due = add_wd(received, 20 if rng.random() < 0.85 else 30)
        late = rng.random() < (0.28 if i < 12 else 0.16)
        responded = due + dt.timedelta(days=rng.randint(1, 25)) if late else received + dt.timedelta(days=rng.randint(8, max(9, (due - received).days)))
        if i >= 22 and rng.random() < 0.5:                       # recent ones still open
            responded = None
        if received > E - dt.timedelta(days=3) and rng.random() < 0.6:
            ack = None
        if seq in (150, 181, 197):                              # long-running complaints, overdue at the end of January 2024
            responded = None
        r = rng.random()
        outcome = None if responded is None else ("WITHDRAWN" if r < 0.04 else "UPHELD" if r < 0.04 + uphold_p * 0.45
                  else "PARTLY_UPHELD" if r < 0.04 + uphold_p else "NOT_UPHELD")
        area = rng.choices([a for a, _ in AREAS], [w for _, w in AREAS])[0]
        themes = sorted(set(rng.choices(THEMES, THEME_W, k=rng.choice([1, 1, 2, 2, 3]))), key=THEMES.index)
        if area == "Reablement" and rng.random() < 0.5 and "CARE_QUALITY" not in themes:
            themes.append("CARE_QUALITY")
        qa = responded is not None and rng.random() < (0.55 + 0.02 * i)
        complaints.append([f"NDC-C-{seq:04d}", received, ack, due, responded, outcome, area, ";".join(themes), qa])
for c in complaints:                                            # answered after the extraction: still open in the data
    if c[4] is not None and c[4] > EXTRACTED:
        c[4], c[5], c[8] = None, None, False
write("complaints.csv", ["ref", "received_date", "acknowledged_date", "due_date", "responded_date", "outcome", "service_area", "themes", "qa_reviewed"], complaints)

# --- Ombudsman -----------------------------------------------------------------------------
cases = []
def lgsco(year, decisions, first_month):
    y0 = int(year[:4])
    for k, (decision, remedy) in enumerate(decisions):
        mm = (first_month + k) % 12 + 1
        decided = rand_day(y0 + (1 if mm <= 3 else 0), mm)
        ref = f"{year[2:4]}{(k + 1):03d}{rng.randint(100, 999)}"
        complaint_ref = rng.choice(complaints[:60])[0] if decision in ("UPHELD", "NOT_UPHELD") and rng.random() < 0.6 else None
        enquiry_due = decided - dt.timedelta(days=rng.randint(40, 90)) if decision in ("UPHELD", "NOT_UPHELD") else None
        sent = None if enquiry_due is None else enquiry_due - dt.timedelta(days=rng.randint(0, 5)) if rng.random() < 0.8 else enquiry_due + dt.timedelta(days=rng.randint(1, 9))
        cases.append([ref, complaint_ref, year, decided, decision, remedy, enquiry_due, sent])
lgsco("2021-22", [("UPHELD", False), ("NOT_UPHELD", False), ("ASSESSED_CLOSED", False), ("UPHELD", True), ("NOT_FOR_US", False), ("UPHELD", False), ("NOT_UPHELD", False)], 3)
lgsco("2022-23", [("UPHELD", False), ("UPHELD", True), ("NOT_FOR_US", False), ("UPHELD", False), ("UPHELD", False), ("ASSESSED_CLOSED", False),
                  ("UPHELD", True), ("NOT_UPHELD", False), ("UPHELD", False), ("ASSESSED_CLOSED", False), ("UPHELD", False), ("NOT_UPHELD", False),
                  ("UPHELD", True), ("ASSESSED_CLOSED", False)], 3)
lgsco("2023-24", [("NOT_UPHELD", False), ("UPHELD", True), ("ASSESSED_CLOSED", False), ("NOT_UPHELD", False), ("UPHELD", False),
                  ("NOT_FOR_US", False), ("NOT_UPHELD", False), ("UPHELD", True), ("NOT_UPHELD", False)], 3)
cases.append(["23999401", None, "2023-24", D(2024, 2, 20), "UPHELD", False, D(2024, 1, 10), D(2024, 1, 9)])   # decided after the sample period
write("lgsco_cases.csv", ["lgsco_ref", "complaint_ref", "business_year", "decision_date", "decision", "satisfactory_council_remedy", "enquiry_due", "enquiry_sent"], cases)
write("lgsco_benchmarks.csv", ["business_year", "measure", "similar_avg"], [
    ["2021-22", "UPHOLD_RATE_PCT", "69"], ["2021-22", "UPHELD_PER_100K", "1.2"],
    ["2022-23", "UPHOLD_RATE_PCT", "71"], ["2022-23", "UPHELD_PER_100K", "1.3"],
    ["2023-24", "UPHOLD_RATE_PCT", "73"], ["2023-24", "UPHELD_PER_100K", "1.2"]])

# --- staff, courses, training, supervision --------------------------------------------------
TEAMS = [("Mental Health North", "Mental health", 16), ("Mental Health South", "Mental health", 14), ("Reablement East", "Reablement", 22),
         ("Reablement West", "Reablement", 20), ("Older People Locality A", "Older people", 18), ("Older People Locality B", "Older people", 16),
         ("Learning Disability", "Learning disability", 14), ("Safeguarding Adults Hub", "Safeguarding", 10), ("Hospital Discharge", "Older people", 10)]
RSW_ROLES = {"Social Worker", "Senior Social Worker", "Team Manager", "Approved Mental Health Professional"}
def roles_for(area):
    if area == "Reablement":
        return ["Reablement Support Worker"] * 7 + ["Occupational Therapist", "Team Manager", "Social Worker"]
    if area == "Mental health":
        return ["Social Worker"] * 4 + ["Approved Mental Health Professional"] * 2 + ["Senior Social Worker", "Community Care Officer", "Team Manager"]
    return ["Social Worker"] * 4 + ["Senior Social Worker", "Community Care Officer", "Occupational Therapist", "Team Manager"]
staff, n = [], 0
for team, area, size in TEAMS:
    roles = roles_for(area)
    for k in range(size):
        n += 1
        role = "Team Manager" if k == 0 else rng.choice([r for r in roles if r != "Team Manager"])
        et = rng.choices(["PERMANENT", "TEMPORARY", "AGENCY"], [85, 6, 9])[0]
        start = D(rng.randint(2009, 2021), rng.randint(1, 12), rng.randint(1, 28)) if rng.random() < 0.8 else rand_day(*rng.choice(list(months((2022, 1), 24))))
        end = None
        if rng.random() < 0.14:
            end = start + dt.timedelta(days=rng.randint(200, 3000))
            if end <= D(2021, 12, 31) or end > D(2024, 3, 31):
                end = rand_day(*rng.choice(list(months((2022, 2), 25))))
            if end <= start:
                end = None
        fte = rng.choices(["1", "0.8", "0.6", "0.5"], [75, 12, 8, 5])[0]
        staff.append([f"NDC{n:04d}", team, area, role, et, fte, start, end, role in RSW_ROLES])
write("staff.csv", ["staff_id", "team", "service_area", "job_role", "employment_type", "fte", "start_date", "end_date", "registered_social_worker"], staff)

COURSES = [("CA01", "Care Act 2014 essentials", "CARE_ACT", 36), ("CA02", "Strengths-based practice", "CARE_ACT", None),
           ("MCA01", "Mental Capacity Act and Deprivation of Liberty Safeguards", "MCA_DOLS", 24),
           ("SG01", "Safeguarding adults, level 2", "SAFEGUARDING", 24), ("SG02", "Safeguarding adults, level 3", "SAFEGUARDING", 36),
           ("SP01", "Substance misuse and dual diagnosis", "SPECIALIST", 36), ("SP02", "Autism: the Oliver McGowan training, tier 2", "SPECIALIST", 36),
           ("SP03", "Hoarding and self-neglect", "SPECIALIST", 36), ("SP04", "Dementia care in the home", "SPECIALIST", 36),
           ("SP05", "Trauma-informed practice", "SPECIALIST", None), ("OT01", "Moving and handling people", "OTHER", 12),
           ("OT02", "Data protection and information governance", "OTHER", 12)]
write("courses.csv", ["code", "title", "category", "renewal_months"], [[c, t, cat, r] for c, t, cat, r in COURSES])
REQ = [("CA01", "*", 90), ("SG01", "*", 30), ("OT02", "*", 30),
       ("MCA01", "RSW", 90), ("SG02", "RSW", 180), ("CA02", "RSW", 180),
       ("OT01", "Reablement Support Worker", 30), ("OT01", "Occupational Therapist", 30), ("SP04", "Reablement Support Worker", 180),
       ("SP01", "Approved Mental Health Professional", 180), ("MCA01", "Occupational Therapist", 90)]
all_roles = sorted({s[3] for s in staff})
reqs = []
for course, who, days in REQ:
    for role in all_roles:
        if who == "*" or (who == "RSW" and role in RSW_ROLES) or who == role:
            reqs.append([course, role, days])
write("course_requirements.csv", ["course_code", "job_role", "due_days_from_start"], reqs)

renew = {c: r for c, _, _, r in COURSES}
training = []
def complete(sid, course, first, until, p_keep):
    d = first
    while d <= until:
        hours = rng.choice(["3", "3.5", "6", "7", "", "2"])
        expiry = None
        if renew[course] and rng.random() < 0.05:
            expiry = d + dt.timedelta(days=365)
        training.append([sid, course, d, expiry, hours])
        if renew[course] is None or rng.random() > p_keep:
            break
        d = d + dt.timedelta(days=30 * renew[course] - rng.randint(10, 60))
for s in staff:
    sid, team, area, role, _, _, start, end, rsw = s
    until = min(end or D(2024, 3, 31), D(2024, 3, 31))
    keep = 0.9 if area != "Reablement" else 0.72
    for course, r_role, days in reqs:
        if r_role != role:
            continue
        p = 0.93 if area != "Reablement" else 0.8
        if course == "SP04":
            p = 0.25                                             # little specialist training in reablement
        if rng.random() < p:
            first = start + dt.timedelta(days=rng.randint(5, days + 40))
            if first < D(2019, 1, 1):
                first = D(2019, 1, 1) + dt.timedelta(days=rng.randint(0, 700))
            complete(sid, course, first, until, keep)
    if area == "Mental health":                                  # specialist training in the mental health teams
        for course in ("SP01", "SP02", "SP03", "SP05"):
            if rng.random() < 0.75:
                when = rand_day(*rng.choice(list(months((2022, 3), 23))))
                if start <= when <= until:
                    training.append([sid, course, when, None, rng.choice(["6", "7", "3.5"])])
    elif rng.random() < 0.12:
        when = rand_day(*rng.choice(list(months((2022, 3), 23))))
        if start <= when <= until:
            training.append([sid, rng.choice(["SP02", "SP05"]), when, None, "3"])
training.sort(key=lambda t: (t[2], t[0], t[1]))
write("training.csv", ["staff_id", "course_code", "completed_date", "expiry_date", "hours"], training)

sup = []
for s in staff:
    sid, team, area, role, _, _, start, end, rsw = s
    d = max(start, D(2022, 1, 3)) + dt.timedelta(days=rng.randint(0, 20))
    stop = min(end or D(2024, 2, 29), D(2024, 2, 29))
    gap = (24, 40) if rsw else (50, 80)
    k = 0
    while d <= stop:
        k += 1
        kind = "REFLECTIVE" if rsw and k % 3 == 0 and rng.random() < 0.85 else "GROUP" if rng.random() < 0.08 else "CASE"
        cancelled = rng.random() < 0.07
        sup.append([sid, d, rng.choice([45, 60, 60, 90]), kind, cancelled])
        d += dt.timedelta(days=rng.randint(*gap))
sup.sort(key=lambda r: (r[1], r[0]))
write("supervision.csv", ["staff_id", "held_date", "duration_min", "kind", "cancelled"], sup)

# --- assessments, findings, actions ----------------------------------------------------------
QS = ["ASSESSING_NEEDS", "HEALTHIER_LIVES", "EQUITY", "CARE_PROVISION", "PARTNERSHIPS", "SAFE_SYSTEMS", "SAFEGUARDING", "GOVERNANCE", "LEARNING"]
scores = []
def assessment(aid, kind, on, values, why=None):
    for q, v in zip(QS, values):
        scores.append([aid, kind, on, q, v, (why or {}).get(q)])
assessment("SELF-2023-03", "SELF", D(2023, 3, 15), [3, 2, 2, 3, 3, 2, 3, 2, 2])
assessment("MOCK-2023-06", "MOCK", D(2023, 6, 20), [3, 2, 2, 3, 3, 2, 3, 3, 2])
assessment("PEER-2023-09", "PEER", D(2023, 9, 12), [3, 3, 2, 3, 3, 2, 3, 3, 3],
           {"LEARNING": "Peer team saw a clear line from complaints to changes in practice."})
assessment("SELF-2023-10", "SELF", D(2023, 10, 2), [3, 3, 2, 3, 3, 3, 3, 3, 3],
           {"EQUITY": "Data on unpaid carers from minority ethnic groups is incomplete.",
            "LEARNING": "Complaints learning is reviewed quarterly; specialist training is uneven across teams."})
assessment("CQC-2023-12", "CQC", D(2023, 12, 14), [3, 3, 2, 3, 3, 2, 3, 2, 3],
           {"LEARNING": "Evidence shows a good standard: feedback and complaints are used to learn and improve."})
assessment("SELF-2024-03", "SELF", D(2024, 3, 20), [3, 3, 3, 3, 3, 3, 3, 3, 3])
write("qs_scores.csv", ["assessment_id", "kind", "assessed_on", "qs_code", "score", "rationale"], scores)

F = []
def finding(qs, cat, kind, title, summary, source, on):
    F.append([f"F{len(F) + 1:03d}", qs, cat, kind, title, summary, source, on])
finding("LEARNING", "PEOPLE_EXPERIENCE", "KEY_FINDING", "Feedback and complaints are used to learn and improve",
        "People told us the council listened when they complained. The proportion of complaints upheld has fallen over the year, and each response is reviewed by the complaints officer for learning.\nThemes are reported to the leadership team every quarter.",
        "Complaints annual review", D(2023, 11, 2))
finding("LEARNING", "STAFF_LEADERS", "STRENGTH", "Specialist training in the mental health teams",
        "Staff in the mental health teams had specialist training in substance misuse, autism and hoarding, which helped them support people with complex needs.",
        "Staff focus group", D(2023, 9, 21))
finding("LEARNING", "STAFF_LEADERS", "AREA_FOR_IMPROVEMENT", "Little specialist training in reablement",
        "Reablement staff had received little specialist training, for example in dementia care, and said this limited how well they could support people at home.",
        "Staff survey 2023", D(2023, 10, 5))
finding("LEARNING", "STAFF_LEADERS", "STRENGTH", "Reflective supervision gives space to learn",
        "Social workers described regular reflective supervision that gave them time to think about practice and learn from complex cases.",
        "Principal social worker audit", D(2023, 7, 14))
finding("LEARNING", "PROCESSES", "AREA_FOR_IMPROVEMENT", "Ombudsman upheld a higher share than similar councils",
        "In 2022-23 the Local Government and Social Care Ombudsman upheld a higher proportion of complaints about the council than the average for similar authorities. The rate has improved in 2023-24.",
        "LGSCO annual review letter", D(2023, 7, 26))
finding("LEARNING", "PARTNERS", "STRENGTH", "Learning shared with partners after safeguarding adults reviews",
        "Partners said lessons from safeguarding adults reviews were shared in joint “7-minute briefings” and changed practice across health & care.",
        "Safeguarding Adults Board", D(2023, 5, 18))
finding("LEARNING", "PEOPLE_EXPERIENCE", "AREA_FOR_IMPROVEMENT", "Feedback from Welsh-speaking carers",
        "Carers near the border asked for information in Welsh — “Gwybodaeth yn Gymraeg, os gwelwch yn dda” — and said leaflets were English-only.",
        "Carers’ forum", D(2023, 12, 6))
finding("LEARNING", "OUTCOMES", "KEY_FINDING", "Principal social worker’s practice week",
        "A practice week led by the principal social worker tested new strengths-based recording 👍 with 40 practitioners.",
        None, D(2022, 11, 10))
TITLES = {
    "ASSESSING_NEEDS": ["Waiting times for Care Act assessments are falling", "Strengths-based conversations at the front door", "Occupational therapy waiting list"],
    "HEALTHIER_LIVES": ["Reablement helps people stay at home", "Information and advice are hard to find online", "Early help through community connectors"],
    "EQUITY": ["Data on people from minority ethnic groups is incomplete", "Accessible information for people with sensory loss", "Work with the Gypsy, Roma and Traveller community"],
    "CARE_PROVISION": ["Home care capacity in rural areas", "Market position statement refreshed", "Direct payments uptake is low"],
    "PARTNERSHIPS": ["Joint working with the NHS on hospital discharge", "Voluntary sector grants for carers’ support", "Integrated neighbourhood teams"],
    "SAFE_SYSTEMS": ["Transitions from children’s services start late", "Hospital discharge delays at weekends", "Shared care records with health"],
    "SAFEGUARDING": ["Safeguarding enquiries completed promptly", "Making safeguarding personal", "Multi-agency risk meetings"],
    "GOVERNANCE": ["Performance reporting to members", "Workforce strategy and recruitment", "Budget pressures in long-term care"],
}
CATS = ["PEOPLE_EXPERIENCE", "STAFF_LEADERS", "PARTNERS", "PROCESSES", "OUTCOMES", "OBSERVATION"]
for qs, titles in TITLES.items():
    for t in titles:
        cat = rng.choice(CATS[:4] + CATS[:4] + CATS[4:])
        kind = rng.choice(["KEY_FINDING", "STRENGTH", "STRENGTH", "AREA_FOR_IMPROVEMENT"])
        on = rand_day(*rng.choice(list(months((2022, 4), 22))))
        finding(qs, cat, kind, t, None, rng.choice(["Case file audit", "People’s survey", "Partner workshop", "Performance data", None]), on)
write("findings.csv", ["id", "qs_code", "category", "kind", "title", "summary", "source", "evidence_date"], F)

OWNERS = ["Priya Shah, Head of Quality Assurance", "Tom O’Neill, Principal Social Worker", "Gwen Morgan, Head of Reablement",
          "Sam Adeyemi, Head of Mental Health", "Chris Walker, Complaints Manager", "Dr Aisha Rahman, Director of Adult Social Care"]
ACTIONS = [("LEARNING", "Quarterly complaints learning report to leadership team"), ("LEARNING", "Specialist dementia training for reablement staff"),
           ("LEARNING", "Share Ombudsman decisions with team managers within 10 days"), ("LEARNING", "Reflective supervision for occupational therapists"),
           ("ASSESSING_NEEDS", "Reduce the occupational therapy waiting list to 6 weeks"), ("ASSESSING_NEEDS", "Audit of strengths-based assessments"),
           ("EQUITY", "Improve recording of ethnicity and language"), ("EQUITY", "Translate carers’ information into Welsh & Polish"),
           ("CARE_PROVISION", "Commission rural home care runs"), ("CARE_PROVISION", "Direct payments support service"),
           ("PARTNERSHIPS", "Joint discharge-to-assess pathway with the NHS trust"), ("SAFE_SYSTEMS", "Preparing for adulthood panel from age 14"),
           ("SAFE_SYSTEMS", "Weekend discharge social work cover"), ("SAFEGUARDING", "Making safeguarding personal audit"),
           ("GOVERNANCE", "Adult social care performance dashboard for members"), ("GOVERNANCE", "Recruitment and retention plan for social workers"),
           ("HEALTHIER_LIVES", "Refresh the online information and advice pages"), (None, "Self-assessment refresh before CQC site visit"),
           ("LEARNING", "Complaint response templates in plain English"), ("SAFEGUARDING", "Safeguarding adults review action tracker"),
           ("GOVERNANCE", "Reduce agency social worker use below 10%"), ("PARTNERSHIPS", "Carers’ strategy co-produced with carers"),
           ("LEARNING", "Learning from deaths reviews in learning disability services"), ("ASSESSING_NEEDS", "Financial assessment backlog plan")]
actions = []
for k, (qs, title) in enumerate(ACTIONS):
    created = rand_day(*rng.choice(list(months((2022, 6), 19))))
    due = created + dt.timedelta(days=rng.randint(60, 300))
    done = None
    if rng.random() < 0.55:
        done = due + dt.timedelta(days=rng.randint(-40, 30))
        if done < created:
            done = created + dt.timedelta(days=10)
    rag = "GREEN" if done else rng.choice(["RED", "AMBER", "AMBER", "GREEN"])
    actions.append([f"A{k + 1:03d}", qs, title, OWNERS[k % len(OWNERS)], created, due, done, rag])
for a in actions:
    if a[6] is not None and a[6] > EXTRACTED:
        a[6] = None
write("actions.csv", ["id", "qs_code", "title", "owner", "created_on", "due_date", "completed_date", "rag"], actions)
# --- what complaints taught (complaint_learning.csv, optional) -------------------------------
# Its own generator, so that adding the file left every other file byte-identical.
lrng = random.Random(20240401)
LEARNING = [
    ("Charging", "People paying for their care by Direct Debit were charged twice in one month after the finance system was upgraded.",
     "The Direct Debit process was fixed with the finance team: collection dates are now checked against the care invoice run, and the people affected were refunded within five working days."),
    ("Staff conduct", "A woman living alone did not know whether to let a care worker in, because the worker had no identification with them.",
     "All home care providers were reminded that care workers must wear their identification badges at every visit; spot checks now include badges."),
    ("Delay", "A family waited eleven weeks to hear the outcome of a financial assessment.\nNobody told them why it was taking so long.",
     "Financial assessments waiting more than four weeks are now reviewed weekly, and people get a call to explain the delay."),
    ("Communication", "Letters about care charges used wording that people found hard to follow, e.g. \"disregards\" & \"tariff income\".",
     "Charging letters were rewritten in plain English with Age UK Northdale and tested with people who receive them."),
    ("Hospital discharge", "A man was discharged from hospital on a Friday evening before his reablement package could start.",
     "Weekend social work cover at the hospital was agreed with the NHS trust (action A009); discharges after 3pm on Fridays now need a confirmed start date."),
    ("Care quality", "Reablement visits were cut short when carers ran late, and the person was not told.",
     "Reablement rotas now leave 10 minutes' travel time between visits; late visits are phoned through to the person."),
    ("Assessment", "A carer's own needs were not looked at when their mother's care was assessed.",
     "Carers' assessments are now offered at every needs assessment, and recorded as offered or declined."),
    ("Communication", "Gwybodaeth yn Gymraeg: a Welsh-speaking carer could not get information in Welsh.",
     "Carers' information is being translated into Welsh and Polish (action A008)."),
    ("Staff conduct", "A complainant felt a social worker had talked about them, not to them, in a review meeting.", None),
    ("Delay", "Occupational therapy assessments for stair lifts took more than twelve weeks.",
     "A waiting list plan is in place to bring waits down to six weeks (action A005); people waiting get a named contact."),
    ("Charging", "Top-up fees for a care home were not explained before the move < so the family was surprised by the first bill.",
     "Care home moves now include a written summary of any top-up, signed before the move."),
    ("Communication", "Complaint responses were long and written for the council, not for the person who complained.",
     "Response templates were rewritten in plain English (action A021) and every response is read by the complaints officer first."),
]
upheld = [c for c in complaints if c[5] in ("UPHELD", "PARTLY_UPHELD") and c[4] is not None]
learning = []
for k, (_, learned, action) in enumerate(LEARNING):
    pool = [c for c in upheld if (c[4] >= D(2023, 4, 1)) == (k % 6 != 5)]     # most from 2023-24, some from the year before
    c = pool[(k * 7) % len(pool)]
    learning.append([c[0], c[4] + dt.timedelta(days=lrng.randint(3, 21)), learned, action])
learning.sort(key=lambda r: (r[1], r[0]))
write("complaint_learning.csv", ["complaint_ref", "recorded_on", "learning", "action_taken"], learning)

# --- the council's targets (targets.csv, optional; metrics.md version 2) -----------------------------
# What a county council's adult social care leadership team might set: statutory timescales near 100%, the employer's
# supervision standards, turnover and agency use held down, and no improvement action left overdue.
write("targets.csv", ["metric", "target", "better", "amber_within"], [
    ["complaints.ack_on_time_pct", 95, "HIGHER", 5],
    ["complaints.response_on_time_pct", 85, "HIGHER", 5],
    ["complaints.overdue_open", 2, "LOWER", 2],
    ["training.compliance_pct", 90, "HIGHER", 5],
    ["supervision.compliance_pct", 90, "HIGHER", 5],
    ["supervision.standard_pct", 80, "HIGHER", 10],
    ["workforce.turnover_pct_12m", 12, "LOWER", 2],
    ["workforce.agency_fte_share_pct", 10, "LOWER", 3],
    ["actions.overdue", 0, "LOWER", 3],
    ["actions.completed_on_time_pct_12m", 80, "HIGHER", 10],
    ["readiness.evidence_coverage_pct", 90, "HIGHER", 10],
    ["reviews.reviewed_12m_pct", 85, "HIGHER", 5],
    ["waits.over_6_months.CARE_ACT_ASSESSMENT", 0, "LOWER", 10],
    ["dols.within_21d_pct_12m", 30, "HIGHER", 10],
])

# --- Care Act operations (operations.md): waits, long-term support, reviews, safeguarding, DoLS ---------------------
# Sized for a county of 612,000: about 0.9% of people in long-term support, ~2,300 safeguarding concerns and ~3,500
# DoLS applications a year (national 2023-24: 332,000 received, 124,000 not completed at year end), a Care Act
# assessment list of about 400 that grew through 2023 and eased in the last months. Rows are as extracted on
# 2024-03-31: nothing after that date is known. A separate generator, so the files above stay byte-identical.
orng = random.Random(20240331)
EXTRACT = D(2024, 3, 31)
OPS_START = (2021, 4)                       # the trend's first month (Feb 2022) needs its waiting list and a year of history
OPS_MONTHS = list(months(OPS_START, 36))    # Apr 2021 - Mar 2024
_people = set()

def person():
    while True:
        p = "P%08X" % orng.getrandbits(32)
        if p not in _people:
            _people.add(p)
            return p

def known(d):
    return d if d is not None and d <= EXTRACT else None

def lognormal_days(median, sigma, lo=0, hi=None):
    import math
    v = int(round(math.exp(math.log(median) + orng.gauss(0, sigma))))
    v = max(lo, v)
    return min(hi, v) if hi is not None else v

WAIT_KINDS = [  # kind, requests a month, median days to start, spread
    ("CARE_ACT_ASSESSMENT", 205, 38, 0.9),
    ("CARER_ASSESSMENT", 42, 30, 0.8),
    ("OT_ASSESSMENT", 105, 55, 0.8),
    ("FINANCIAL_ASSESSMENT", 85, 18, 0.7),
    ("REVIEW", 38, 45, 0.8),
]
waits, wseq = [], 0
for i, (y, m) in enumerate(OPS_MONTHS):
    pressure = 1.0 + 0.45 * max(0, min(i - 12, 18)) / 18 - 0.25 * max(0, i - 30) / 6   # waits lengthen into 2023, ease in 2024
    for kind, per_month, median, spread in WAIT_KINDS:
        for _ in range(int(per_month * orng.uniform(0.9, 1.1))):
            wseq += 1
            requested = rand_day(y, m)
            delay = lognormal_days(median * pressure, spread, lo=0, hi=420)
            started, closed, reason = requested + dt.timedelta(days=delay), None, None
            roll = orng.random()
            if roll < 0.065:                                     # closed while still waiting, never started
                reason = orng.choices(["DIED", "MOVED_AWAY", "WITHDRAWN", "NO_LONGER_NEEDED"], [25, 12, 35, 28])[0]
                closed, started = requested + dt.timedelta(days=orng.randint(1, max(2, delay))), None
            else:
                closed, reason = started + dt.timedelta(days=orng.randint(5, 45)), "COMPLETED"
            started, closed = known(started), known(closed)
            if closed is None:
                reason = None
            if requested <= EXTRACT:
                waits.append([f"W{wseq:06d}", person(), kind, requested, started, closed, reason])
waits.sort(key=lambda r: (r[3], r[0]))
write("waits.csv", ["id", "person_id", "kind", "requested_on", "started_on", "closed_on", "close_reason"], waits)

# Long-term support: about 5,400 people at any time; some move from home care to a care home (two episodes sharing a day).
episodes, supported = [], []
def support(pid, start, end):
    setting = orng.choices(["COMMUNITY", "RESIDENTIAL", "NURSING"], [62, 26, 12])[0]
    if setting == "COMMUNITY" and orng.random() < 0.12:
        move = start + dt.timedelta(days=orng.randint(60, 900))
        if (end is None or move < end) and move <= EXTRACT:
            episodes.append([pid, "COMMUNITY", start, move])
            episodes.append([pid, orng.choice(["RESIDENTIAL", "NURSING"]), move, known(end)])
            return
    episodes.append([pid, setting, start, known(end)])
for _ in range(5400):                                           # in support when the history starts
    pid, start = person(), D(2021, 4, 1) - dt.timedelta(days=orng.randint(30, 2500))
    end = D(2021, 4, 1) + dt.timedelta(days=orng.randint(0, 4000)) if orng.random() < 0.55 else None
    support(pid, start, end); supported.append((pid, start, end))
for y, m in OPS_MONTHS:                                          # new starters, balancing those who leave
    for _ in range(orng.randint(55, 75)):
        pid, start = person(), rand_day(y, m)
        if start > EXTRACT:
            continue
        end = start + dt.timedelta(days=orng.randint(20, 2000)) if orng.random() < 0.5 else None
        support(pid, start, end); supported.append((pid, start, end))
episodes.sort(key=lambda r: (r[2], r[0]))
write("long_term_support.csv", ["person_id", "setting", "start_date", "end_date"], episodes)

# Reviews: yearly for most; the share reviewed slips in 2023 as reviewers are moved to the assessment list.
reviews = []
for pid, start, end in supported:
    due = start + dt.timedelta(days=orng.randint(300, 400))
    while due <= EXTRACT and (end is None or due <= end):
        slip = 0.12 + (0.14 if D(2023, 1, 1) <= due <= D(2023, 12, 31) else 0)
        if due >= D(2021, 1, 1) and orng.random() > slip:
            reviews.append([pid, due, True])
        if orng.random() < 0.08 and due + dt.timedelta(days=120) <= EXTRACT:
            reviews.append([pid, due + dt.timedelta(days=orng.randint(20, 200)), False])   # unplanned, after a change
        due += dt.timedelta(days=orng.randint(330, 420))
reviews = [r for r in reviews if r[1] <= EXTRACT]
reviews.sort(key=lambda r: (r[1], r[0]))
write("reviews.csv", ["person_id", "completed_on", "planned"], reviews)

# Safeguarding: ~190 concerns a month, one in six about someone with a concern in the year before; about 38% lead to
# a section 42 enquiry, 8% to another enquiry. Making Safeguarding Personal recorded for most.
concerns, enquiries, cseq, eseq, repeat_pool = [], [], 0, 0, []
for y, m in [(2020, 11), (2020, 12), (2021, 1), (2021, 2), (2021, 3)] + OPS_MONTHS:
    for _ in range(int(190 * orng.uniform(0.88, 1.12))):
        cseq += 1
        received = rand_day(y, m)
        pid = orng.choice(repeat_pool) if repeat_pool and orng.random() < 0.17 else person()
        repeat_pool.append(pid)
        repeat_pool = repeat_pool[-2400:]
        decided = received + dt.timedelta(days=lognormal_days(3, 1.0, hi=60))
        decision = orng.choices(["S42_ENQUIRY", "OTHER_ENQUIRY", "NO_ENQUIRY"], [38, 8, 54])[0]
        if known(decided) is None:
            decided = decision = None
        if received > EXTRACT:
            continue
        cid = f"SC{cseq:06d}"
        concerns.append([cid, pid, received, decided, decision])
        if decision in ("S42_ENQUIRY", "OTHER_ENQUIRY"):
            started = decided + dt.timedelta(days=orng.randint(0, 6))
            for attempt in range(2):                                 # a few are reopened as a new row
                if started > EXTRACT:
                    break
                eseq += 1
                concluded = known(started + dt.timedelta(days=lognormal_days(70, 0.75, lo=3, hi=520)))
                row = [f"SE{eseq:06d}", cid, started, concluded, None, None, None, None, None]
                if concluded is not None:
                    asked = orng.choices(["ASKED_EXPRESSED", "ASKED_NOT_EXPRESSED", "NOT_ASKED", "NOT_RECORDED"], [66, 15, 12, 7])[0]
                    risk = orng.choices(["IDENTIFIED", "INCONCLUSIVE", "NONE", "CEASED_AT_REQUEST"], [68, 11, 16, 5])[0]
                    action = orng.random() < (0.92 if risk == "IDENTIFIED" else 0.4)
                    row[4:] = [asked,
                               orng.choices(["FULLY", "PARTIALLY", "NOT_ACHIEVED"], [68, 26, 6])[0] if asked == "ASKED_EXPRESSED" else None,
                               risk, action,
                               orng.choices(["REMOVED", "REDUCED", "REMAINS"], [31, 58, 11])[0] if risk == "IDENTIFIED" and action else None]
                enquiries.append(row)
                if concluded is None or orng.random() > 0.025:
                    break
                started = concluded + dt.timedelta(days=orng.randint(10, 90))
concerns.sort(key=lambda r: (r[2], r[0]))
enquiries.sort(key=lambda r: (r[2], r[0]))
write("safeguarding_concerns.csv", ["id", "person_id", "received_on", "decided_on", "decision"], concerns)
write("safeguarding_enquiries.csv", ["id", "concern_id", "started_on", "concluded_on", "outcomes_asked", "outcomes_achieved", "risk",
                                     "action_taken", "risk_outcome"], enquiries)

# DoLS: ~290 applications a month, a quarter urgent; about a fifth of standard ones decided within 21 days; many closed
# without a decision (discharged, died, withdrawn); a backlog of over a thousand, the oldest over a year.
dols, dseq = [], 0
for y, m in OPS_MONTHS:
    for _ in range(int(290 * orng.uniform(0.9, 1.1))):
        dseq += 1
        received = rand_day(y, m)
        urgent = orng.random() < 0.26
        outcome = orng.choices(["GRANTED", "NOT_GRANTED", "CLOSED_CHANGE", "CLOSED_DIED", "CLOSED_WITHDRAWN"], [58, 5, 19, 11, 7])[0]
        if outcome in ("GRANTED", "NOT_GRANTED"):
            days = orng.randint(3, 21) if orng.random() < (0.45 if urgent else 0.22) else lognormal_days(110, 0.7, lo=22, hi=700)
        else:
            days = lognormal_days(70, 0.9, lo=1, hi=600)
        signed = known(received + dt.timedelta(days=days))
        if received <= EXTRACT:
            dols.append([f"DL{dseq:06d}", person(), received, urgent, signed, outcome if signed else None])
dols.sort(key=lambda r: (r[2], r[0]))
write("dols_applications.csv", ["id", "person_id", "received_on", "urgent", "signed_off_on", "outcome"], dols)
# --- published comparisons (benchmarks.csv, optional; benchmarks.md) -----------------------------------------------
# Illustrative only: Northdale and its neighbours are fictional, so are these figures (shaped like ASCOF, the
# Safeguarding Adults Collection and the DoLS collection, published each autumn). Two published years each, England
# with the quartiles of councils, a region and the CIPFA nearest neighbours. No random numbers: the files above stay
# byte-identical.
BENCHMARKS = [
    # metric, England 2021-22 (value, lower, median, upper), England 2022-23 (…), region 21-22, 22-23, comparators 21-22, 22-23
    ("complaints.response_on_time_pct", (72.4, 61.0, 73.0, 84.0), (74.1, 63.0, 75.0, 85.5), 70.2, 71.8, 75.3, 76.0),
    ("complaints.uphold_rate_pct", (51.2, 40.0, 51.0, 62.0), (49.8, 39.0, 50.0, 61.0), 53.0, 52.1, 48.7, 47.9),
    ("training.compliance_pct", (84.5, 78.0, 85.0, 91.0), (85.9, 80.0, 86.0, 92.0), 83.1, 84.7, 86.2, 87.0),
    ("supervision.compliance_pct", (79.3, 70.0, 80.0, 88.0), (80.6, 72.0, 81.0, 89.0), 77.5, 79.0, 81.4, 82.3),
    ("waits.median_days_waiting.CARE_ACT_ASSESSMENT", (38.0, 21.0, 35.0, 62.0), (41.0, 23.0, 38.0, 66.0), 44.0, 47.0, 36.0, 39.0),
    ("reviews.reviewed_12m_pct", (57.3, 48.0, 57.0, 67.0), (58.8, 50.0, 59.0, 68.0), 55.6, 56.9, 60.2, 61.5),
    ("safeguarding.msp_achieved_pct_12m", (94.5, 92.0, 95.0, 97.5), (94.9, 92.5, 95.2, 97.8), 93.8, 94.1, 95.0, 95.3),
    ("dols.within_21d_pct_12m", (19.8, 8.0, 17.0, 29.0), (20.7, 9.0, 18.0, 31.0), 16.4, 18.2, 22.5, 23.9),
    ("dols.median_days_to_decide_12m", (153.0, 95.0, 148.0, 210.0), (156.0, 98.0, 150.0, 215.0), 171.0, 168.0, 139.0, 142.0),
]
SOURCES = {"complaints": "Complaints returns", "training": "Workforce returns", "supervision": "Workforce returns",
           "waits": "ADASS spring survey", "reviews": "ASCOF", "safeguarding": "Safeguarding Adults Collection",
           "dols": "DoLS collection"}
YEARS = [("2021-22", D(2022, 10, 27)), ("2022-23", D(2023, 10, 26))]
bench = []
for metric, eng1, eng2, reg1, reg2, cmp1, cmp2 in BENCHMARKS:
    source = SOURCES[metric.split(".")[0]]
    for (year, published), england, region, comparators in zip(YEARS, (eng1, eng2), (reg1, reg2), (cmp1, cmp2)):
        note = f"{source} {year} (illustrative)"
        bench.append([metric, "ENGLAND", "England", year, *england, note, published])
        bench.append([metric, "REGION", "North East", year, region, "", "", "", note, published])
        bench.append([metric, "COMPARATORS", "CIPFA nearest neighbours (16)", year, comparators, "", "", "", note, published])
write("benchmarks.csv", ["metric", "area", "area_name", "period", "value", "lower_quartile", "median", "upper_quartile", "source",
                         "published_on"], bench)

print(f"wrote {OUT}")

# --- what each file holds completely (coverage.csv, coverage.md) ----------------------------------
# The complaints system was replaced in February 2022, and supervision is exported from a separate system whose last
# export was on 29 February 2024. Every file says when it starts, so that no report is made for a time before the data.
write("coverage.csv", ["file", "covers_from", "covers_to"], [
    ["complaints.csv", D(2022, 2, 1), None], ["complaint_learning.csv", D(2022, 2, 1), None], ["lgsco_cases.csv", D(2021, 4, 1), None],
    ["staff.csv", D(2019, 4, 1), None], ["training.csv", D(2019, 1, 1), None], ["supervision.csv", D(2022, 1, 1), D(2024, 2, 29)],
    ["actions.csv", D(2022, 6, 1), None], ["findings.csv", D(2022, 4, 1), None], ["qs_scores.csv", D(2023, 3, 1), None],
    ["waits.csv", D(2021, 4, 1), None], ["long_term_support.csv", D(2014, 5, 1), None], ["reviews.csv", D(2015, 7, 1), None],
    ["safeguarding_concerns.csv", D(2020, 11, 1), None], ["safeguarding_enquiries.csv", D(2020, 11, 1), None],
    ["dols_applications.csv", D(2021, 4, 1), None],
])
