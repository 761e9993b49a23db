using Dispatch.Core.Time;

namespace Dispatch.Core.Assessment;

/// <summary>When a year is over and must be frozen (考核年度). The year ends at midnight China Standard
/// Time on 31 December (16:00 UTC), whatever the server's zone.</summary>
public static class AssessmentYear
{
    /// <summary>The last completed China calendar year at <paramref name="now"/>.</summary>
    public static int PastYear(DateTimeOffset now) => ChinaTime.YearOf(now) - 1;

    /// <summary>True when the past year is not frozen yet. Idempotent by design: after a freeze the caller
    /// passes that year and gets false, so a repeated or late fire freezes once.</summary>
    public static bool ShouldFreeze(int? lastFrozenYear, DateTimeOffset now) =>
        lastFrozenYear is not { } last || last < PastYear(now);

    /// <summary>A year may be frozen (by hand too) only once it is over in China.</summary>
    public static bool IsOver(int year, DateTimeOffset now) => year <= PastYear(now);
}
