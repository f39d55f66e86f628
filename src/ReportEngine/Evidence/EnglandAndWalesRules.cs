using System.Collections.Concurrent;

namespace ReportEngine.Evidence;

/// <summary>England and Wales bank holidays by rule, with substitute days and the proclaimed one-off changes.</summary>
internal static class EnglandAndWalesRules
{
    private static readonly ConcurrentDictionary<int, HashSet<DateOnly>> Cache = new();

    // Proclaimed one-offs: added days, and regular days that were moved (old → new).
    private static readonly DateOnly[] Extra =
    [
        new(1999, 12, 31), new(2011, 4, 29), new(2012, 6, 5), new(2022, 6, 3), new(2022, 9, 19), new(2023, 5, 8),
    ];
    private static readonly Dictionary<DateOnly, DateOnly> Moved = new()
    {
        [new(1995, 5, 1)] = new(1995, 5, 8),   // VE Day 50th anniversary
        [new(2002, 5, 27)] = new(2002, 6, 4),  // Golden Jubilee
        [new(2012, 5, 28)] = new(2012, 6, 4),  // Diamond Jubilee
        [new(2020, 5, 4)] = new(2020, 5, 8),   // VE Day 75th anniversary
        [new(2022, 5, 30)] = new(2022, 6, 2),  // Platinum Jubilee
    };

    public static HashSet<DateOnly> HolidaysOf(int year) => Cache.GetOrAdd(year, Compute);

    private static HashSet<DateOnly> Compute(int year)
    {
        var easter = EasterSunday(year);
        var days = new List<DateOnly>
        {
            NextWeekday(new DateOnly(year, 1, 1)),
            easter.AddDays(-2),
            easter.AddDays(1),
            FirstMonday(year, 5),
            LastMonday(year, 5),
            LastMonday(year, 8),
        };
        days.AddRange(ChristmasAndBoxingDay(year));
        var result = days.Select(d => Moved.GetValueOrDefault(d, d)).ToHashSet();
        result.UnionWith(Extra.Where(d => d.Year == year));
        return result;
    }

    private static IEnumerable<DateOnly> ChristmasAndBoxingDay(int year)
    {
        var christmas = new DateOnly(year, 12, 25);
        return christmas.DayOfWeek switch
        {
            DayOfWeek.Friday => [christmas, christmas.AddDays(3)],
            DayOfWeek.Saturday => [christmas.AddDays(2), christmas.AddDays(3)],
            DayOfWeek.Sunday => [christmas.AddDays(1), christmas.AddDays(2)],
            _ => [christmas, christmas.AddDays(1)],
        };
    }

    private static DateOnly NextWeekday(DateOnly d) => d.DayOfWeek switch
    {
        DayOfWeek.Saturday => d.AddDays(2),
        DayOfWeek.Sunday => d.AddDays(1),
        _ => d,
    };

    private static DateOnly FirstMonday(int year, int month)
    {
        var d = new DateOnly(year, month, 1);
        while (d.DayOfWeek != DayOfWeek.Monday) d = d.AddDays(1);
        return d;
    }

    private static DateOnly LastMonday(int year, int month)
    {
        var d = new DateOnly(year, month, DateTime.DaysInMonth(year, month));
        while (d.DayOfWeek != DayOfWeek.Monday) d = d.AddDays(-1);
        return d;
    }

    /// <summary>Gregorian Easter Sunday (the anonymous "Meeus/Jones/Butcher" algorithm).</summary>
    public static DateOnly EasterSunday(int year)
    {
        int a = year % 19, b = year / 100, c = year % 100, d = b / 4, e = b % 4;
        int f = (b + 8) / 25, g = (b - f + 1) / 3, h = (19 * a + b - d - g + 15) % 30;
        int i = c / 4, k = c % 4, l = (32 + 2 * e + 2 * i - h - k) % 7, m = (a + 11 * h + 22 * l) / 451;
        int month = (h + l - 7 * m + 114) / 31, day = (h + l - 7 * m + 114) % 31 + 1;
        return new DateOnly(year, month, day);
    }
}
