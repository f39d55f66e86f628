namespace ReportEngine.Issuing;

/// <summary>Who asked for a report: a person (by name) or a schedule (by the kind it issues). Recorded with the report.</summary>
public readonly record struct Requester
{
    private Requester(string kind, string name)
    {
        Kind = kind;
        Name = name;
    }

    /// <summary><c>person</c> or <c>schedule</c>.</summary>
    public string Kind { get; }

    public string Name { get; }

    /// <summary>A schedule's run, which no one is waiting for (a draft it makes is announced to its Approvers).</summary>
    public bool IsSchedule => Kind == "schedule";

    public static Requester Person(string name) => new("person", name);

    public static Requester Schedule(string name) => new("schedule", name);

    /// <summary><c>person:jo@host</c>, <c>schedule:monthly</c>: how the archive records it.</summary>
    public override string ToString() => $"{Kind}:{Name}";

    /// <summary>Reads what <see cref="ToString"/> wrote (a job's argument).</summary>
    public static Requester Parse(string text) =>
        text.Split(':', 2) is ["schedule", var name] ? Schedule(name) : Person(text.StartsWith("person:", StringComparison.Ordinal) ? text["person:".Length..] : text);
}
