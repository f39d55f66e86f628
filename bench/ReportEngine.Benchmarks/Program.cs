using System.Globalization;
using ReportEngine.Benchmarks;
using ReportEngine.Testing;

// dotnet run -c Release --project bench/ReportEngine.Benchmarks -- pack [iterations] [warmup]
// dotnet run -c Release --project bench/ReportEngine.Benchmarks -- database [times]
// dotnet run -c Release --project bench/ReportEngine.Benchmarks -- throughput [packs]
// dotnet run -c Release --project bench/ReportEngine.Benchmarks -- archive [runs]
// dotnet run -c Release --project bench/ReportEngine.Benchmarks -- issue [runs] [times]
// dotnet run -c Release --project bench/ReportEngine.Benchmarks -- dashboard [requests]
// dotnet run -c Release --project bench/ReportEngine.Benchmarks -- trends [iterations]
// dotnet run -c Release --project bench/ReportEngine.Benchmarks -- passes [runs] [times]
// dotnet run -c Release --project bench/ReportEngine.Benchmarks -- soak [packs] [recycle-after-prints]
// dotnet run -c Release --project bench/ReportEngine.Benchmarks -- load [requests] [users] [scheduled]
// dotnet run -c Release --project bench/ReportEngine.Benchmarks -- holds [runs]
// dotnet run -c Release --project bench/ReportEngine.Benchmarks -- catalog [entries] [runs]
// dotnet run -c Release --project bench/ReportEngine.Benchmarks -- download [reads]
// dotnet run -c Release --project bench/ReportEngine.Benchmarks -- data [runs] [times] [idle-ms]
// dotnet run -c Release --project bench/ReportEngine.Benchmarks -- longdata [runs] [times]
// dotnet run -c Release --project bench/ReportEngine.Benchmarks -- long [times] [print-timeout-seconds]
// dotnet run -c Release --project bench/ReportEngine.Benchmarks -- editions [runs] [times]
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
    case "issue":
        await IssueBenchmark.RunAsync(Arg(1, 10), Repo.Sample, "Sample monthly pack");
        if (Arg(2, 0) is > 1 and var times)
        {
            using var big = new TempFolder();
            DatasetScaler.Scale(Repo.Sample, big.Path, times);
            Console.WriteLine();
            await IssueBenchmark.RunAsync(3, big.Path, $"Monthly pack of the {times}-times dataset");
        }
        break;
    case "editions":
        await EditionsBenchmark.RunAsync(Arg(1, 10), Arg(2, 530));
        break;
    case "dashboard":
        await DashboardBenchmark.RunAsync(Arg(1, 20));
        break;
    case "trends":
        await TrendsBenchmark.RunAsync(Arg(1, 30));
        break;
    case "passes":
        await PrintPassBenchmark.RunAsync(Arg(1, 3), Arg(2, 500));
        break;
    case "soak":
        await SoakBenchmark.RunAsync(Arg(1, 1000), Arg(2, 250), Path.Combine(Repo.Root, "docs", "images", "soak-memory.svg"));
        break;
    case "load":
        await LoadBenchmark.RunAsync(Arg(1, 500), Arg(2, 20), Arg(3, 100));
        break;
    case "holds":
        await HoldsBenchmark.RunAsync(Arg(1, 200));
        break;
    case "download":
        await DownloadBenchmark.RunAsync(Arg(1, 200));
        break;
    case "catalog":
        await CatalogBenchmark.RunAsync(Arg(1, 10_000), Arg(2, 50));
        break;
    case "data":
        await DataBenchmark.RunAsync(Arg(1, 30), Arg(2, 100), Arg(3, 0));
        break;
    case "longdata":
        await DataBenchmark.RunLongAsync(Arg(1, 5), Arg(2, 500));
        break;
    case "long":
        await LongReportBenchmark.RunAsync(Arg(1, 1900), Arg(2, 600));
        break;
    case "throughput":
        await ThroughputBenchmark.RunAsync(Arg(1, 24));
        break;
    default:
        Console.Error.WriteLine("usage: pack [iterations] [warmup] | database [times] | throughput [packs] | archive [runs] | issue [runs] [times] | dashboard [requests] | trends [iterations] | passes [runs] [times] | soak [packs] [recycle-after-prints] | load [requests] [users] [scheduled] | holds [runs] | catalog [entries] [runs] | data [runs] [times] [idle-ms] | longdata [runs] [times] | download [reads] | long [times] [print-timeout-seconds]");
        return 2;
}
return 0;
