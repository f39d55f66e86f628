namespace ReportEngine.Evidence;

// Enum members are PascalCase; the dataset writes them as UPPER_SNAKE codes (see CodeNames).

public enum CouncilType { County, Unitary, Metropolitan, LondonBorough }

public enum AssessmentKind { Cqc, Self, Mock, Peer }

public enum FindingCategory { PeopleExperience, StaffLeaders, Partners, Processes, Outcomes, Observation }

public enum FindingKind { KeyFinding, Strength, AreaForImprovement }

public enum ComplaintOutcome { Upheld, PartlyUpheld, NotUpheld, Withdrawn }

public enum OmbudsmanDecision { NotForUs, AssessedClosed, Upheld, NotUpheld }

public enum OmbudsmanMeasure { UpholdRatePct, UpheldPer100k }

public enum EmploymentType { Permanent, Temporary, Agency }

public enum CourseCategory { CareAct, McaDols, Safeguarding, Specialist, Other }

public enum SupervisionKind { Case, Reflective, Group }

public enum Rag { Red, Amber, Green }

/// <summary>Which way a figure is better (targets.csv's <c>better</c>: <c>HIGHER</c> or <c>LOWER</c>).</summary>
public enum Better { Higher, Lower }

/// <summary>Whose published figure a benchmarks.csv row is (benchmarks.md): England's, the region's, or similar councils'.</summary>
public enum BenchmarkArea { England, Region, Comparators }
