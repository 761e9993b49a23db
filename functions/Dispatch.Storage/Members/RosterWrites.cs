using System.Collections.Concurrent;

namespace Dispatch.Storage;

/// <summary>Counts the member writes this process makes, per community, each as it ends (landed or failed): a roster read
/// that began before a write ended carries an older count, so it is never taken for one made after the write. A host that
/// is the members table's only writer (the local host, one process) gives it to <see cref="MemberStore"/> and to the
/// roster cache, which then trusts a roster no write has touched since it was read instead of asking storage each time.
/// A scaled-out host (several writers) must not use it.</summary>
public sealed class RosterWrites
{
    private readonly ConcurrentDictionary<string, long> _counts = new(StringComparer.Ordinal);

    /// <summary>How many writes of the community have ended in this process so far.</summary>
    public long Of(string communityId) => _counts.GetValueOrDefault(communityId);

    internal void Note(string communityId) => _counts.AddOrUpdate(communityId, 1, static (_, n) => n + 1);
}
