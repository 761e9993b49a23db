using Dispatch.Core.Hours;
using Dispatch.Core.Orders;
using Dispatch.Core.Tallies;
using Dispatch.Core.Tests.Orders;
using static Dispatch.Core.Tests.Tallies.TallyFixtures;

namespace Dispatch.Core.Tests.Tallies;

public class TallyCalculatorTests
{
    private static AnnualTally Only(IEnumerable<AnnualTally> tallies, string member = "m1") => Assert.Single(tallies, t => t.MemberId == member);

    [Fact]
    public void A_tally_counts_hours_services_wishes_posts_ratings_points_and_the_quota()
    {
        var records = new[]
        {
            Record("o1", halfHours: 3, wish: true, rating: 5),
            Record("o2", halfHours: 4, wish: true, rating: 3),
            Record("o3", halfHours: 1),
        };

        var t = Only(TallyCalculator.FromRecords(records, [Claim("p1")], 2026, PointsRules.Default));

        Assert.Equal((4m, 3, 2, 1, 4m), (t.Hours, t.Services, t.Wishes, t.Posts, t.AverageRating!.Value));
        Assert.Equal(1, t.FiveStarRatings);
        Assert.True(t.QuotaMet);
        // Defaults: 1 per hour, 2 per wish, 5 per post, 1 per five-star rating.
        Assert.Equal(4m + 4m + 5m + 1m, t.Points);
        Assert.Equal(4m * 2 + 0, TallyCalculator.FromRecords(records, [], 2026, new PointsRules(PerHour: 2, PerWish: 0, PerPost: 0, PerFiveStarRating: 0))[0].Points);
    }

    [Fact]
    public void The_quota_needs_two_wishes_and_one_post()
    {
        Assert.False(Only(TallyCalculator.FromRecords([Record("o1", wish: true), Record("o2", wish: true)], [], 2026, PointsRules.Default)).QuotaMet);
        Assert.False(Only(TallyCalculator.FromRecords([Record("o1", wish: true)], [Claim("p1"), Claim("p2")], 2026, PointsRules.Default)).QuotaMet);
        Assert.True(Only(TallyCalculator.FromRecords([Record("o1", wish: true), Record("o2", wish: true)], [Claim("p1")], 2026, PointsRules.Default)).QuotaMet);
    }

    [Fact]
    public void A_service_across_midnight_of_31_December_counts_in_the_year_it_was_reported_done()
    {
        // Started 23:00 on 31 December 2026, reported done at 23:50 China time, confirmed on 2 January.
        var decider = new OrderDecider(OrderPolicy.Default);
        var request = new OrderRequest(OrderKind.Service, Members.ServiceCategory.Visit, new Members.Location("c1", "g1", "b1"), false, null);
        var placed = new DateTimeOffset(2026, 12, 31, 22, 0, 0, TimeSpan.FromHours(8));
        OrderState? s = null;
        foreach (var (e, at) in new (OrderEvent, DateTimeOffset)[]
                 {
                     (new OrderPlaced("o1", request), placed),
                     (new HandDispatched("org", "m1"), placed),
                     (new OfferAccepted("m1"), placed.AddMinutes(5)),
                     (new HoursReported("m1", ServiceHours.FromHours(1)), placed.AddMinutes(110)),
                     (new ServiceConfirmed(ConfirmedBy.Resident, null, 5), placed.AddDays(2)),
                 })
        {
            var d = decider.Decide(s, e, at).AsChanged();
            s = d.State;
            if (d.Effects.OfType<RecordService>().SingleOrDefault() is { } recorded)
            {
                Assert.Equal(new DateOnly(2026, 12, 31), recorded.Record.ServedOn);
                Assert.Equal(2, Only(TallyCalculator.FromRecords([recorded.Record], [], 2026, PointsRules.Default)).HalfHours);
                Assert.Empty(TallyCalculator.FromRecords([recorded.Record], [], 2027, PointsRules.Default));
            }
        }

        // Reported at 00:10 on 1 January instead: the new year.
        var late = Record("o2", servedOn: new DateOnly(2027, 1, 1)) with { ConfirmedAt = new DateTimeOffset(2027, 1, 1, 0, 10, 0, TimeSpan.FromHours(8)) };
        Assert.Empty(TallyCalculator.FromRecords([late], [], 2026, PointsRules.Default));
        Assert.Single(TallyCalculator.FromRecords([late], [], 2027, PointsRules.Default));
    }

    [Fact]
    public void Duplicates_are_credited_once_and_corrections_change_hours_only()
    {
        var original = Record("o1", halfHours: 4, wish: true, rating: 5);
        var down = ServiceCorrection.Correct(original, [], 2, "只服务了 1 小时", T0);
        var up = ServiceCorrection.Correct(original, [down], 6, "复核为 3 小时", T0);

        var t = Only(TallyCalculator.FromRecords([original, original with { HalfHours = 20 }, down, down, up], [Claim("p1"), Claim("p1")], 2026, PointsRules.Default));

        Assert.Equal((6, 1, 1, 1, 1), (t.HalfHours, t.Services, t.Wishes, t.Posts, t.RatingCount));
    }

    [Fact]
    public void A_post_claim_counts_in_the_year_the_post_starts()
    {
        var claims = new[] { Claim("p-winter", year: 2026) };
        Assert.Equal(1, Only(TallyCalculator.FromRecords([], claims, 2026, PointsRules.Default)).Posts);
        Assert.Empty(TallyCalculator.FromRecords([], claims, 2027, PointsRules.Default));
    }

    [Fact]
    public void A_member_who_moved_grid_counts_in_the_current_grid_while_records_keep_where_they_were_served()
    {
        var served = new[] { Record("o1", grid: "g1", building: "b1", halfHours: 2), Record("o2", grid: "g2", building: "b5", halfHours: 4) };
        var counts = TallyCalculator.FromRecords(served, [], 2026, PointsRules.Default).Select(t => (t.MemberId, t.Counts));

        var report = TallyCalculator.Report("c1", 2026, counts, [Member("m1", "g2", "b5"), Member("m2", "g1", "b1")], PointsRules.Default);

        Assert.Equal(["g1", "g2"], report.RollUps.Grids.Select(g => g.Id));
        Assert.Equal((1, 0), (report.RollUps.Grids[0].Members, report.RollUps.Grids[0].HalfHours)); // m2, idle
        Assert.Equal((1, 6), (report.RollUps.Grids[1].Members, report.RollUps.Grids[1].HalfHours)); // m1, all hours
        Assert.Equal(("b5", "g2", 6), (report.RollUps.Buildings[1].Id, report.RollUps.Buildings[1].GridId, report.RollUps.Buildings[1].HalfHours));
        Assert.Equal("g1", served[0].Location.GridId);
    }

    [Fact]
    public void Deactivated_members_appear_in_the_year_they_served_and_idle_active_members_count_toward_the_share()
    {
        var counts = TallyCalculator.FromRecords(
            [Record("o1", "m-left", wish: true), Record("o2", "m-left", wish: true), Record("o3", "m-gone")], [Claim("p1", "m-left")], 2026, PointsRules.Default)
            .Select(t => (t.MemberId, t.Counts));
        var roster = new[] { Member("m-left", active: false), Member("m-idle"), Member("m-idle-inactive", active: false) };

        var report = TallyCalculator.Report("c1", 2026, counts, roster, PointsRules.Default);

        Assert.Equal(["m-gone", "m-idle", "m-left"], report.Tallies.Select(t => t.MemberId));
        Assert.False(Only(report.Tallies, "m-left").Active);
        Assert.True(Only(report.Tallies, "m-left").QuotaMet);
        Assert.Null(Only(report.Tallies, "m-gone").GridId);
        Assert.Equal((3, 1, 0.3333m), (report.RollUps.Community.Members, report.RollUps.Community.QuotaMet, report.RollUps.Community.QuotaMetShare));
        Assert.Equal(2, Assert.Single(report.RollUps.Grids).Members); // m-gone is off the roster: community total only
    }

    [Fact]
    public void Entries_of_other_years_and_communities_are_not_counted()
    {
        var tallies = TallyCalculator.FromRecords(
            [Record("o1"), Record("o2", servedOn: new DateOnly(2025, 12, 31)), Record("o3", community: "c2")], [Claim("p1", year: 2025)], 2026, PointsRules.Default);
        Assert.Equal([("c1", "m1", 2), ("c2", "m1", 2)], tallies.Select(t => (t.CommunityId, t.MemberId, t.HalfHours)));
        Assert.All(tallies, t => Assert.Equal(0, t.Posts));
    }
}
