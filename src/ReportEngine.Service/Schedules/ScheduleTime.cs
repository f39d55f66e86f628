using System.Globalization;

namespace ReportEngine.Service.Schedules;

/// <summary>
/// When a schedule runs, as a person sets it and reads it: a day of the month (1 to 28, which every month has) and a
/// time, and for a kind made once a year the month too. Written as the cron expression Hangfire keeps.
/// </summary>
public sealed record ScheduleTime(int Day, int? Month, int Hour, int Minute)
{
    public string Cron => $"{Minute} {Hour} {Day} {(Month is { } m ? m.ToString(CultureInfo.InvariantCulture) : "*")} *";

    public string Words => Month is { } month
        ? $"{Day} {CultureInfo.InvariantCulture.DateTimeFormat.GetMonthName(month)} each year at {Hour:00}:{Minute:00}"
        : $"Day {Day} of each month at {Hour:00}:{Minute:00}";

    /// <summary>A cron of the shape this writes ("30 7 2 * *", "0 6 1 5 *"); null for any other, which is shown as it is.</summary>
    public static ScheduleTime? FromCron(string cron)
    {
        var parts = cron.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length != 5 || parts[4] != "*") return null;
        int? Number(string text, int min, int max) =>
            int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= min && n <= max ? n : null;
        if (Number(parts[0], 0, 59) is not { } minute || Number(parts[1], 0, 23) is not { } hour || Number(parts[2], 1, 28) is not { } day) return null;
        if (parts[3] == "*") return new ScheduleTime(day, null, hour, minute);
        return Number(parts[3], 1, 12) is { } month ? new ScheduleTime(day, month, hour, minute) : null;
    }

    /// <summary>The form's fields: a day, a month for a yearly kind, and a time as HH:MM; why not, when they do not make one.</summary>
    public static (ScheduleTime? Time, string? Problem) Parse(string? day, string? month, string? time, bool yearly)
    {
        if (!int.TryParse(day, NumberStyles.None, CultureInfo.InvariantCulture, out var d) || d is < 1 or > 28)
            return (null, "Give the day as a number from 1 to 28 (every month has it)");
        int? m = null;
        if (yearly)
        {
            if (!int.TryParse(month, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) || parsed is < 1 or > 12) return (null, "Choose the month");
            m = parsed;
        }
        if (!TimeOnly.TryParseExact(time ?? "", "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var t))
            return (null, "Give the time as hours and minutes, like 06:00");
        return (new ScheduleTime(d, m, t.Hour, t.Minute), null);
    }
}
