using Dispatch.Core.Hours;
using Dispatch.Core.Members;
using Dispatch.Core.Posts;
using Dispatch.Core.Tallies;

namespace Dispatch.Core.Assessment;

/// <summary>A community's year frozen at <see cref="FrozenAt"/>: every counted member's tally and the
/// roll-ups, under the points rules of that day. Immutable: entries arriving later are
/// <see cref="LateCorrection"/>s listed beside it, never merged into it.</summary>
public sealed record AssessmentSnapshot(
    string SnapshotId,
    string CommunityId,
    int Year,
    DateTimeOffset FrozenAt,
    PointsRules Rules,
    IReadOnlyList<AnnualTally> Tallies,
    TallyRollUps RollUps)
{
    /// <summary>Freezes from the raw entries of the year (not the running tallies), so the snapshot
    /// names exactly the entries it holds: <see cref="Frozen.EntryKeys"/> per member, which
    /// <see cref="LateCorrections.Find"/> compares against later.</summary>
    public static Frozen Freeze(
        string snapshotId,
        string communityId,
        int year,
        DateTimeOffset frozenAt,
        IReadOnlyCollection<ServiceRecord> records,
        IReadOnlyCollection<PostClaim> claims,
        IEnumerable<Member> roster,
        PointsRules rules)
    {
        ArgumentNullException.ThrowIfNull(records);
        ArgumentNullException.ThrowIfNull(claims);
        var mineRecords = records.Where(r => r.Location.CommunityId == communityId && r.ServedOn.Year == year).ToList();
        var mineClaims = claims.Where(c => c.CommunityId == communityId && c.Year == year).ToList();
        var counts = TallyCalculator.FromRecords(mineRecords, mineClaims, year, rules).Select(t => (t.MemberId, t.Counts));
        var report = TallyCalculator.Report(communityId, year, counts, roster, rules);
        var keys = mineRecords.Select(r => (r.MemberId, Key: EntryKey.Of(r)))
            .Concat(mineClaims.Select(c => (c.MemberId, Key: EntryKey.Of(c))))
            .GroupBy(k => k.MemberId, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<string>)[.. g.Select(k => k.Key).Distinct().Order(StringComparer.Ordinal)], StringComparer.Ordinal);
        return new Frozen(
            new AssessmentSnapshot(snapshotId, communityId, year, frozenAt, rules, report.Tallies, report.RollUps),
            keys);
    }

    /// <summary>The snapshot and, per member, the keys of the entries it holds.</summary>
    public sealed record Frozen(AssessmentSnapshot Snapshot, IReadOnlyDictionary<string, IReadOnlyList<string>> EntryKeys);
}

/// <summary>Names an entry of a year: "r|{recordId}" for a service record or correction, "p|{postId}" for
/// a post claim (one per member and post).</summary>
public static class EntryKey
{
    public static string Of(ServiceRecord record) => "r|" + (record ?? throw new ArgumentNullException(nameof(record))).RecordId;

    public static string Of(PostClaim claim) => "p|" + (claim ?? throw new ArgumentNullException(nameof(claim))).PostId;
}
