using System.Globalization;
using Azure.Data.Tables;

namespace Dispatch.Storage;

/// <summary>Day marks of the reminder sweep's once-a-day work per community, in the <c>reminders</c> table
/// (partition "run|{community}", row "{job}|{yyyyMMdd}"). They keep a sweep that runs every second from
/// re-reading tallies all day; correctness does not rest on them (every nudge and digest is deduplicated by
/// key), so a crash between the work and the mark only repeats harmless work. A mark, once there, stays for its
/// day: the marks seen are remembered (the latest day's only), so an upkeep pass does not read one mark per
/// community every time (50 communities made 100 of an idle host's 120 requests a minute).</summary>
public sealed class SweepMarks(StorageAccount account)
{
    private readonly FeatureTable _table = new(account, ReminderTables.Ledger);
    private readonly Lock _gate = new();
    private readonly HashSet<(string Job, string Community)> _seen = [];
    private DateOnly _seenDay;

    public async Task<bool> HasRunAsync(string job, string communityId, DateOnly day, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            if (day == _seenDay && _seen.Contains((job, communityId)))
            {
                return true;
            }
        }

        var table = await _table.GetAsync(cancellationToken).ConfigureAwait(false);
        var (pk, rk) = Key(job, communityId, day);
        var found = await table.GetEntityIfExistsAsync<TableEntity>(pk, rk, ["RanAt"], cancellationToken).ConfigureAwait(false);
        if (found.HasValue)
        {
            Remember(job, communityId, day);
        }

        return found.HasValue;
    }

    public async Task MarkAsync(string job, string communityId, DateOnly day, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        var table = await _table.GetAsync(cancellationToken).ConfigureAwait(false);
        var (pk, rk) = Key(job, communityId, day);
        await table.UpsertEntityAsync(new TableEntity(pk, rk) { ["RanAt"] = at }, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
        Remember(job, communityId, day);
    }

    private void Remember(string job, string communityId, DateOnly day)
    {
        lock (_gate)
        {
            if (day < _seenDay)
            {
                return; // an earlier day's mark: never asked for again
            }

            if (day > _seenDay)
            {
                _seenDay = day;
                _seen.Clear();
            }

            _seen.Add((job, communityId));
        }
    }

    private static (string Partition, string Row) Key(string job, string communityId, DateOnly day) =>
        ($"run|{Keys.Id(communityId, nameof(communityId))}",
         $"{Keys.Id(job, nameof(job))}|{day.ToString("yyyyMMdd", CultureInfo.InvariantCulture)}");
}
