using Dispatch.Core.Hours;

namespace Dispatch.Core.Reports;

/// <summary>One month of a community's year: confirmed half-hours (corrections included), services and wishes.</summary>
public sealed record MonthPoint(int Month, int HalfHours, int Services, int Wishes)
{
    public decimal Hours => HalfHours / 2m;
}

/// <summary>A year month by month (the trend chart), always twelve points, January first.</summary>
public sealed record MonthlyTrend(int Year, IReadOnlyList<MonthPoint> Months)
{
    public decimal Hours => Months.Sum(m => m.Hours);

    /// <summary>Pure, by the tallies' rules so the months add up to the tallies: a record counts in the
    /// China month of <see cref="ServiceRecord.ServedOn"/> (already a China date: the day the member
    /// reported the hours); a correction carries its original's date, so it lands in the original's month;
    /// a record is counted once per (community, member, record id); corrections add hours only.</summary>
    public static MonthlyTrend Of(IEnumerable<ServiceRecord> records, int year)
    {
        ArgumentNullException.ThrowIfNull(records);
        var inYear = records.Where(r => r.ServedOn.Year == year)
            .DistinctBy(r => (r.Location.CommunityId, r.MemberId, r.RecordId))
            .ToLookup(r => r.ServedOn.Month);
        return new MonthlyTrend(year, [.. Enumerable.Range(1, 12).Select(month =>
        {
            var mine = inYear[month].ToList();
            var originals = mine.Where(r => !r.IsCorrection).ToList();
            return new MonthPoint(month, mine.Sum(r => r.HalfHours), originals.Count, originals.Count(r => r.IsWish));
        })]);
    }
}
