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
            var rows = Parse(ContractTables.Authority, await File.ReadAllBytesAsync(path, cancellationToken), errors, out _);
            if (errors.Count == 0 && rows.Count == 1) return rows[0].Row.Code;
        }
        return (await GatherAsync(cancellationToken)).Evidence.Authority.Code;
    }

    public async Task<GatheredEvidence> GatherAsync(CancellationToken cancellationToken = default)
    {
        if (!Directory.Exists(Folder))
            throw new DatasetRejectedException([new DatasetError(Folder, null, null, "the dataset folder does not exist")]);

        var errors = new ErrorList();
        var files = new SortedDictionary<string, byte[]>(StringComparer.Ordinal);
        var rowCounts = new Dictionary<string, int>();

        async Task<IReadOnlyList<Lined<T>>> Read<T>(TableSpec<T> spec)
        {
            var path = Path.Combine(Folder, spec.FileName);
            if (!File.Exists(path))
            {
                if (!spec.Optional) errors.Add(new DatasetError(spec.FileName, null, null, "file is missing"));
                return [];
            }
            var bytes = await File.ReadAllBytesAsync(path, cancellationToken);
            files[spec.FileName] = bytes;
            var rows = Parse(spec, bytes, errors, out var records);
            if (records is { } count) rowCounts[spec.FileName] = count;
            return rows;
        }

        var authority = await Read(ContractTables.Authority);
        var scores = await Read(ContractTables.Scores);
        var findings = await Read(ContractTables.Findings);
        var complaints = await Read(ContractTables.Complaints);
        var cases = await Read(ContractTables.OmbudsmanCases);
        var benchmarks = await Read(ContractTables.OmbudsmanBenchmarks);
        var staff = await Read(ContractTables.Staff);
        var courses = await Read(ContractTables.Courses);
        var requirements = await Read(ContractTables.CourseRequirements);
        var training = await Read(ContractTables.Training);
        var supervisions = await Read(ContractTables.Supervisions);
        var actions = await Read(ContractTables.Actions);
        var holidays = await Read(ContractTables.BankHolidays);
        var learning = await Read(ContractTables.ComplaintLearning);
        var targets = await Read(ContractTables.Targets);
        var waits = await Read(CareActTables.Waits);
        var episodes = await Read(CareActTables.LongTermSupport);
        var reviews = await Read(CareActTables.Reviews);
        var concerns = await Read(CareActTables.Concerns);
        var enquiries = await Read(CareActTables.Enquiries);
        var dols = await Read(CareActTables.Dols);

        CheckAcrossRows(errors, authority, scores, findings, complaints, cases, benchmarks, staff, courses, requirements, training, supervisions, actions);
        new CrossFileChecks(errors).References(ContractTables.ComplaintLearning.FileName, learning, l => l.ComplaintRef, "complaint_ref",
            complaints.Select(c => c.Row.Ref).ToHashSet(), ContractTables.Complaints.FileName);
        foreach (var repeat in targets.GroupBy(t => t.Row.Metric, StringComparer.Ordinal).SelectMany(g => g.Skip(1)))
            errors.Add(new DatasetError(ContractTables.Targets.FileName, repeat.Line, "metric", $"'{repeat.Row.Metric}' has a target already"));
        var supplied = files.Keys.ToHashSet(StringComparer.Ordinal);
        new CareActChecks(errors).Check(supplied, waits, episodes, reviews, concerns, enquiries, dols);
        if (errors.Count > 0) throw new DatasetRejectedException(errors.Errors);

        IReadOnlyList<T>? IfSupplied<T>(TableSpec<T> spec, IReadOnlyList<Lined<T>> rows) => supplied.Contains(spec.FileName) ? Rows(rows) : null;
        var careAct = new CareActEvidence(IfSupplied(CareActTables.Waits, waits), IfSupplied(CareActTables.LongTermSupport, episodes),
            IfSupplied(CareActTables.Reviews, reviews), IfSupplied(CareActTables.Concerns, concerns), IfSupplied(CareActTables.Enquiries, enquiries),
            IfSupplied(CareActTables.Dols, dols));

        var evidence = new EvidenceSet(
            authority[0].Row,
            Rows(scores), Rows(findings), Rows(complaints), Rows(cases), Rows(benchmarks), Rows(staff), Rows(courses),
            Rows(requirements), Rows(training), Rows(supervisions), Rows(actions),
            files.ContainsKey(ContractTables.BankHolidays.FileName)
                ? BankHolidayCalendar.FromDates(Rows(holidays))
                : BankHolidayCalendar.EnglandAndWales,
            files.ContainsKey(ContractTables.ComplaintLearning.FileName) ? Rows(learning) : null,
            files.ContainsKey(ContractTables.Targets.FileName) ? Rows(targets) : null,
            careAct.Files.Any(f => f.Supplied) ? careAct : null);
        return new GatheredEvidence(evidence, Provenance(files, rowCounts));
    }

    private static void CheckAcrossRows(
        ErrorList errors,
        IReadOnlyList<Lined<Authority>> authority,
        IReadOnlyList<Lined<QualityStatementScore>> scores,
        IReadOnlyList<Lined<Finding>> findings,
        IReadOnlyList<Lined<Complaint>> complaints,
        IReadOnlyList<Lined<OmbudsmanCase>> cases,
        IReadOnlyList<Lined<OmbudsmanBenchmark>> benchmarks,
        IReadOnlyList<Lined<StaffMember>> staff,
        IReadOnlyList<Lined<Course>> courses,
        IReadOnlyList<Lined<CourseRequirement>> requirements,
        IReadOnlyList<Lined<TrainingCompletion>> training,
        IReadOnlyList<Lined<Supervision>> supervisions,
        IReadOnlyList<Lined<ImprovementAction>> actions)
    {
        var check = new CrossFileChecks(errors);
        var authorityFile = ContractTables.Authority.FileName;
        if (authority.Count > 1) errors.Add(new DatasetError(authorityFile, authority[1].Line, null, "a second row; the file holds exactly one"));
        else if (authority.Count == 0 && errors.Count == 0) errors.Add(new DatasetError(authorityFile, null, null, "has no data row; it needs exactly one"));

        check.Unique(ContractTables.Scores.FileName, scores, s => (s.AssessmentId, s.Statement), "qs_code",
            k => $"score for {CodeNames.ToCode(k.Statement)} in assessment '{k.AssessmentId}'");
        check.Unique(ContractTables.Scores.FileName, scores, s => (s.Kind, s.Statement, s.AssessedOn), "assessed_on",
            k => $"{CodeNames.ToCode(k.Kind)} score for {CodeNames.ToCode(k.Statement)} on {k.AssessedOn:yyyy-MM-dd}");
        check.Unique(ContractTables.Findings.FileName, findings, f => f.Id, "id", k => $"id '{k}'");
        check.Unique(ContractTables.Complaints.FileName, complaints, c => c.Ref, "ref", k => $"ref '{k}'");
        check.Unique(ContractTables.OmbudsmanCases.FileName, cases, c => c.LgscoRef, "lgsco_ref", k => $"lgsco_ref '{k}'");
        check.References(ContractTables.OmbudsmanCases.FileName, cases, c => c.ComplaintRef, "complaint_ref",
            complaints.Select(c => c.Row.Ref).ToHashSet(), ContractTables.Complaints.FileName);
        check.Unique(ContractTables.OmbudsmanBenchmarks.FileName, benchmarks, b => (b.BusinessYear, b.Measure), "measure",
            k => $"{CodeNames.ToCode(k.Measure)} for {k.BusinessYear}");
        check.Unique(ContractTables.Staff.FileName, staff, s => s.StaffId, "staff_id", k => $"staff_id '{k}'");
        check.Unique(ContractTables.Courses.FileName, courses, c => c.Code, "code", k => $"code '{k}'");

        var courseCodes = courses.Select(c => c.Row.Code).ToHashSet();
        var staffIds = staff.Select(s => s.Row.StaffId).ToHashSet();
        check.References(ContractTables.CourseRequirements.FileName, requirements, r => r.CourseCode, "course_code", courseCodes, ContractTables.Courses.FileName);
        check.Unique(ContractTables.CourseRequirements.FileName, requirements, r => (r.CourseCode, r.JobRole), "job_role",
            k => $"requirement of '{k.CourseCode}' for '{k.JobRole}'");
        check.References(ContractTables.Training.FileName, training, t => t.StaffId, "staff_id", staffIds, ContractTables.Staff.FileName);
        check.References(ContractTables.Training.FileName, training, t => t.CourseCode, "course_code", courseCodes, ContractTables.Courses.FileName);
        check.References(ContractTables.Supervisions.FileName, supervisions, s => s.StaffId, "staff_id", staffIds, ContractTables.Staff.FileName);
        check.Unique(ContractTables.Actions.FileName, actions, a => a.Id, "id", k => $"id '{k}'");
    }

    /// <summary>One file's rows that pass their own checks; <paramref name="records"/> is its number of records, null when it is not text.</summary>
    private static IReadOnlyList<Lined<T>> Parse<T>(TableSpec<T> spec, byte[] bytes, ErrorList errors, out int? records)
    {
        records = null;
        if (EncodingProblem(spec.FileName, bytes) is { } problem)
        {
            errors.Add(problem);
            return [];
        }
        // UTF-8 only: a UTF-8 byte order mark is skipped, any other is not taken as a sign of another encoding.
        using var reader = new StreamReader(new MemoryStream(bytes), new UTF8Encoding(true, throwOnInvalidBytes: true), detectEncodingFromByteOrderMarks: false);
        var table = CsvTable.Parse(spec.FileName, reader, errors);
        records = table.Records.Count;
        return spec.Read(table, errors);
    }

    /// <summary>data-contract.md: UTF-8, no NUL. Named with the line it is on, before any parsing.</summary>
    private static DatasetError? EncodingProblem(string file, byte[] bytes)
    {
        int LineOf(int index) => 1 + bytes.AsSpan(0, index).Count((byte)'\n');
        if (bytes is [0xFF, 0xFE, ..] or [0xFE, 0xFF, ..])
            return new DatasetError(file, 1, null, "is UTF-16; the data contract needs UTF-8");
        var nul = Array.IndexOf(bytes, (byte)0);
        if (nul >= 0) return new DatasetError(file, LineOf(nul), null, "holds a NUL character (U+0000), which the data contract does not allow (is the file UTF-16?)");
        var chars = new char[bytes.Length];
        if (System.Text.Unicode.Utf8.ToUtf16(bytes, chars, out var read, out _, replaceInvalidSequences: false) != System.Buffers.OperationStatus.Done)
            return new DatasetError(file, LineOf(read), null, $"is not valid UTF-8 (byte {read + 1} of the file; is it Latin-1 or Windows-1252?)");
        return null;
    }

    private static IReadOnlyList<T> Rows<T>(IReadOnlyList<Lined<T>> lined) => lined.Select(l => l.Row).ToArray();

    private EvidenceProvenance Provenance(SortedDictionary<string, byte[]> files, Dictionary<string, int> rowCounts)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var rows = new List<KeyValuePair<string, int>>();
        foreach (var (name, bytes) in files)
        {
            rows.Add(new(name, rowCounts[name]));
            hash.AppendData(Encoding.UTF8.GetBytes($"{name}\n{bytes.LongLength}\n"));
            hash.AppendData(bytes);
        }
        return new EvidenceProvenance($"dataset folder {Path.GetFileName(Folder)}", Convert.ToHexStringLower(hash.GetHashAndReset()), rows);
    }
}
