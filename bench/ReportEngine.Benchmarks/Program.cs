using System.Globalization;
using ReportEngine.Benchmarks;

// dotnet run -c Release --project bench/ReportEngine.Benchmarks -- pack [iterations] [warmup]
// dotnet run -c Release --project bench/ReportEngine.Benchmarks -- database [times]
// dotnet run -c Release --project bench/ReportEngine.Benchmarks -- throughput [packs]
// dotnet run -c Release --project bench/ReportEngine.Benchmarks -- archive [runs]
int Arg(int index, int fallback) => args.Length > index ? int.Parse(args[index], CultureInfo.InvariantCulture) : fallback;
switch (args.FirstOrDefault() ?? "pack")
{
    case "pack":
        await PackBenchmark.RunAsync(Arg(1, 15), Arg(2, 3));
        break;
    case "database":
        await DatabaseBenchmark.RunAsync(Arg(1, 100));
        break;
    case "archive":
        await ArchiveBenchmark.RunAsync(Arg(1, 10));
        break;
    case "throughput":
        await ThroughputBenchmark.RunAsync(Arg(1, 24));
        break;
    default:
        Console.Error.WriteLine("usage: pack [iterations] [warmup] | database [times] | throughput [packs] | archive [runs]");
        return 2;
}
return 0;
