namespace ReportEngine.Evidence;

// The codes of operations.md's six files, in the order it lists them (see CodeNames for the UPPER_SNAKE form).

public enum WaitKind { CareActAssessment, CarerAssessment, OtAssessment, FinancialAssessment, Review }

public enum WaitCloseReason { Completed, Died, MovedAway, Withdrawn, NoLongerNeeded }

public enum SupportSetting { Community, Residential, Nursing }

public enum ConcernDecision { S42Enquiry, OtherEnquiry, NoEnquiry }

public enum OutcomesAsked { AskedExpressed, AskedNotExpressed, NotAsked, NotRecorded }

public enum OutcomesAchieved { Fully, Partially, NotAchieved }

public enum EnquiryRisk { Identified, Inconclusive, None, CeasedAtRequest }

public enum RiskOutcome { Removed, Reduced, Remains }

public enum DolsOutcome { Granted, NotGranted, ClosedChange, ClosedDied, ClosedWithdrawn }
