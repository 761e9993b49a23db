using System.Collections.Concurrent;
using Dispatch.Core.Matching;
using Dispatch.Storage;

namespace Dispatch.App.Orders;

/// <summary>Each community's <see cref="RosterIndex"/>, kept in memory and checked against the roster version with
/// one point read per match; rebuilt from one partition scan only after a member write. Each instance of a
/// scaled-out host keeps its own, and the version keeps them all honest. A host that is the members table's only
/// writer passes its <see cref="RosterWrites"/>: a roster none of its writes has touched since the read is then
/// trusted without the version read (the local host: that read walks a 4,000-row partition on the emulator), and
/// checked again every <see cref="RecheckEvery"/> answers, so a change made behind the host's back is not believed for
/// long (counted in answers: the benchmarks and tests move the clock by hours).</summary>
public sealed class RosterCache(MemberStore members, RosterWrites? writes = null)
{
    public const int RecheckEvery = 50;

    private readonly ConcurrentDictionary<string, Cached> _byCommunity = new(StringComparer.Ordinal);

    public async Task<RosterIndex> GetAsync(string communityId, CancellationToken ct)
    {
        if (Vouched(communityId) is { } vouched)
        {
            return vouched;
        }

        // The writes are counted before the version is read, and the version before the roster: a write in between
        // leaves a newer count or version than the one cached, so the next call checks again, never the other way round.
        var writesBefore = writes?.Of(communityId);
        var version = await members.GetVersionAsync(communityId, ct);
        if (version is not null && _byCommunity.TryGetValue(communityId, out var cached) && cached.Version == version)
        {
            _byCommunity[communityId] = new Cached(version, cached.Index, writesBefore);
            return cached.Index;
        }

        var index = RosterIndex.Of(communityId, await members.ListAsync(communityId, ct));
        _byCommunity[communityId] = new Cached(version, index, writesBefore);
        return index;
    }

    /// <summary>The cached roster, when this process's own writes vouch for it (no member write of the community since
    /// it was read, fewer than <see cref="RecheckEvery"/> answers since); null when storage must be asked, and always
    /// without <see cref="RosterWrites"/>.</summary>
    public RosterIndex? Vouched(string communityId)
    {
        if (writes is null || !_byCommunity.TryGetValue(communityId, out var cached) || cached.Writes != writes.Of(communityId))
        {
            return null;
        }

        return Interlocked.Increment(ref cached.Answers) <= RecheckEvery ? cached.Index : null;
    }

    private sealed class Cached(string? version, RosterIndex index, long? writes)
    {
        public int Answers;

        public string? Version { get; } = version;

        public RosterIndex Index { get; } = index;

        public long? Writes { get; } = writes;
    }
}
