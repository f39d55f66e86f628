namespace ReportEngine.Tests.Support;

// Tests that start Chromium, PostgreSQL or the real programs are grouped by what they share. The classes of one
// collection run one after another on that collection's own browser and cluster; the collections run in parallel
// (xunit.runner.json), so that one collection's waits on processes are another's working time. A class that needs a
// cluster alone (it restarts it) takes one as a class fixture and is a collection of its own.

/// <summary>Rendering on one warm browser, with the sample pack printed once: pages, kinds, hostile data, PDF structure.</summary>
[CollectionDefinition(Name)]
public sealed class RenderingCollection : ICollectionFixture<SamplePackFixture>
{
    public const string Name = "rendering";
}

/// <summary>The archive issued into through the issuing path: a browser and a cluster of its own.</summary>
[CollectionDefinition(Name)]
public sealed class ArchiveCollection : ICollectionFixture<SamplePackFixture>, ICollectionFixture<PostgresFixture>
{
    public const string Name = "archive";
}

/// <summary>The real command line against a cluster of its own; each test has its own database.</summary>
[CollectionDefinition(Name)]
public sealed class CommandLineCollection : ICollectionFixture<PostgresFixture>
{
    public const string Name = "command line";
}

/// <summary>Email delivery and shared archives against a cluster of their own.</summary>
[CollectionDefinition(Name)]
public sealed class DeliveryCollection : ICollectionFixture<PostgresFixture>
{
    public const string Name = "delivery";
}

/// <summary>
/// Browsers whose renderers are killed or hung, with deadlines of two seconds: they run alone, after the others, so
/// that what they time is Chromium's recovery and not a machine busy with other tests.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class BrowserRecyclingCollection : ICollectionFixture<SamplePackFixture>
{
    public const string Name = "browser recycling";
}

[CollectionDefinition(Name)]
public sealed class EditionsCollection : ICollectionFixture<SamplePackFixture>
{
    public const string Name = "editions";
}
