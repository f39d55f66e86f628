using ReportEngine.Foundation;

namespace ReportEngine.Gathering;

/// <summary>One contract violation, printed as <c>file:line: column: message</c> (or <c>file: message</c> for a missing file).</summary>
public sealed record DatasetError(string File, int? Line, string? Column, string Message)
{
    public override string ToString() => (Line, Column) switch
    {
        (null, null) => $"{File}: {Message}",
        (null, _) => $"{File}: {Column}: {Message}",
        (_, null) => $"{File}:{Line}: {Message}",
        _ => $"{File}:{Line}: {Column}: {Message}",
    };
}

/// <summary>A dataset was refused as a whole; carries every error found in one pass.</summary>
public sealed class DatasetRejectedException(IReadOnlyList<DatasetError> errors)
    : Foundation.InputRefusedException($"The dataset was refused with {errors.Count} error(s):{Environment.NewLine}{string.Join(Environment.NewLine, errors)}")
{
    public IReadOnlyList<DatasetError> Errors { get; } = errors;
}
