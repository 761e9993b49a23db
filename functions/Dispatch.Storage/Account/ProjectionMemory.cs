using System.Collections.Concurrent;
using Azure;

namespace Dispatch.Storage;

/// <summary>The version and ETag of each projected row as this process last wrote it, so the next write of the same
/// row is one conditional request instead of a read and a write. Only a hint: a row someone else changed answers 412
/// and the writer falls back to reading it. Bounded: past <see cref="Capacity"/> rows it starts afresh.</summary>
public sealed class ProjectionMemory
{
    public const int Capacity = 20_000;

    private readonly ConcurrentDictionary<(string Table, string Partition, string Row), (int Version, ETag ETag)> _rows = new();

    public bool TryGet(string table, string partition, string row, out int version, out ETag etag)
    {
        if (_rows.TryGetValue((table, partition, row), out var known))
        {
            (version, etag) = known;
            return true;
        }

        (version, etag) = (0, default);
        return false;
    }

    public void Remember(string table, string partition, string row, int version, ETag? etag)
    {
        if (etag is not { } tag)
        {
            Forget(table, partition, row);
            return;
        }

        if (_rows.Count >= Capacity)
        {
            _rows.Clear();
        }

        _rows[(table, partition, row)] = (version, tag);
    }

    public void Forget(string table, string partition, string row) => _rows.TryRemove((table, partition, row), out _);
}
