using Dispatch.Local.Hosting;
using Dispatch.Storage;
using Microsoft.Extensions.Options;

namespace Dispatch.Local.Orders;

/// <summary>Heals projection rows left behind their order, whatever left them so (a crash before the
/// outbox existed, a failed write): every interval it walks one page of the organizer list and one page
/// of the inboxes, and rewrites each row whose version is older than its order's from the order as it is
/// now. Inbox rows of past offers (withdrawn, expired) are left alone: they are meant to stay at the
/// version that ended the member's part.</summary>
public sealed class ProjectionRepair(
    OrderIndex index,
    MemberInbox inbox,
    OrderStore orders,
    OrderProjector projector,
    TimeProvider clock,
    IOptions<DispatchOptions> options,
    ILogger<ProjectionRepair> logger)
{
    /// <summary>Rows per table per pass: bounds each pass's reads (one point read of the order per row).</summary>
    public const int Batch = 100;

    // Where the walk stands; per process, so a restart starts over from the first page.
    private string? _openCursor;
    private string? _inboxCursor;
    private DateTimeOffset _nextPass = DateTimeOffset.MinValue;

    /// <summary>Returns how many rows were healed.</summary>
    public async Task<int> RepairOnceAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        if (now < _nextPass)
        {
            return 0;
        }

        _nextPass = now + options.Value.ProjectionRepairInterval;
        var healed = 0;
        var open = await index.PageAsync(_openCursor, Batch, ct);
        _openCursor = open.Next;
        foreach (var row in open.Rows)
        {
            if (await BehindAsync(row, () => index.VersionAsync(row.PartitionKey, row.OrderId, ct), ct) is { } order)
            {
                await index.ProjectAsync(order.State, ct);
                healed++;
            }
        }

        var rows = await inbox.PageAsync(_inboxCursor, Batch, ct);
        _inboxCursor = rows.Next;
        foreach (var row in rows.Rows.Where(r => r.Role is InboxRole.Offered or InboxRole.Assigned))
        {
            if (await BehindAsync(row, () => inbox.VersionAsync(row.PartitionKey, row.OrderId, ct), ct) is { } order)
            {
                await projector.RepairInboxAsync(order.State, row.PartitionKey, ct);
                healed++;
            }
        }

        if (healed > 0)
        {
            logger.LogWarning("Projection repair rewrote {Rows} rows that were behind their orders", healed);
        }

        return healed;
    }

    /// <summary>The order, when its row is behind with nothing owed: an order whose outbox still holds effects is
    /// behind on purpose for a moment (its follow-ups, or the sweeper after a failure, write the row). A row that looks
    /// behind is read again before it counts: the page was read before the order, and under load a follow-up often
    /// wrote the row in between (the repair then rewrote a current row and warned of it).</summary>
    private async Task<StoredOrder?> BehindAsync(ProjectionRow row, Func<Task<int?>> current, CancellationToken ct) =>
        await orders.GetAsync(row.OrderId, ct) is { } order && order.State.Version > row.Version && order.Outbox.IsEmpty
        && await current() is { } now && now < order.State.Version
            ? order
            : null;
}
