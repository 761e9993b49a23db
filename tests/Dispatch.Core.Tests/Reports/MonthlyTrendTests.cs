using Dispatch.Core.Hours;
using Dispatch.Core.Reports;
using Dispatch.Core.Tallies;
using static Dispatch.Core.Tests.Tallies.TallyFixtures;

namespace Dispatch.Core.Tests.Reports;

public class MonthlyTrendTests
{
    [Fact]
    public void Twelve_months_by_the_China_service_date_with_corrections_in_the_original_month()
    {
        var jan = Record("o1", servedOn: new DateOnly(2026, 1, 1), halfHours: 4, wish: true); // reported 00:30 on New Year's Day in China
        var records = new[]
        {
            Record("o0", servedOn: new DateOnly(2025, 12, 31), halfHours: 6), // last year
            jan,
            Record("o2", servedOn: new DateOnly(2026, 3, 15), halfHours: 3),
            Record("o2", servedOn: new DateOnly(2026, 3, 15), halfHours: 3), // the same record twice counts once
            jan with { RecordId = "o1~c1", CorrectsRecordId = "o1", HalfHours = -1, Reason = "多报了半小时" },
            Record("o3", member: "m2", servedOn: new DateOnly(2026, 12, 31), halfHours: 2),
        };

        var trend = MonthlyTrend.Of(records, 2026);

        Assert.Equal(Enumerable.Range(1, 12), trend.Months.Select(m => m.Month));
        Assert.Equal(new MonthPoint(1, 3, 1, 1), trend.Months[0]);
        Assert.Equal(new MonthPoint(3, 3, 1, 0), trend.Months[2]);
        Assert.Equal(new MonthPoint(12, 2, 1, 0), trend.Months[11]);
        Assert.Equal(0, trend.Months[1].HalfHours);
        Assert.Equal(4m, trend.Hours);
    }

    [Fact]
    public void The_months_add_up_to_the_tallies()
    {
        var random = new Random(42);
        var records = Enumerable.Range(0, 300).Select(i => Record(
            $"o{random.Next(250)}",
            member: $"m{random.Next(8)}",
            servedOn: new DateOnly(2026, 1, 1).AddDays(random.Next(-20, 380)),
            halfHours: random.Next(1, 25),
            wish: random.Next(3) == 0)).ToList();
        var tallies = TallyCalculator.FromRecords(records, [], 2026, PointsRules.Default);
        var trend = MonthlyTrend.Of(records, 2026);
        Assert.Equal(tallies.Sum(t => t.HalfHours), trend.Months.Sum(m => m.HalfHours));
        Assert.Equal(tallies.Sum(t => t.Services), trend.Months.Sum(m => m.Services));
        Assert.Equal(tallies.Sum(t => t.Wishes), trend.Months.Sum(m => m.Wishes));
    }
}
