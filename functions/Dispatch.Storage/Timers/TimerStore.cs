using System.Globalization;
using Azure;
using Azure.Data.Tables;
using Dispatch.Core.Orders;

namespace Dispatch.Storage;

/// <summary>The <c>timers</c> table: durable timers for the local host (the Azure host uses Durable timers).
/// Partition = "d" and the UTC day the timer is due ("d20261201"); row = "{dueUtcTicks:D19}|{orderId}|{kind}|{round}".
/// Partitions and rows both sort by due time, so one range query finds the due timers in due order across days.
/// A partition per day keeps an order's writes out of the weeks of reminders other orders hold: the emulator's
/// cost per write grows with the partition it lands in (measured: a two-row transaction into a 20,000-row
/// partition 9.7 ms, into a small one 1.2 ms). Rows of the one partition "t" (and "t00".."t15" before it) that
/// an earlier version wrote are moved to their day once per process, before the first read.</summary>
public sealed class TimerStore(StorageAccount account)
{
    private const string Prefix = "d";

    /// <summary>Sorts after every day partition.</summary>
    private const string AfterLastDay = "e";

    private readonly TableClient _table = account.Table(TableNames.Timers);
    private readonly FormerShards _former = new("t", "t15", row => PartitionOf(DueOf(row)));

    /// <summary>The partition of timers due on <paramref name="due"/>'s UTC day.</summary>
    public static string PartitionOf(DateTimeOffset due) =>
        Prefix + due.UtcDateTime.ToString("yyyyMMdd", CultureInfo.InvariantCulture);

    private static string RowOf(ScheduleTimer timer)
    {
        ArgumentNullException.ThrowIfNull(timer);
        return $"{timer.DueAt.UtcTicks:D19}|{Keys.Id(timer.OrderId, nameof(timer.OrderId))}|{timer.Kind}|{timer.Round}";
    }

    private static DateTimeOffset DueOf(string row) =>
        new(long.Parse(row.AsSpan(0, row.IndexOf('|', StringComparison.Ordinal)), CultureInfo.InvariantCulture), TimeSpan.Zero);

    /// <summary>Stores the timer; scheduling the same timer again changes nothing.</summary>
    public async Task ScheduleAsync(ScheduleTimer timer, CancellationToken cancellationToken = default) =>
        await _table.UpsertEntityAsync(ToEntity(timer), TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);

    /// <summary>Stores several timers, one request per due day (a transaction holds one partition), the days side by
    /// side: an order's save often sets two, a reminder and a deadline, mostly on one day. Idempotent as
    /// <see cref="ScheduleAsync(ScheduleTimer, CancellationToken)"/>.</summary>
    public Task ScheduleAsync(IReadOnlyList<ScheduleTimer> timers, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(timers);
        return Task.WhenAll(Batches(timers)
            .Select(chunk => chunk.Length == 1
                ? ScheduleAsync(chunk[0], cancellationToken)
                : _table.SubmitTransactionAsync(
                    chunk.Select(t => new TableTransactionAction(TableTransactionActionType.UpsertReplace, ToEntity(t))), cancellationToken)));
    }

    /// <summary>The timers in transactions: each row once, one due day (partition) each, at most 100 operations each.</summary>
    private static IEnumerable<ScheduleTimer[]> Batches(IEnumerable<ScheduleTimer> timers) =>
        timers.DistinctBy(RowOf).GroupBy(t => PartitionOf(t.DueAt)).SelectMany(day => day.Chunk(100));

    private static TableEntity ToEntity(ScheduleTimer timer) => new(PartitionOf(timer.DueAt), RowOf(timer))
    {
        ["OrderId"] = timer.OrderId,
        ["Kind"] = timer.Kind.ToString(),
        ["Round"] = timer.Round,
        ["DueAt"] = timer.DueAt,
    };

    /// <summary>Up to <paramref name="max"/> timers due at or before <paramref name="now"/>, earliest first.</summary>
    public async Task<IReadOnlyList<ScheduleTimer>> DueAsync(DateTimeOffset now, int max, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(max);
        await _former.MoveAsync(_table, cancellationToken).ConfigureAwait(false);
        var before = (now.UtcTicks + 1).ToString("D19", CultureInfo.InvariantCulture);
        var filter = TableClient.CreateQueryFilter(
            $"PartitionKey ge {Prefix} and PartitionKey le {PartitionOf(now)} and RowKey lt {before}");
        var due = new List<ScheduleTimer>();
        await foreach (var e in _table.QueryAsync<TableEntity>(filter, maxPerPage: Math.Min(max, 1000), cancellationToken: cancellationToken)
                           .ConfigureAwait(false))
        {
            due.Add(ToTimer(e));
            if (due.Count >= max)
            {
                break;
            }
        }

        return due;
    }

    /// <summary>When the earliest stored timer is due, or null if there is none.</summary>
    public async Task<DateTimeOffset?> NextDueAsync(CancellationToken cancellationToken = default)
    {
        await _former.MoveAsync(_table, cancellationToken).ConfigureAwait(false);
        var filter = TableClient.CreateQueryFilter($"PartitionKey ge {Prefix} and PartitionKey lt {AfterLastDay}");
        await foreach (var e in _table.QueryAsync<TableEntity>(filter, maxPerPage: 1, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            return ToTimer(e).DueAt;
        }

        return null;
    }

    /// <summary>Removes the timer; removing one that is gone is fine.</summary>
    public Task DeleteAsync(ScheduleTimer timer, CancellationToken cancellationToken = default) =>
        Projection.DeleteIfExistsAsync(_table, PartitionOf(timer.DueAt), RowOf(timer), cancellationToken);

    /// <summary>Removes timers no longer needed, one request per due day when all are there; those already gone
    /// (fired, or dropped by an earlier try) are fine.</summary>
    public async Task DropAsync(IReadOnlyList<ScheduleTimer> timers, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(timers);
        foreach (var chunk in Batches(timers))
        {
            if (chunk.Length > 1)
            {
                try
                {
                    await _table.SubmitTransactionAsync(
                        chunk.Select(t => new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(PartitionOf(t.DueAt), RowOf(t)), ETag.All)),
                        cancellationToken).ConfigureAwait(false);
                    continue;
                }
                catch (TableTransactionFailedException e) when (e.Status == 404)
                {
                    // One was gone, so none was deleted: one at a time, below.
                }
            }

            foreach (var timer in chunk)
            {
                await DeleteAsync(timer, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private static ScheduleTimer ToTimer(TableEntity e)
    {
        var parts = e.RowKey.Split('|');
        return new ScheduleTimer(
            e.GetString("OrderId") ?? parts[1],
            Enum.Parse<TimerKind>(e.GetString("Kind") ?? parts[2]),
            e.GetInt32("Round") ?? int.Parse(parts[3], CultureInfo.InvariantCulture),
            DueOf(e.RowKey));
    }
}
