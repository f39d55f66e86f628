using System.Security.Cryptography;
using System.Text;
using ReportEngine.Evidence;
using ReportEngine.Gathering.Csv;
using ReportEngine.Gathering.Dataset;

namespace ReportEngine.Gathering;

/// <summary>Reads a dataset folder (data-contract.md), all or nothing: every error in one pass, or the whole evidence set.</summary>
public sealed class DatasetFolderSource(string folder) : IEvidenceSource
{
    public string Folder { get; } = Path.GetFullPath(folder);

    /// <summary>Only authority.csv tells.</summary>
    public string? Authority => null;

    /// <summary>
    /// The code authority.csv gives, read alone so that a request names its report before the folder is read; when the
    /// file does not give one cleanly the whole folder is gathered, which says every problem.
    /// </summary>
    public async Task<string> AuthorityCodeAsync(CancellationToken cancellationToken = default)
    {
        var path = Path.Combine(Folder, ContractTables.Authority.FileName);
        if (File.Exists(path))
        {
            var errors = new ErrorList();
            var read = Parse(ContractTables.Authority, await File.ReadAllBytesAsync(path, cancellationToken), errors, out _);
            if (errors.Count == 0 && read is IReadOnlyList<Lined<Authority>> { Count: 1 } rows) return rows[0].Row.Code;
        }
        return (await GatherAsync(cancellationToken)).Evidence.Authority.Code;
    }

    public async Task<GatheredEvidence> GatherAsync(CancellationToken cancellationToken = default)
    {
        if (!Directory.Exists(Folder))
            throw new DatasetRejectedException([new DatasetError(Folder, null, null, "the dataset folder does not exist")]);

        var read = DatasetFiles.All.Select(file => new FileRead(file, new FileInfo(Path.Combine(Folder, file.FileName)))).ToList();
        // Each file is read and parsed on its own, with its own errors, on every core: the largest first, so that no core
        // is left with one big file at the end. They are then taken in the contract's order, as one pass over them would.
        // A failure is the file's own, as it would be read alone, not wrapped in the loop's (await gives the first).
        await Parallel.ForEachAsync(read.OrderByDescending(r => r.Length), cancellationToken, (file, token) => file.ReadAsync(token));

        var errors = new ErrorList();
        var rows = new DatasetRows();
        foreach (var file in read)
        {
            foreach (var error in file.Errors.Errors) errors.Add(error);
            if (file.Bytes is not null) rows.Add(file.File, file.Rows);
        }

        // The operations files' checks, the longest, run on another core while this one makes the other checks and hashes
        // the folder: each only reads the rows or the bytes (issue 26: one after another they were a quarter of the
        // load). The errors are said in the order one pass would give them.
        var careActErrors = new ErrorList();
        var careActChecked = Task.Run(() => new CareActChecks(careActErrors).Check(rows), cancellationToken);
        CheckAcrossRows(errors, rows);
        var coverageErrors = new ErrorList();
        new CoverageChecks(coverageErrors).Check(rows);
        var hash = Hash(read);
        await careActChecked;
        foreach (var error in careActErrors.Errors.Concat(coverageErrors.Errors)) errors.Add(error);
        if (errors.Count > 0) throw new DatasetRejectedException(errors.Errors);
        return new GatheredEvidence(rows.Fill().Build(), Provenance(read, hash));
    }

    private static void CheckAcrossRows(ErrorList errors, DatasetRows rows)
    {
        var check = new CrossFileChecks(errors);
        var authority = rows.Of(ContractTables.Authority);
        var authorityFile = ContractTables.Authority.FileName;
        if (authority.Count > 1) errors.Add(new DatasetError(authorityFile, authority[1].Line, null, "a second row; the file holds exactly one"));
        else if (authority.Count == 0 && errors.Count == 0) errors.Add(new DatasetError(authorityFile, null, null, "has no data row; it needs exactly one"));

        var scores = rows.Of(ContractTables.Scores);
        var complaints = rows.Of(ContractTables.Complaints);
        var cases = rows.Of(ContractTables.OmbudsmanCases);
        var staff = rows.Of(ContractTables.Staff);
        var courses = rows.Of(ContractTables.Courses);
        check.Unique(ContractTables.Scores.FileName, scores, s => (s.AssessmentId, s.Statement), "qs_code",
            k => $"score for {CodeNames.ToCode(k.Statement)} in assessment '{k.AssessmentId}'");
        check.Unique(ContractTables.Scores.FileName, scores, s => (s.Kind, s.Statement, s.AssessedOn), "assessed_on",
            k => $"{CodeNames.ToCode(k.Kind)} score for {CodeNames.ToCode(k.Statement)} on {k.AssessedOn:yyyy-MM-dd}");
        check.Unique(ContractTables.Findings.FileName, rows.Of(ContractTables.Findings), f => f.Id, "id", k => $"id '{k}'");
        check.Unique(ContractTables.Complaints.FileName, complaints, c => c.Ref, "ref", k => $"ref '{k}'");
        check.Unique(ContractTables.OmbudsmanCases.FileName, cases, c => c.LgscoRef, "lgsco_ref", k => $"lgsco_ref '{k}'");
        var complaintRefs = complaints.Select(c => c.Row.Ref).ToHashSet();
        check.References(ContractTables.OmbudsmanCases.FileName, cases, c => c.ComplaintRef, "complaint_ref", complaintRefs, ContractTables.Complaints.FileName);
        check.Unique(ContractTables.OmbudsmanBenchmarks.FileName, rows.Of(ContractTables.OmbudsmanBenchmarks), b => (b.BusinessYear, b.Measure), "measure",
            k => $"{CodeNames.ToCode(k.Measure)} for {k.BusinessYear}");
        check.Unique(ContractTables.Staff.FileName, staff, s => s.StaffId, "staff_id", k => $"staff_id '{k}'");
        check.Unique(ContractTables.Courses.FileName, courses, c => c.Code, "code", k => $"code '{k}'");

        var courseCodes = courses.Select(c => c.Row.Code).ToHashSet();
        var staffIds = staff.Select(s => s.Row.StaffId).ToHashSet();
        var requirements = rows.Of(ContractTables.CourseRequirements);
        var training = rows.Of(ContractTables.Training);
        check.References(ContractTables.CourseRequirements.FileName, requirements, r => r.CourseCode, "course_code", courseCodes, ContractTables.Courses.FileName);
        check.Unique(ContractTables.CourseRequirements.FileName, requirements, r => (r.CourseCode, r.JobRole), "job_role",
            k => $"requirement of '{k.CourseCode}' for '{k.JobRole}'");
        check.References(ContractTables.Training.FileName, training, t => t.StaffId, "staff_id", staffIds, ContractTables.Staff.FileName);
        check.References(ContractTables.Training.FileName, training, t => t.CourseCode, "course_code", courseCodes, ContractTables.Courses.FileName);
        check.References(ContractTables.Supervisions.FileName, rows.Of(ContractTables.Supervisions), s => s.StaffId, "staff_id", staffIds, ContractTables.Staff.FileName);
        check.Unique(ContractTables.Actions.FileName, rows.Of(ContractTables.Actions), a => a.Id, "id", k => $"id '{k}'");

        check.References(ContractTables.ComplaintLearning.FileName, rows.Of(ContractTables.ComplaintLearning), l => l.ComplaintRef, "complaint_ref",
            complaintRefs, ContractTables.Complaints.FileName);
        foreach (var repeat in rows.Of(ContractTables.Targets).GroupBy(t => t.Row.Metric, StringComparer.Ordinal).SelectMany(g => g.Skip(1)))
            errors.Add(new DatasetError(ContractTables.Targets.FileName, repeat.Line, "metric", $"'{repeat.Row.Metric}' has a target already"));
        check.Unique(ContractTables.Benchmarks.FileName, rows.Of(ContractTables.Benchmarks), b => (b.Metric, b.Area, b.Period), "period",
            k => $"{Evidence.CodeNames.ToCode(k.Area)} figure of '{k.Metric}' for {k.Period}");
    }

    /// <summary>One file's rows that pass their own checks (as <see cref="DatasetFile"/> reads them); null, with <paramref name="records"/>, when it is not text.</summary>
    private static object? Parse(DatasetFile file, byte[] bytes, ErrorList errors, out int? records)
    {
        records = null;
        if (EncodingProblem(file.FileName, bytes) is { } problem)
        {
            errors.Add(problem);
            return null;
        }
        // UTF-8 only: a UTF-8 byte order mark is skipped, any other is not taken as a sign of another encoding.
        using var reader = new StreamReader(new MemoryStream(bytes), new UTF8Encoding(true, throwOnInvalidBytes: true), detectEncodingFromByteOrderMarks: false);
        using var csv = CsvRecords.Open(file.FileName, reader);
        var rowErrors = new ErrorList();
        var read = file.Read(csv, rowErrors, bytes.AsSpan().Count((byte)'\n') + 1);
        // The file's problems as CSV come first, as they would were it parsed whole before its rows were read.
        foreach (var csvProblem in csv.Problems.Errors) errors.Add(csvProblem);
        foreach (var error in rowErrors.Errors) errors.Add(error);
        records = csv.Count;
        return read;
    }

    /// <summary>data-contract.md: UTF-8, no NUL. Named with the line it is on, before any parsing.</summary>
    private static DatasetError? EncodingProblem(string file, byte[] bytes)
    {
        int LineOf(int index) => 1 + bytes.AsSpan(0, index).Count((byte)'\n');
        if (bytes is [0xFF, 0xFE, ..] or [0xFE, 0xFF, ..])
            return new DatasetError(file, 1, null, "is UTF-16; the data contract needs UTF-8");
        var nul = Array.IndexOf(bytes, (byte)0);
        if (nul >= 0) return new DatasetError(file, LineOf(nul), null, "holds a NUL character (U+0000), which the data contract does not allow (is the file UTF-16?)");
        if (System.Text.Unicode.Utf8.IsValid(bytes)) return null;
        // Only a file that is not UTF-8 is decoded here, to find where it stops being so.
        var chars = new char[bytes.Length];
        System.Text.Unicode.Utf8.ToUtf16(bytes, chars, out var read, out _, replaceInvalidSequences: false);
        return new DatasetError(file, LineOf(read), null, $"is not valid UTF-8 (byte {read + 1} of the file; is it Latin-1 or Windows-1252?)");
    }

    /// <summary>One file of the contract as the folder has it and, once read and parsed, its bytes (none: the folder lacks it) and what it gave.</summary>
    private sealed class FileRead(DatasetFile file, FileInfo found)
    {
        public DatasetFile File => file;
        public long Length { get; } = found.Exists ? found.Length : 0;
        public byte[]? Bytes { get; private set; }
        public ErrorList Errors { get; } = new();
        public object? Rows { get; private set; }
        public int? Records { get; private set; }

        public async ValueTask ReadAsync(CancellationToken cancellationToken)
        {
            if (!found.Exists)
            {
                if (file.Need == FileNeed.Required) Errors.Add(new DatasetError(file.FileName, null, null, "file is missing"));
                return;
            }
            Bytes = await System.IO.File.ReadAllBytesAsync(found.FullName, cancellationToken);
            Rows = DatasetFolderSource.Parse(file, Bytes, Errors, out var records);
            Records = records;
        }
    }

    /// <summary>The files the folder has, by name in ordinal order: their <paramref name="hash"/> and their rows (every one read, or the folder was refused).</summary>
    private EvidenceProvenance Provenance(IEnumerable<FileRead> read, string hash) =>
        new($"dataset folder {Path.GetFileName(Folder)}", hash, Supplied(read).Select(f => new KeyValuePair<string, int>(f.File.FileName, f.Records!.Value)).ToList());

    /// <summary>The SHA-256 of each file the folder has, its name and length first, by name in ordinal order.</summary>
    private static string Hash(IEnumerable<FileRead> read)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var file in Supplied(read))
        {
            var (name, bytes) = (file.File.FileName, file.Bytes!);
            hash.AppendData(Encoding.UTF8.GetBytes($"{name}\n{bytes.LongLength}\n"));
            hash.AppendData(bytes);
        }
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    private static IEnumerable<FileRead> Supplied(IEnumerable<FileRead> read) =>
        read.Where(f => f.Bytes is not null).OrderBy(f => f.File.FileName, StringComparer.Ordinal);
}
