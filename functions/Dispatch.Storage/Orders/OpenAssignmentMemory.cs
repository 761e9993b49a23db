using System.Collections.Concurrent;

namespace Dispatch.Storage;

/// <summary>Each community's open assignments (which member holds which open order) as the <c>openorders</c> rows show
/// them, kept by a host that writes every one of those rows itself: the local host, one process. The matching load
/// then costs no query per dispatch (a query the emulator answers by filtering the whole table, so it slowed with the
/// district). A community is read from storage on first use, whenever a write raced that read, and again every
/// <see cref="RereadEvery"/> answers from memory, so a row changed behind the host's back is not believed for long
/// (counted in answers, not minutes: the benchmarks and tests move the clock by hours). A scaled-out host (several
/// writers) must not use it: it queries each time.</summary>
public sealed class OpenAssignmentMemory
{
    public const int RereadEvery = 50;

    private readonly ConcurrentDictionary<string, Community> _communities = new(StringComparer.Ordinal);

    /// <summary>The community's counts per member, if known and fresh.</summary>
    public bool TryCounts(string communityId, out IReadOnlyDictionary<string, int> counts)
    {
        var community = _communities.GetOrAdd(communityId, _ => new Community());
        lock (community.Gate)
        {
            if (community.Holders is { } holders && community.Answers++ < RereadEvery)
            {
                counts = holders.Values.Where(h => h.MemberId is not null)
                    .GroupBy(h => h.MemberId!, StringComparer.Ordinal)
                    .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
                return true;
            }
        }

        counts = new Dictionary<string, int>();
        return false;
    }

    /// <summary>Taken before reading the community from storage, handed back to <see cref="Read"/>.</summary>
    public long WritesSoFar(string communityId)
    {
        var community = _communities.GetOrAdd(communityId, _ => new Community());
        lock (community.Gate)
        {
            return community.Writes;
        }
    }

    /// <summary>What a read of the community's rows found: kept unless a write landed while it ran (the read may or may
    /// not show it), in which case the next dispatch reads again.</summary>
    public void Read(string communityId, long writesBefore, IEnumerable<(string OrderId, int Version, string? MemberId)> rows)
    {
        var community = _communities.GetOrAdd(communityId, _ => new Community());
        lock (community.Gate)
        {
            if (community.Writes != writesBefore)
            {
                return;
            }

            community.Holders = rows.ToDictionary(r => r.OrderId, r => (r.Version, r.MemberId), StringComparer.Ordinal);
            community.Answers = 0;
        }
    }

    /// <summary>A row written (<paramref name="memberId"/>: who holds the order, null if nobody) or deleted
    /// (<paramref name="deleted"/>); an older version than the one known changes nothing, as in storage.</summary>
    public void Wrote(string communityId, string orderId, int version, string? memberId, bool deleted)
    {
        var community = _communities.GetOrAdd(communityId, _ => new Community());
        lock (community.Gate)
        {
            community.Writes++;
            if (community.Holders is not { } holders)
            {
                return;
            }

            if (deleted)
            {
                holders.Remove(orderId);
            }
            else if (!holders.TryGetValue(orderId, out var known) || known.Version <= version)
            {
                holders[orderId] = (version, memberId);
            }
        }
    }

    private sealed class Community
    {
        public Lock Gate { get; } = new();

        public long Writes { get; set; }

        public Dictionary<string, (int Version, string? MemberId)>? Holders { get; set; }

        public int Answers { get; set; }
    }
}
