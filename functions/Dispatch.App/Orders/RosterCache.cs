using System.Collections.Concurrent;
using Dispatch.Core.Matching;
using Dispatch.Storage;

namespace Dispatch.App.Orders;

/// <summary>Each community's <see cref="RosterIndex"/>, kept in memory and checked against the roster version with
/// one point read per match; rebuilt from one partition scan only after a member write. Each instance of a
/// scaled-out host keeps its own, and the version keeps them all honest.</summary>
public sealed class RosterCache(MemberStore members)
{
    private readonly ConcurrentDictionary<string, Cached> _byCommunity = new(StringComparer.Ordinal);

    public async Task<RosterIndex> GetAsync(string communityId, CancellationToken ct)
    {
        // The version is read before the roster: a write in between leaves a newer version than the one cached,
        // so the next call rebuilds, never the other way round.
        var version = await members.GetVersionAsync(communityId, ct);
        if (version is not null && _byCommunity.TryGetValue(communityId, out var cached) && cached.Version == version)
        {
            return cached.Index;
        }

        var index = RosterIndex.Of(communityId, await members.ListAsync(communityId, ct));
        _byCommunity[communityId] = new Cached(version, index);
        return index;
    }

    private sealed record Cached(string? Version, RosterIndex Index);
}
