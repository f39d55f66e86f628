namespace ReportEngine.Metrics;

/// <summary>How urgent an item of "What needs attention" is (coverage.md): the list is in this order.</summary>
public enum AttentionTier
{
    /// <summary>A risk to people, whatever the targets say.</summary>
    RiskToPeople = 1,
    OffTarget = 2,
    NearTarget = 3,
    GettingWorse = 4,
    /// <summary>The evidence for the self-assessment is missing.</summary>
    Evidence = 5,
}
