namespace ReportEngine.Gathering.Csv;

/// <summary>
/// data-contract.md's dates, <c>YYYY-MM-DD</c> and nothing else, read directly: the same dates
/// <c>DateOnly.TryParseExact(s, "yyyy-MM-dd", InvariantCulture)</c> accepts, at a small part of its cost (a dataset
/// has a date or more in most of its cells).
/// </summary>
internal static class IsoDate
{
    public static bool TryParse(ReadOnlySpan<char> s, out DateOnly date)
    {
        date = default;
        if (s.Length != 10 || s[4] != '-' || s[7] != '-') return false;
        if (!TryDigits(s[..4], out var year) || !TryDigits(s.Slice(5, 2), out var month) || !TryDigits(s.Slice(8, 2), out var day)) return false;
        if (year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month)) return false;
        date = new DateOnly(year, month, day);
        return true;
    }

    private static bool TryDigits(ReadOnlySpan<char> s, out int value)
    {
        value = 0;
        foreach (var c in s)
        {
            if (c is < '0' or > '9') return false;
            value = value * 10 + (c - '0');
        }
        return true;
    }
}
