using Dispatch.Core.Assessment;
using Dispatch.Core.Hours;
using Dispatch.Core.Tallies;
using static Dispatch.Core.Tests.Tallies.TallyFixtures;

namespace Dispatch.Core.Tests.Assessment;

public class AssessmentYearTests
{
    private static readonly TimeSpan China = TimeSpan.FromHours(8);

    [Fact]
    public void The_past_year_freezes_at_midnight_China_time_on_1_January_and_only_once()
    {
        var lastMinute = new DateTimeOffset(2026, 12, 31, 23, 59, 59, China);
        var midnight = new DateTimeOffset(2027, 1, 1, 0, 0, 0, China);

        Assert.False(AssessmentYear.ShouldFreeze(2025, lastMinute));
        Assert.True(AssessmentYear.ShouldFreeze(2025, midnight));
        Assert.True(AssessmentYear.ShouldFreeze(2025, midnight.ToUniversalTime())); // 16:00 UTC on 31 December
        Assert.False(AssessmentYear.ShouldFreeze(2026, midnight));   // a second fire
        Assert.False(AssessmentYear.ShouldFreeze(2026, midnight.AddDays(200))); // a late fire, same year
        Assert.True(AssessmentYear.ShouldFreeze(null, midnight));     // never frozen: freeze the past year
        Assert.Equal(2026, AssessmentYear.PastYear(midnight));
        Assert.False(AssessmentYear.IsOver(2026, lastMinute));
        Assert.True(AssessmentYear.IsOver(2026, midnight));
    }

    [Fact]
    public void A_snapshot_holds_the_year_and_later_entries_are_listed_against_it_never_merged()
    {
        var original = Record("o1", halfHours: 4, servedOn: new DateOnly(2026, 12, 31), wish: true);
        var frozenAt = new DateTimeOffset(2027, 1, 1, 0, 0, 5, China);
        var frozen = AssessmentSnapshot.Freeze("s1", "c1", 2026, frozenAt, [original, Record("o0", servedOn: new DateOnly(2027, 1, 1))],
            [Claim("p1")], [Member("m1"), Member("m2")], PointsRules.Default);

        var m1 = Assert.Single(frozen.Snapshot.Tallies, t => t.MemberId == "m1");
        Assert.Equal((4, 1), (m1.HalfHours, m1.Posts));
        Assert.Equal(2, frozen.Snapshot.RollUps.Community.Members);
        Assert.Equal(["p|p1", "r|o1"], frozen.EntryKeys["m1"]);

        var correction = ServiceCorrection.Correct(original, [], 2, "复核", frozenAt.AddDays(3));
        var lateRecord = Record("o9", "m2", servedOn: new DateOnly(2026, 12, 31)) with { ConfirmedAt = frozenAt.AddDays(1) };
        var late = LateCorrections.Find(frozen.EntryKeys, [original, correction, lateRecord], [Claim("p1"), Claim("p2", "m2") with { ClaimedAt = frozenAt.AddDays(2) }]);

        Assert.Equal(
            [(LateKind.Record, "m2", "o9", 2), (LateKind.PostClaim, "m2", "p2", 0), (LateKind.Correction, "m1", "o1~c1", -2)],
            late.Select(l => (l.Kind, l.MemberId, l.EntryId, l.HalfHours)));
        Assert.Equal("o1", late[2].CorrectsRecordId);
        Assert.Equal(4, m1.HalfHours);
    }
}
