namespace ReportEngine.Evidence;

/// <summary>The nine CQC quality statements for local authority assessment, in framework order.</summary>
public enum QualityStatement
{
    AssessingNeeds, HealthierLives, Equity, CareProvision, Partnerships, SafeSystems, Safeguarding, Governance, Learning,
}

public static class QualityStatements
{
    public static string Name(this QualityStatement qs) => qs switch
    {
        QualityStatement.AssessingNeeds => "Assessing needs",
        QualityStatement.HealthierLives => "Supporting people to live healthier lives",
        QualityStatement.Equity => "Equity in experience and outcomes",
        QualityStatement.CareProvision => "Care provision, integration and continuity",
        QualityStatement.Partnerships => "Partnerships and communities",
        QualityStatement.SafeSystems => "Safe systems, pathways and transitions",
        QualityStatement.Safeguarding => "Safeguarding",
        QualityStatement.Governance => "Governance, management and sustainability",
        QualityStatement.Learning => "Learning, improvement and innovation",
        _ => throw new ArgumentOutOfRangeException(nameof(qs)),
    };

    public static string Theme(this QualityStatement qs) => qs switch
    {
        QualityStatement.AssessingNeeds or QualityStatement.HealthierLives or QualityStatement.Equity
            => "How local authorities work with people",
        QualityStatement.CareProvision or QualityStatement.Partnerships
            => "How local authorities provide support",
        QualityStatement.SafeSystems or QualityStatement.Safeguarding
            => "How local authorities ensure safety within the system",
        _ => "Leadership",
    };

    /// <summary>CQC's wording for a score of 1 to 4.</summary>
    public static string ScoreWording(int score) => score switch
    {
        1 => "Evidence shows significant shortfalls",
        2 => "Evidence shows some shortfalls",
        3 => "Evidence shows a good standard",
        4 => "Evidence shows an exceptional standard",
        _ => throw new ArgumentOutOfRangeException(nameof(score)),
    };
}
