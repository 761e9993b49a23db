using System.Globalization;
using Azure.Data.Tables;
using Dispatch.Core.Orders;

namespace Dispatch.Storage;

/// <summary>The <c>timers</c> table: durable timers for the local host (the Azure host uses Durable
/// timers). One partition, "t" (see <see cref="FormerShards"/>); row = "{dueUtcTicks:D19}|{orderId}|{kind}|{round}"
/// so a range query on the row key finds the due timers in due order.</summary>
public sealed class TimerStore(StorageAccount account)
{
    public const string Partition = "t";

    private readonly TableClient _table = account.Table(TableNames.Timers);
    private readonly FormerShards _former = new(Partition);

    private static string RowOf(ScheduleTimer timer)
    {
        ArgumentNullException.ThrowIfNull(timer);
        return $"{timer.DueAt.UtcTicks:D19}|{Keys.Id(timer.OrderId, nameof(timer.OrderId))}|{timer.Kind}|{timer.Round}";
    }

    /// <summary>Stores the timer; scheduling the same timer again changes nothing.</summary>
    public async Task ScheduleAsync(ScheduleTimer timer, CancellationToken cancellationToken = default) =>
        await _table.UpsertEntityAsync(ToEntity(timer), TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);

    /// <summary>Stores several timers in one request (they share the partition): an order's save often sets two, a
    /// reminder and a deadline. Idempotent as <see cref="ScheduleAsync(ScheduleTimer, CancellationToken)"/>.</summary>
    public async Task ScheduleAsync(IReadOnlyList<ScheduleTimer> timers, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(timers);
        if (timers.Count == 1)
        {
            await ScheduleAsync(timers[0], cancellationToken).ConfigureAwait(false);
            return;
        }

        // A transaction holds at most 100 operations, each row once.
        foreach (var chunk in timers.DistinctBy(RowOf).Chunk(100))
        {
            await _table.SubmitTransactionAsync(
                chunk.Select(t => new TableTransactionAction(TableTransactionActionType.UpsertReplace, ToEntity(t))), cancellationToken)
                .ConfigureAwait(false);
        }
    }

    private static TableEntity ToEntity(ScheduleTimer timer) => new(Partition, RowOf(timer))
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
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {Partition} and RowKey lt {before}");
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
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {Partition}");
        await foreach (var e in _table.QueryAsync<TableEntity>(filter, maxPerPage: 1, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            return ToTimer(e).DueAt;
        }

        return null;
    }

    /// <summary>Removes the timer; removing one that is gone is fine.</summary>
    public Task DeleteAsync(ScheduleTimer timer, CancellationToken cancellationToken = default) =>
        Projection.DeleteIfExistsAsync(_table, Partition, RowOf(timer), cancellationToken);

    private static ScheduleTimer ToTimer(TableEntity e)
    {
        var parts = e.RowKey.Split('|');
        var due = new DateTimeOffset(long.Parse(parts[0], CultureInfo.InvariantCulture), TimeSpan.Zero);
        return new ScheduleTimer(
            e.GetString("OrderId") ?? parts[1],
            Enum.Parse<TimerKind>(e.GetString("Kind") ?? parts[2]),
            e.GetInt32("Round") ?? int.Parse(parts[3], CultureInfo.InvariantCulture),
            due);
    }
}
