using Dispatch.Core.Assessment;
using Dispatch.Core.Tallies;

namespace Dispatch.Storage;

/// <summary>Freezes the past year of every community on 1 January China time. Host-neutral: the local
/// host calls <see cref="RunOnceAsync"/> from its background loop, the Azure host from its AnnualTally
/// timer trigger. Idempotent: the snapshot row is added once per community-year, so a double, late or
/// concurrent fire freezes once and later fires return the existing snapshot.</summary>
public sealed class AnnualFreezeJob(
    OrgDirectory org, MemberStore members, ServiceRecordStore records, AssessmentStore assessments, PointsRules? rules = null)
{
    // The past year every community is known to be frozen through, so a loop polling every second reads
    // nothing until the next 1 January. A new process checks once.
    private int _allFrozenThrough = int.MinValue;

    public PointsRules Rules { get; } = rules ?? PointsRules.Default;

    /// <summary>Freezes the past year of each community that has not frozen it. Returns what it froze now.</summary>
    public async Task<IReadOnlyList<AssessmentSnapshot>> RunOnceAsync(DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        var pastYear = AssessmentYear.PastYear(now);
        if (Volatile.Read(ref _allFrozenThrough) >= pastYear)
        {
            return [];
        }

        var frozen = new List<AssessmentSnapshot>();
        foreach (var community in await org.ListCommunitiesAsync(cancellationToken).ConfigureAwait(false))
        {
            var last = await assessments.LastFrozenYearAsync(community.CommunityId, cancellationToken).ConfigureAwait(false);
            if (AssessmentYear.ShouldFreeze(last, now))
            {
                var (snapshot, created) = await FreezeAsync(community.CommunityId, pastYear, now, cancellationToken).ConfigureAwait(false);
                if (created)
                {
                    frozen.Add(snapshot);
                }
            }
        }

        Volatile.Write(ref _allFrozenThrough, pastYear);
        return frozen;
    }

    /// <summary>Freezes one community's year from its stored records and post claims and the roster as it is
    /// now; returns the existing snapshot if the year is frozen already. The caller checks the year is over
    /// (<see cref="AssessmentYear.IsOver"/>).</summary>
    public async Task<(AssessmentSnapshot Snapshot, bool Created)> FreezeAsync(
        string communityId, int year, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        if (await assessments.GetAsync(communityId, year, cancellationToken).ConfigureAwait(false) is { } existing)
        {
            return (existing.Snapshot, false);
        }

        var entries = await records.EntriesAsync(communityId, year, cancellationToken).ConfigureAwait(false);
        var roster = await members.ListAsync(communityId, cancellationToken).ConfigureAwait(false);
        var snapshotId = $"{year:D4}-{Guid.NewGuid():N}"[..17];
        var frozen = AssessmentSnapshot.Freeze(snapshotId, communityId, year, now, entries.Records, entries.Claims, roster, Rules);
        var (stored, created) = await assessments.SaveAsync(frozen, cancellationToken).ConfigureAwait(false);
        return (stored.Snapshot, created);
    }
}
